package dev.mallard.core.migrate.diff;

import java.util.Objects;
import java.util.Set;

/**
 * What a diff looks at: one schema, minus the tables Mallard or dbt own (the migration
 * history table, relations that models build). Sequences with an ignored name, and those the
 * ignored tables draw their defaults from, are left alone too.
 */
public record DiffScope(String schema, Set<String> ignoredTables, boolean qualified) {
    public static final String DEFAULT_SCHEMA = "main";

    public DiffScope {
        Objects.requireNonNull(schema, "schema");
        if (schema.isBlank()) {
            throw new IllegalArgumentException("schema must not be blank");
        }
        ignoredTables = Set.copyOf(ignoredTables);
    }

    /** The statements a diff writes name the schema (except DuckDB's {@code main}). */
    public DiffScope(String schema, Set<String> ignoredTables) {
        this(schema, ignoredTables, true);
    }

    /**
     * The same scope, with names left unqualified in the statements (Postgres: the migration
     * runs with the target schema as its search_path, and a replay in a scratch schema works).
     */
    public DiffScope unqualified() {
        return new DiffScope(schema, ignoredTables, false);
    }

    /** The {@code main} schema, ignoring the given tables. */
    public static DiffScope main(Set<String> ignoredTables) {
        return new DiffScope(DEFAULT_SCHEMA, ignoredTables);
    }

    boolean ignores(String table) {
        return ignoredTables.contains(table) || table.endsWith(TableRebuild.STASH_SUFFIX);
    }
}
