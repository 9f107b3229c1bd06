package dev.mallard.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges config layers the way dbt does: tags and hooks add up, meta-like dicts merge,
 * everything else is replaced by the later layer.
 */
final class ConfigMerger {
    private static final Set<String> APPEND = Set.of("tags", "pre-hook", "post-hook");
    private static final Set<String> DICT_MERGE = Set.of("meta", "column_types", "grants", "docs", "persist_docs",
            "contract");

    private ConfigMerger() {
    }

    static String normalizeKey(String key) {
        String k = key.startsWith("+") ? key.substring(1) : key;
        return switch (k) {
            case "pre_hook" -> "pre-hook";
            case "post_hook" -> "post-hook";
            default -> k;
        };
    }

    @SuppressWarnings("unchecked")
    static void mergeInto(Map<String, Object> target, Map<String, ?> layer) {
        for (Map.Entry<String, ?> e : layer.entrySet()) {
            String key = normalizeKey(e.getKey());
            Object value = e.getValue();
            if (APPEND.contains(key)) {
                List<Object> merged = new ArrayList<>(asList(target.get(key)));
                merged.addAll(asList(value));
                if (key.equals("tags")) {
                    merged = new ArrayList<>(new LinkedHashSet<>(merged));
                }
                target.put(key, merged);
            } else if (DICT_MERGE.contains(key) && value instanceof Map<?, ?> m
                    && target.get(key) instanceof Map<?, ?> existing) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) existing);
                merged.putAll((Map<String, Object>) m);
                target.put(key, merged);
            } else {
                target.put(key, value);
            }
        }
    }

    static List<Object> asList(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of(v);
    }
}
