package dev.mallard.core.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * A CSV file to load into a new table. {@code columnTypes} overrides the inferred type of
 * the named columns; {@code quoteColumns} keeps header names as written.
 */
public record CsvLoad(Path file, Relation target, String delimiter, Map<String, String> columnTypes) {
    public CsvLoad {
        columnTypes = Map.copyOf(columnTypes);
    }
}
