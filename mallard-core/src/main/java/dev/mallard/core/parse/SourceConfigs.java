package dev.mallard.core.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source table's freshness settings and its unrendered config, as dbt derives them from
 * the table's and its source's properties: {@code loaded_at_field} and {@code loaded_at_query}
 * are the table's (top level or under {@code config:}; an explicit null counts), else the
 * source's; {@code freshness} is the source's with the table's warn_after, error_after and
 * filter over it, and a table's {@code freshness: null} turns it off.
 */
final class SourceConfigs {
    private SourceConfigs() {
    }

    /** Adds loaded_at_field, loaded_at_query and (when set) freshness to {@code config}. */
    static void addFreshness(Map<String, Object> config, Map<String, Object> source, Map<String, Object> table) {
        config.put("loaded_at_field", setting("loaded_at_field", source, table));
        config.put("loaded_at_query", setting("loaded_at_query", source, table));
        Object[] freshness = freshness(source, table);
        if (freshness != null) {
            config.put("freshness", freshness[0]);
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
        if (config.containsKey("freshness")) {
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
            if (level.containsKey(key)) {
                return level.get(key);
            }
        }
        return null;
    }

    /**
     * The effective freshness in dbt's full shape (element 0; null when turned off), or null
     * when neither the table nor its source configures one.
     */
    private static Object[] freshness(Map<String, Object> source, Map<String, Object> table) {
        Object[] sourceLevel = given(source);
        Object[] tableLevel = given(table);
        if (sourceLevel == null && tableLevel == null) {
            return null;
        }
        if (tableLevel != null && tableLevel[0] == null) {
            return new Object[] {null};
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        if (sourceLevel != null) {
            merged.putAll(map(sourceLevel[0]));
        }
        if (tableLevel != null) {
            merged.putAll(map(tableLevel[0]));
        }
        if (sourceLevel != null && sourceLevel[0] == null && tableLevel == null) {
            return new Object[] {null};
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("warn_after", threshold(merged.get("warn_after")));
        out.put("error_after", threshold(merged.get("error_after")));
        out.put("filter", merged.get("filter"));
        return new Object[] {out};
    }

    /** A level's freshness (its config's first): {value} when the key is there, else null. */
    private static Object[] given(Map<String, Object> level) {
        Map<String, Object> config = map(level.get("config"));
        if (config.containsKey("freshness")) {
            return new Object[] {config.get("freshness")};
        }
        return level.containsKey("freshness") ? new Object[] {level.get("freshness")} : null;
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
