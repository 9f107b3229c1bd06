package dev.mallard.core.project;

/**
 * Renders the Jinja in a YAML string value (env_var, var). Implemented by the Jinja layer;
 * the project loader only knows this interface.
 */
@FunctionalInterface
public interface ValueRenderer {
    Object render(String template, String file);

    /** Walks maps and lists, rendering every string that holds Jinja. */
    @SuppressWarnings("unchecked")
    default Object renderDeep(Object value, String file, java.util.Set<String> skipKeys) {
        if (value instanceof String s) {
            return s.contains("{{") || s.contains("{%") ? render(s, file) : s;
        }
        if (value instanceof java.util.Map<?, ?> m) {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                out.put(key, skipKeys.contains(key) ? e.getValue() : renderDeep(e.getValue(), file, skipKeys));
            }
            return out;
        }
        if (value instanceof java.util.List<?> l) {
            java.util.List<Object> out = new java.util.ArrayList<>();
            for (Object o : l) {
                out.add(renderDeep(o, file, skipKeys));
            }
            return out;
        }
        return value;
    }
}
