package dev.mallard.core.parse;

import dev.mallard.core.error.Warnings;
import java.util.Map;
import java.util.Set;

/**
 * The keys dbt-core 1.11 knows in a properties file, by the object they are in. Any other
 * key (a typo such as {@code colums:}) would be silently ignored, dropping its tests; it is
 * warned about in the words of dbt's CustomKeyInObjectDeprecation, and the run continues.
 */
final class PropertyKeys {
    static final Set<String> TOP_LEVEL = Set.of("version", "models", "seeds", "snapshots", "analyses", "sources",
            "macros", "exposures", "metrics", "semantic_models", "saved_queries", "groups", "unit_tests",
            "data_tests", "tests", "functions", "anchors");
    static final Set<String> MODEL = Set.of("access", "agg_time_dimension", "columns", "config", "constraints",
            "data_tests", "data_type", "deprecation_date", "derived_semantics", "description", "docs", "identifier",
            "latest_version", "meta", "metrics", "name", "primary_entity", "quote_columns", "semantic_model",
            "static_analysis_off_reason", "tags", "tests", "time_spine", "versions");
    static final Set<String> SEED = Set.of("access", "columns", "config", "constraints", "data_tests", "data_type",
            "description", "docs", "meta", "name", "quote_columns", "static_analysis_off_reason", "tags", "tests");
    static final Set<String> SNAPSHOT = Set.of("access", "columns", "config", "constraints", "data_tests",
            "data_type", "description", "docs", "meta", "name", "quote_columns", "relation",
            "static_analysis_off_reason", "tags", "tests");
    static final Set<String> ANALYSIS = Set.of("access", "columns", "config", "constraints", "data_type",
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

    private PropertyKeys() {
    }

    /** The known keys of the entries of a top-level section, or null when this reader does not check them. */
    static Set<String> ofSection(String section) {
        return switch (section) {
            case "models" -> MODEL;
            case "seeds" -> SEED;
            case "snapshots" -> SNAPSHOT;
            case "analyses" -> ANALYSIS;
            case "sources" -> SOURCE;
            default -> null;
        };
    }

    static void check(Map<?, ?> object, Set<String> known, String keyPath, String file, Warnings warnings) {
        for (Object key : object.keySet()) {
            String k = String.valueOf(key);
            if (!known.contains(k)) {
                warnings.add("[WARNING][CustomKeyInObjectDeprecation]: Custom key `" + k + "` found at `" + keyPath
                        + "` in file `" + file + "`. This may be a typo, or a key the object does not support: "
                        + "it is ignored.");
            }
        }
    }

    static void checkTopLevel(Map<?, ?> yaml, String file, Warnings warnings) {
        for (Object key : yaml.keySet()) {
            String k = String.valueOf(key);
            if (!TOP_LEVEL.contains(k)) {
                warnings.add("[WARNING][CustomTopLevelKeyDeprecation]: Unexpected top-level key " + k + " in file `"
                        + file + "`: it is ignored.");
            }
        }
    }
}
