package dev.mallard.core.manifest;

import dev.mallard.core.common.Frozen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node's effective config: dbt_project.yml, then properties YAML, then config() in the file.
 * {@code defaulted} names the keys Mallard filled in with dbt's defaults (a test's severity,
 * a seed's materialization), which dbt leaves out of a node's {@code unrendered_config}.
 */
public record NodeConfig(Map<String, Object> values, Set<String> defaulted) {
    public NodeConfig {
        values = Frozen.map(values);
        defaulted = Set.copyOf(defaulted);
    }

    public NodeConfig(Map<String, Object> values) {
        this(values, Set.of());
    }

    /**
     * Fills {@code config} with {@code defaults} where it has no value yet and returns the
     * config, remembering which keys were filled.
     */
    public static NodeConfig withDefaults(Map<String, Object> config, Map<String, Object> defaults) {
        Set<String> filled = new java.util.LinkedHashSet<>();
        defaults.forEach((key, value) -> {
            if (config.get(key) == null) {
                config.put(key, value);
                filled.add(key);
            }
        });
        return new NodeConfig(config, filled);
    }

    /** The config as written by the user, without the defaults Mallard filled in (dbt's unrendered_config). */
    public Map<String, Object> written() {
        if (defaulted.isEmpty()) {
            return values;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>(values);
        out.keySet().removeAll(defaulted);
        return out;
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

    /**
     * Pre-hooks in the order dbt runs them: those outside the transaction
     * ({@code transaction: false}, {@code before_begin(...)}) first, then the others.
     */
    public List<String> preHooks() {
        List<String> out = new ArrayList<>(hooks("pre-hook", false));
        out.addAll(hooks("pre-hook", true));
        return out;
    }

    /**
     * Post-hooks in the order dbt runs them: those inside the transaction first, then those
     * outside it ({@code transaction: false}, {@code after_commit(...)}).
     */
    public List<String> postHooks() {
        List<String> out = new ArrayList<>(hooks("post-hook", true));
        out.addAll(hooks("post-hook", false));
        return out;
    }

    /** Post-hooks that dbt runs inside the model's transaction (the default). */
    public List<String> postHooksInTransaction() {
        return hooks("post-hook", true);
    }

    /** Post-hooks with {@code transaction: false} ({@code after_commit(...)}). */
    public List<String> postHooksAfterCommit() {
        return hooks("post-hook", false);
    }

    /** The {@code pre-hook} or {@code post-hook} templates that run inside (or outside) the transaction. */
    public List<String> hooks(String key, boolean insideTransaction) {
        List<String> out = new ArrayList<>();
        Object v = values.get(key);
        if (v instanceof List<?> l) {
            for (Object o : l) {
                addHook(out, o, insideTransaction);
            }
        } else {
            addHook(out, v, insideTransaction);
        }
        return out;
    }

    private static void addHook(List<String> out, Object o, boolean insideTransaction) {
        if (o instanceof Map<?, ?> m) {
            Object sql = m.get("sql");
            Object transaction = m.get("transaction");
            boolean inside = transaction == null || !(Boolean.FALSE.equals(transaction)
                    || "false".equalsIgnoreCase(String.valueOf(transaction)));
            if (sql != null && inside == insideTransaction) {
                out.add(String.valueOf(sql));
            }
        } else if (insideTransaction && o != null && !String.valueOf(o).isBlank()) {
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
