package dev.mallard.core.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * A CSV file to load into a new table. {@code columnTypes} overrides the inferred type of
 * the named columns. A file with a header and no rows is {@code empty}: dbt types its
 * columns as integers, where a CSV sniffer would say text.
 */
public record CsvLoad(Path file, Relation target, String delimiter, Map<String, String> columnTypes, boolean empty) {
    public CsvLoad {
        columnTypes = Map.copyOf(columnTypes);
    }
}
