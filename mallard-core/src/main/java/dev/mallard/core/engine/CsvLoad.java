package dev.mallard.core.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * A CSV file to load into a new table. {@code columnTypes} gives the type of each named
 * column; the engine infers the type of any column not named.
 */
public record CsvLoad(Path file, Relation target, String delimiter, Map<String, String> columnTypes) {
    public CsvLoad {
        columnTypes = Map.copyOf(columnTypes);
    }
}
