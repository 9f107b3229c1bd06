package dev.mallard.core.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, order-keeping, null-tolerant immutable copies of YAML-shaped data. */
public final class Frozen {
    private Frozen() {
    }

    public static Map<String, Object> map(Map<String, ?> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(String.valueOf(k), value(v)));
        return Collections.unmodifiableMap(copy);
    }

    public static List<Object> list(List<?> source) {
        if (source == null || source.isEmpty()) {
            return List.of();
        }
        List<Object> copy = new ArrayList<>(source.size());
        for (Object v : source) {
            copy.add(value(v));
        }
        return Collections.unmodifiableList(copy);
    }

    @SuppressWarnings("unchecked")
    public static Object value(Object v) {
        if (v instanceof Map<?, ?> m) {
            return map((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            return list(l);
        }
        return v;
    }

    /**
     * A mutable deep copy of any YAML-shaped value: templates receive YAML lists and dicts as
     * Python does, as values they may change ({@code cols.append(...)}) without touching the
     * parsed project.
     */
    @SuppressWarnings("unchecked")
    public static Object thawed(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(k, thawed(x)));
            return copy;
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            for (Object x : l) {
                copy.add(thawed(x));
            }
            return copy;
        }
        return v;
    }

    /** A mutable deep copy, for merging. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mutableCopy(Map<String, ?> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (source != null) {
            source.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? mutableCopy((Map<String, ?>) m)
                    : v instanceof List<?> l ? new ArrayList<>(l) : v));
        }
        return copy;
    }
}
