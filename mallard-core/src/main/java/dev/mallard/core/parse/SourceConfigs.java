package dev.mallard.core.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source table's freshness settings and its unrendered config, as dbt derives them from
 * the table's and its source's properties: {@code loaded_at_field}, {@code loaded_at_query}
 * and {@code freshness} are the table's (top level or under {@code config:}), else the
 * source's; a table's {@code freshness: null} turns the source's off.
 */
final class SourceConfigs {
    private SourceConfigs() {
    }

    /** Adds loaded_at_field, loaded_at_query and (when set) freshness to {@code config}. */
    static void addFreshness(Map<String, Object> config, Map<String, Object> source, Map<String, Object> table) {
        config.put("loaded_at_field", setting("loaded_at_field", source, table));
        config.put("loaded_at_query", setting("loaded_at_query", source, table));
        Object freshness = freshness(source, table);
        if (freshness != null) {
            config.put("freshness", freshness);
        } else {
            config.remove("freshness");
        }
    }

    /** dbt's unrendered_config of a source table: its meta and tags, freshness settings and own config keys. */
    static Map<String, Object> unrendered(Map<String, Object> config, Map<String, Object> table) {
        Map<String, Object> tableConfig = map(table.get("config"));
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>(map(table.get("meta")));
        meta.putAll(map(tableConfig.get("meta")));
        out.put("meta", meta);
        tableConfig.forEach((key, value) -> {
            if (!List.of("meta", "tags", "freshness", "loaded_at_field", "loaded_at_query").contains(key)) {
                out.put(key, value);
            }
        });
        if (config.get("freshness") != null) {
            out.put("freshness", config.get("freshness"));
        }
        out.put("loaded_at_field", config.get("loaded_at_field"));
        out.put("loaded_at_query", config.get("loaded_at_query"));
        Object tags = tableConfig.containsKey("tags") ? tableConfig.get("tags") : table.get("tags");
        out.put("tags", tags == null ? List.of() : ConfigMerger.asList(tags));
        return out;
    }

    private static Object setting(String key, Map<String, Object> source, Map<String, Object> table) {
        for (Map<String, Object> level : List.of(map(table.get("config")), table, map(source.get("config")), source)) {
            if (level.get(key) != null) {
                return level.get(key);
            }
        }
        return null;
    }

    /** The effective freshness in dbt's full shape, or null when none is configured. */
    private static Map<String, Object> freshness(Map<String, Object> source, Map<String, Object> table) {
        Object given = null;
        boolean found = false;
        for (Map<String, Object> level : List.of(map(table.get("config")), table, map(source.get("config")), source)) {
            if (level.containsKey("freshness")) {
                given = level.get("freshness");
                found = true;
                break;
            }
        }
        if (!found || !(given instanceof Map<?, ?>)) {
            return null;
        }
        Map<String, Object> f = map(given);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("warn_after", threshold(f.get("warn_after")));
        out.put("error_after", threshold(f.get("error_after")));
        out.put("filter", f.get("filter"));
        return out;
    }

    private static Map<String, Object> threshold(Object value) {
        Map<String, Object> t = map(value);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", t.get("count"));
        out.put("period", t.get("period"));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
