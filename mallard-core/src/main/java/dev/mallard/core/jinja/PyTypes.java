package dev.mallard.core.jinja;

import com.hubspot.jinjava.objects.collections.PyList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Python-side type facts about Java values: what is a tuple, a string, a number. */
final class PyTypes {
    private PyTypes() {
    }

    /**
     * Jinjava evaluates a tuple literal {@code (a, b)} to a plain {@link PyList}, while list
     * literals become a size-limiting subclass; the exact class tells the two apart.
     */
    static boolean isTuple(Object value) {
        return value != null && value.getClass() == PyList.class || value instanceof Object[];
    }

    static boolean isString(Object value) {
        return value instanceof CharSequence || value instanceof com.hubspot.jinjava.objects.SafeString;
    }

    /** The items of a list, tuple, set, array or the keys of a dict; a string's characters. */
    static List<Object> items(Object value) {
        if (value == null) {
            return new ArrayList<>();
        }
        if (value instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value instanceof Object[] a) {
            return new ArrayList<>(List.of(a));
        }
        if (value instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            it.forEach(out::add);
            return out;
        }
        if (isString(value)) {
            String s = value.toString();
            List<Object> out = new ArrayList<>(s.length());
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        List<Object> single = new ArrayList<>();
        single.add(value);
        return single;
    }

    static long toLong(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Long.parseLong(value.toString().trim());
    }

    static double toDouble(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(value.toString().trim());
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (isString(value)) {
            return !value.toString().isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }
}
