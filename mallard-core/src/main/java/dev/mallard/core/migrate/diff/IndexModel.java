package dev.mallard.core.migrate.diff;

import java.util.Objects;

/** An explicit index (CREATE [UNIQUE] INDEX), compared by the statement DuckDB prints for it. */
public record IndexModel(String name, String table, String createSql) {
    public IndexModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(createSql, "createSql");
    }
}
