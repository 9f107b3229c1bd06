package dev.mallard.core.migrate.diff;

import java.util.Objects;

/**
 * One difference between the live database and the declared schema, in the direction of the
 * up migration. {@code object} is the table, index or sequence; {@code detail} says what.
 */
public record Change(Kind kind, String object, String detail) {
    /** What changed. */
    public enum Kind {
        SCHEMA_ADDED, SEQUENCE_ADDED, SEQUENCE_DROPPED, TABLE_ADDED, TABLE_DROPPED,
        COLUMN_ADDED, COLUMN_DROPPED, COLUMN_TYPE_CHANGED, COLUMN_NULLABILITY_CHANGED, COLUMN_DEFAULT_CHANGED,
        CONSTRAINT_ADDED, CONSTRAINT_DROPPED, TABLE_REBUILT, INDEX_ADDED, INDEX_DROPPED, INDEX_CHANGED, SCHEMA_DROPPED
    }

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        detail = detail == null ? "" : detail;
    }

    /** True when the up migration loses data: a dropped table or column. */
    public boolean destructive() {
        return kind == Kind.TABLE_DROPPED || kind == Kind.COLUMN_DROPPED;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + object
                + (detail.isEmpty() ? "" : ": " + detail);
    }
}
