package dev.mallard.api;

import java.util.Map;

/**
 * Rows a {@link JavaModel} writes one by one (like an appender); each is written to disk at
 * once, so a large result never sits in memory. Values are Java values matching the declared
 * column types: numbers, strings, booleans, {@code java.time} dates and times, lists and maps
 * for nested types, or null.
 */
public interface RowWriter extends ModelOutput {

    /** Writes one row, values in the columns' order. */
    RowWriter row(Object... values);

    /** Writes one row from a map of column name to value; a missing column is null. */
    RowWriter row(Map<String, ?> values);

    /** How many rows were written so far. */
    long count();
}
