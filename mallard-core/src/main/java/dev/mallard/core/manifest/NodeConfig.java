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
