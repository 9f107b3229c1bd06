package dev.mallard.core.migrate.diff;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the diff compares in one schema of one database: tables, explicit indexes and
 * sequences, each keyed by name. {@code exists} is false when the schema itself is missing.
 * {@code schema} is empty where the statements leave names unqualified ({@link DiffScope#unqualified()}).
 */
public record SchemaModel(
        String schema,
        boolean exists,
        SortedMap<String, TableModel> tables,
        SortedMap<String, IndexModel> indexes,
        SortedMap<String, SequenceModel> sequences) {

    public SchemaModel {
        Objects.requireNonNull(schema, "schema");
        tables = frozen(tables);
        indexes = frozen(indexes);
        sequences = frozen(sequences);
    }

    private static <V> SortedMap<String, V> frozen(Map<String, V> source) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(source));
    }
}
