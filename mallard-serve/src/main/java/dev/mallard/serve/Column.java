package dev.mallard.serve;

import java.util.Objects;

/** One column of a dataset as DuckDB describes it, e.g. {@code amount DECIMAL(18,2)}. */
public record Column(String name, String type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
