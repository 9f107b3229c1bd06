package dev.mallard.core.exec;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * dbt's {@code model} context variable: the node itself, so {@code model.config.materialized},
 * {@code model.columns}, {@code model.meta} and every other field of the node's manifest entry
 * can be read. The few fields Mallard sets itself (name, unique_id, version fields, batch) are
 * kept here; any other key is read from the node's entry in the flat graph, which is only built
 * when such a key is first read.
 */
final class ModelContext extends AbstractMap<String, Object> {
    private final Map<String, Object> own = new LinkedHashMap<>();
    private final Supplier<Map<String, Object>> entry;
    private Map<String, Object> full;

    /** {@code entry}: the node's manifest entry (a dict), or null when the node has none. */
    ModelContext(Supplier<Map<String, Object>> entry) {
        this.entry = entry;
    }

    private Map<String, Object> full() {
        if (full == null) {
            Map<String, Object> e = entry.get();
            full = e == null ? Map.of() : e;
        }
        return full;
    }

    @Override
    public Object put(String key, Object value) {
        return own.put(key, value);
    }

    @Override
    public boolean containsKey(Object key) {
        return own.containsKey(key) || full().containsKey(key);
    }

    @Override
    public Object get(Object key) {
        return own.containsKey(key) ? own.get(key) : full().get(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> merged = new LinkedHashMap<>(full());
        merged.putAll(own);
        return merged.entrySet();
    }
}
