package dev.mallard.core.parse;

import dev.mallard.core.error.Warnings;
import dev.mallard.core.project.YamlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys dbt-core 1.11 knows in a properties file, by the object they are in. Any other
 * key (a typo such as {@code colums:}) would be silently ignored, dropping its tests; it is
 * warned about in the words of dbt's CustomKeyInObjectDeprecation, and the run continues.
 */
final class PropertyKeys {
    private final String file;
    private final YamlFiles.Document document;
    private final Warnings warnings;

    static final Set<String> TOP_LEVEL = Set.of("version", "models", "seeds", "snapshots", "analyses", "sources",
            "macros", "exposures", "metrics", "semantic_models", "saved_queries", "groups", "unit_tests",
            "data_tests", "tests", "functions", "anchors");
    static final Set<String> MODEL = Set.of("access", "agg_time_dimension", "columns", "config", "constraints", "contract", "group",
            "data_tests", "data_type", "deprecation_date", "derived_semantics", "description", "docs", "identifier",
            "latest_version", "meta", "metrics", "name", "primary_entity", "quote_columns", "semantic_model",
            "static_analysis_off_reason", "tags", "tests", "time_spine", "versions");
    static final Set<String> SEED = Set.of("access", "columns", "config", "constraints", "contract", "group", "data_tests", "data_type",
            "description", "docs", "meta", "name", "quote_columns", "static_analysis_off_reason", "tags", "tests");
    static final Set<String> SNAPSHOT = Set.of("access", "columns", "config", "constraints", "contract", "group", "data_tests",
            "data_type", "description", "docs", "meta", "name", "quote_columns", "relation",
            "static_analysis_off_reason", "tags", "tests");
    static final Set<String> ANALYSIS = Set.of("access", "columns", "config", "constraints", "contract", "group", "data_type",
            "description", "docs", "meta", "name", "static_analysis_off_reason", "tags");
    static final Set<String> COLUMN = Set.of("column_mask", "config", "constraints", "data_tests", "data_type",
            "databricks_tags", "description", "dimension", "docs", "entity", "granularity", "meta", "name",
            "policy_tags", "quote", "tags", "tests");
    static final Set<String> SOURCE = Set.of("catalog", "config", "database", "description", "freshness",
            "loaded_at_field", "loaded_at_query", "loader", "meta", "name", "overrides", "quoting", "schema", "tables",
            "tags");
    static final Set<String> SOURCE_TABLE = Set.of("columns", "config", "constraints", "data_tests", "data_type",
            "description", "docs", "external", "freshness", "identifier", "loaded_at_field", "loaded_at_query",
            "loader", "meta", "name", "quoting", "tags", "tests");

    PropertyKeys(String file, YamlFiles.Document document, Warnings warnings) {
        this.file = file;
        this.document = document;
        this.warnings = warnings;
    }

    /** Warns about every key dbt does not know, down to columns and source tables. */
    void check() {
        Map<String, Object> y = document.values();
        for (Object key : y.keySet()) {
            if (!TOP_LEVEL.contains(String.valueOf(key))) {
                warnings.add("[WARNING][CustomTopLevelKeyDeprecation]: Unexpected top-level key " + key + " in file `"
                        + file + "`" + at(String.valueOf(key)) + ": it is ignored.");
            }
        }
        for (String section : List.of("models", "seeds", "snapshots", "analyses", "sources")) {
            List<Map<?, ?>> entries = maps(y.get(section));
            for (int i = 0; i < entries.size(); i++) {
                String path = section + "[" + i + "]";
                check(entries.get(i), ofSection(section), path);
                if (section.equals("sources")) {
                    List<Map<?, ?>> tables = maps(entries.get(i).get("tables"));
                    for (int t = 0; t < tables.size(); t++) {
                        check(tables.get(t), SOURCE_TABLE, path + ".tables[" + t + "]");
                        checkColumns(tables.get(t), path + ".tables[" + t + "]");
                    }
                } else {
                    checkColumns(entries.get(i), path);
                }
            }
        }
    }

    private void checkColumns(Map<?, ?> entry, String path) {
        List<Map<?, ?>> columns = maps(entry.get("columns"));
        for (int c = 0; c < columns.size(); c++) {
            check(columns.get(c), COLUMN, path + ".columns[" + c + "]");
        }
    }

    private void check(Map<?, ?> object, Set<String> known, String path) {
        for (Object key : object.keySet()) {
            String k = String.valueOf(key);
            if (!known.contains(k)) {
                warnings.add("[WARNING][CustomKeyInObjectDeprecation]: Custom key `" + k + "` found at `" + path
                        + "` in file `" + file + "`" + at(path + "." + k) + ". This may be a typo, or a key the "
                        + "object does not support: it is ignored.");
            }
        }
    }

    private String at(String keyPath) {
        int line = document.lineOf(keyPath);
        return line > 0 ? ", line " + line : "";
    }

    /** The mappings of a list; anything else is reported as an error by the reader, not here. */
    static List<Map<?, ?>> maps(Object value) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                out.add(o instanceof Map<?, ?> m ? m : Map.of());
            }
        }
        return out;
    }

    /** The known keys of the entries of a top-level section. */
    private static Set<String> ofSection(String section) {
        return switch (section) {
            case "models" -> MODEL;
            case "seeds" -> SEED;
            case "snapshots" -> SNAPSHOT;
            case "analyses" -> ANALYSIS;
            default -> SOURCE;
        };
    }
}
