package dev.mallard.core.migrate.diff;

import java.util.List;
import java.util.Objects;

/**
 * A table constraint other than NOT NULL (which lives on {@link ColumnModel}). Two constraints
 * are the same when DuckDB prints the same text for them.
 */
public record ConstraintModel(String type, String text, List<String> columns, String referencedTable) {
    public ConstraintModel {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        columns = List.copyOf(columns);
    }

    boolean isForeignKey() {
        return "FOREIGN KEY".equals(type);
    }

    /** PRIMARY KEY and UNIQUE are backed by an index, which blocks most ALTERs in DuckDB. */
    boolean isIndexBacked() {
        return "PRIMARY KEY".equals(type) || "UNIQUE".equals(type);
    }
}
