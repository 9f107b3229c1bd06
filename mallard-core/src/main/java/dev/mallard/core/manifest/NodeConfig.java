package dev.mallard.core.manifest;

import dev.mallard.core.common.Frozen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A node's effective config: dbt_project.yml, then properties YAML, then config() in the file. */
public record NodeConfig(Map<String, Object> values) {
    public NodeConfig {
        values = Frozen.map(values);
    }

    public static final NodeConfig EMPTY = new NodeConfig(Map.of());

    public Object get(String key) {
        return values.get(key);
    }

    public String string(String key, String defaultValue) {
        Object v = values.get(key);
        return v == null ? defaultValue : String.valueOf(v);
    }

    public boolean bool(String key, boolean defaultValue) {
        Object v = values.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return Boolean.parseBoolean(s.trim());
        }
        return defaultValue;
    }

    public String materialized() {
        return string("materialized", "view");
    }

    public boolean enabled() {
        return bool("enabled", true);
    }

    public List<String> tags() {
        return strings(values.get("tags"));
    }

    public List<String> preHooks() {
        return hooks("pre-hook");
    }

    public List<String> postHooks() {
        return hooks("post-hook");
    }

    private List<String> hooks(String key) {
        List<String> out = new ArrayList<>();
        Object v = values.get(key);
        if (v instanceof List<?> l) {
            for (Object o : l) {
                addHook(out, o);
            }
        } else {
            addHook(out, v);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void addHook(List<String> out, Object o) {
        if (o instanceof Map<?, ?> m) {
            Object sql = ((Map<String, Object>) m).get("sql");
            if (sql != null) {
                out.add(String.valueOf(sql));
            }
        } else if (o != null && !String.valueOf(o).isBlank()) {
            out.add(String.valueOf(o));
        }
    }

    public static List<String> strings(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }
}
