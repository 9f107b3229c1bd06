package dev.mallard.core.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's config as dbt shows it: every key dbt defines for the resource type with dbt's
 * default, overlaid with the node's own values. {@code config.<key>:} selectors and
 * manifest.json both read this, so that a key the user never wrote (say
 * {@code on_schema_change}) still has dbt's value.
 */
public final class EffectiveConfig {
    private EffectiveConfig() {
    }

    /** An insertion-ordered, unmodifiable map; nested defaults are merged one level deep. */
    public static Map<String, Object> of(Node node) {
        Map<String, Object> out = defaults(node);
        node.config().values().forEach((key, value) -> {
            Object def = out.get(key);
            if (def instanceof Map<?, ?> d && value instanceof Map<?, ?> v) {
                Map<Object, Object> merged = new LinkedHashMap<>(d);
                merged.putAll(v);
                out.put(key, Collections.unmodifiableMap(merged));
            } else {
                out.put(key, value);
            }
        });
        out.put("tags", node.config().tags());
        if (!(node instanceof SourceNode)) {
            out.put("materialized", node.config().materialized());
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The config of a hook's operation node: a model's keys but {@code access} and {@code freshness},
     * overlaid with what the {@code models:} tree of dbt_project.yml gives it.
     */
    public static Map<String, Object> ofOperation(Map<String, Object> values) {
        Object materialized = values.get("materialized");
        Map<String, Object> out = defaults(false, null, materialized == null ? "view" : materialized);
        values.forEach((key, value) -> {
            if (out.containsKey(key)) {
                out.put(key, value);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Object> defaults(Node node) {
        return defaults(node instanceof SourceNode, node.resourceType(), node.config().materialized());
    }

    private static Map<String, Object> defaults(boolean source, ResourceType type, Object materialized) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("enabled", true);
        if (source) {
            d.put("event_time", null);
            d.put("freshness", freshness());
            d.put("loaded_at_field", null);
            d.put("loaded_at_query", null);
            d.put("meta", Map.of());
            d.put("tags", List.of());
            d.put("static_analysis", null);
            return d;
        }
        for (String key : List.of("alias", "schema", "database")) {
            d.put(key, null);
        }
        d.put("tags", List.of());
        d.put("meta", Map.of());
        d.put("group", null);
        if (type == ResourceType.TEST) {
            return testDefaults(d);
        }
        d.put("static_analysis", null);
        d.put("materialized", materialized);
        d.put("incremental_strategy", null);
        d.put("batch_size", null);
        d.put("lookback", 1);
        d.put("begin", null);
        d.put("persist_docs", Map.of());
        d.put("post-hook", List.of());
        d.put("pre-hook", List.of());
        d.put("quoting", Map.of());
        d.put("column_types", Map.of());
        d.put("full_refresh", null);
        d.put("unique_key", null);
        d.put("on_schema_change", "ignore");
        d.put("on_configuration_change", "apply");
        d.put("grants", Map.of());
        d.put("packages", List.of());
        d.put("docs", nullable("show", true, "node_color", null));
        d.put("contract", nullable("enforced", false, "alias_types", true));
        d.put("event_time", null);
        d.put("concurrent_batches", null);
        if (type == ResourceType.MODEL) {
            d.put("access", "protected");
            d.put("freshness", null);
        } else if (type == ResourceType.SNAPSHOT) {
            for (String key : List.of("strategy", "target_schema", "target_database", "updated_at", "check_cols")) {
                d.put(key, null);
            }
            d.put("snapshot_meta_column_names", nullable("dbt_valid_to", null, "dbt_valid_from", null, "dbt_scd_id", null,
                    "dbt_updated_at", null, "dbt_is_deleted", null));
            d.put("dbt_valid_to_current", null);
        } else if (type == ResourceType.SEED) {
            d.put("delimiter", ",");
            d.put("quote_columns", null);
        }
        return d;
    }

    /** A data test's config keys, as dbt lists them. */
    private static Map<String, Object> testDefaults(Map<String, Object> d) {
        d.put("static_analysis", null);
        d.put("materialized", "test");
        d.put("severity", "ERROR");
        d.put("store_failures", null);
        d.put("store_failures_as", null);
        d.put("where", null);
        d.put("limit", null);
        d.put("fail_calc", "count(*)");
        d.put("warn_if", "!= 0");
        d.put("error_if", "!= 0");
        return d;
    }

    private static Map<String, Object> freshness() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("warn_after", nullable("count", null, "period", null));
        f.put("error_after", nullable("count", null, "period", null));
        f.put("filter", null);
        return Collections.unmodifiableMap(f);
    }

    /** Map.of refuses nulls, and dbt's defaults are often null. */
    private static Map<String, Object> nullable(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
