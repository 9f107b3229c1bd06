package dev.mallard.api;

import java.util.Objects;

/** What a {@link JavaModel} returns: a {@link Query} or a {@link RowWriter}. */
public interface ModelOutput {

    /** The model's rows are the result of {@code select}, a query in the engine's SQL. */
    static ModelOutput query(String select) {
        return new Query(select);
    }

    /** A query whose result is the model's table. */
    record Query(String select) implements ModelOutput {
        public Query {
            Objects.requireNonNull(select, "select");
            if (select.isBlank()) {
                throw new IllegalArgumentException("a Java model's query is empty");
            }
        }
    }
}
