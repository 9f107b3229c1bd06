package dev.mallard.jinja.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluated call arguments: positional values and keyword values in call order. */
public record Args(List<Object> positional, Map<String, Object> named) {
    public static final Args EMPTY = new Args(List.of(), Map.of());

    public static Args of(Object... positional) {
        return new Args(java.util.Arrays.asList(positional), Map.of());
    }

    public static Args of(List<Object> positional, Map<String, Object> named) {
        return new Args(Collections.unmodifiableList(positional), named.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(named)));
    }

    public int size() {
        return positional.size();
    }

    /** The argument given by position {@code index} or by {@code name}; NOT_FOUND when neither. */
    public Object find(int index, String name) {
        if (name != null && named.containsKey(name)) {
            return named.get(name);
        }
        return index >= 0 && index < positional.size() ? positional.get(index) : Py.NOT_FOUND;
    }

    /** The argument, or {@code fallback} when it was not given. */
    public Object get(int index, String name, Object fallback) {
        Object v = find(index, name);
        return v == Py.NOT_FOUND ? fallback : v;
    }

    /** The argument, or an error naming the function and the missing parameter. */
    public Object require(int index, String name, String function) {
        Object v = find(index, name);
        if (v == Py.NOT_FOUND) {
            throw new JinjaError(function + "() missing required argument: '" + name + "'");
        }
        return v;
    }

    public boolean has(int index, String name) {
        return find(index, name) != Py.NOT_FOUND;
    }
}
