package dev.mallard.jinja.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's container protocol over template values: {@code in}, iteration, {@code len()},
 * and dict keys and set members found as Python hashes them (1, 1.0 and True are one key).
 */
public final class Containers {
    private Containers() {
    }


    /** Python's {@code item in container}. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof CharSequence s) {
            if (!(item instanceof CharSequence)) {
                if (item instanceof Undefined u) {
                    throw u.error();
                }
                throw new JinjaError("'in <string>' requires string as left operand, not " + Py.typeName(item));
            }
            return s.toString().contains(item.toString());
        }
        if (container instanceof Map<?, ?> m) {
            checkHashable(item);
            return dictKey(m, item) != Py.NOT_FOUND;
        }
        if (container instanceof Undefined) {
            return false;
        }
        if (container instanceof Collection<?> || container instanceof Iterable<?>) {
            for (Object o : (Iterable<?>) container) {
                if (Py.eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PyObject o) {
            return o.getItem(item) != Py.NOT_FOUND;
        }
        throw new JinjaError("argument of type '" + Py.typeName(container) + "' is not iterable");
    }

    /** Python's TypeError for values that cannot be dict keys or set members (lists, dicts, sets). */
    public static void checkHashable(Object v) {
        if ((v instanceof List<?> && !(v instanceof PyTuple)) || v instanceof Map<?, ?> || v instanceof Set<?>
                || v instanceof DictView) {
            throw new JinjaError("unhashable type: '" + Py.typeName(v) + "'");
        }
        if (v instanceof PyTuple t) {
            for (Object o : t) {
                checkHashable(o);
            }
        }
    }

    /** The key of {@code m} equal to {@code key} in Python's sense (1 == 1.0 == True), or Py.NOT_FOUND. */
    public static Object dictKey(Map<?, ?> m, Object key) {
        if (m.containsKey(key)) {
            return key;
        }
        if (Py.isNumber(key)) {
            for (Object k : m.keySet()) {
                if (Py.isNumber(k) && Py.eq(k, key)) {
                    return k;
                }
            }
        }
        return Py.NOT_FOUND;
    }

    /** The items a for loop visits: list and tuple items, dict keys, a string's characters. */
    public static Iterable<?> iterate(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.keySet();
        }
        if (v instanceof Iterable<?> it) {
            return it;
        }
        if (v instanceof CharSequence s) {
            List<Object> chars = new ArrayList<>(s.length());
            s.toString().codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (v instanceof Undefined u) {
            if (u.lenient()) {
                return List.of();
            }
            return List.of();
        }
        if (v instanceof Object[] a) {
            return java.util.Arrays.asList(a);
        }
        throw new JinjaError("'" + Py.typeName(v) + "' object is not iterable");
    }

    /** The items of an iterable as a new list. */
    public static List<Object> toList(Object v) {
        List<Object> out = new ArrayList<>();
        Iterator<?> it = iterate(v).iterator();
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    public static int len(Object v) {
        if (v instanceof CharSequence s) {
            String str = s.toString();
            return str.codePointCount(0, str.length());
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof Undefined) {
            return 0;
        }
        throw new JinjaError("object of type '" + Py.typeName(v) + "' has no len()");
    }

    /** Python's hash-key view of a value for sets and dict keys: 1, 1.0 and True collapse. */
    public static Object key(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9e18) {
            return (long) d.doubleValue();
        }
        return v;
    }
}
