package dev.mallard.core.engine;

/** What an engine can do; materializations check these instead of catching "not supported". */
public enum Capability {
    TRANSACTIONS,
    RENAME,
    MERGE,
    CONSTRAINTS,
    BULK_CSV_LOAD,
    PARQUET,
    /** {@code UPDATE} and {@code DELETE} of rows (Spark's Parquet tables have neither). */
    UPDATE_AND_DELETE
}
