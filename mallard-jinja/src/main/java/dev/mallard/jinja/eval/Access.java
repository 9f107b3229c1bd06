package dev.mallard.jinja.eval;

import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Methods;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.PyObject;
import dev.mallard.jinja.value.PyTuple;
import dev.mallard.jinja.value.Undefined;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's attribute and item access: {@code obj.name} tries the attribute, then the item;
 * {@code obj[key]} tries the item, then (for a string key) the attribute; anything missing
 * is an Undefined that remembers what was asked for.
 */
final class Access {
    private Access() {
    }

    static Object getAttr(Object obj, String name, boolean lenient) {
        if (obj instanceof Undefined u) {
            if (lenient || u.lenient()) {
                return Undefined.name(name, true);
            }
            throw u.error();
        }
        Object v = attribute(obj, name);
        if (v != Py.NOT_FOUND) {
            return v;
        }
        v = item(obj, name);
        return v != Py.NOT_FOUND ? v : Undefined.member(obj, name, lenient);
    }

    static Object getItem(Object obj, Object key, boolean lenient) {
        if (obj instanceof Undefined u) {
            if (lenient || u.lenient()) {
                return Undefined.name(key instanceof String s ? s : Py.repr(key), true);
            }
            throw u.error();
        }
        Object v = item(obj, key);
        if (v != Py.NOT_FOUND) {
            return v;
        }
        if (key instanceof String s) {
            v = attribute(obj, s);
            if (v != Py.NOT_FOUND) {
                return v;
            }
        }
        return Undefined.member(obj, key, lenient);
    }

    private static Object attribute(Object obj, String name) {
        if (obj instanceof PyObject o) {
            Object v = o.getAttr(name);
            if (v != Py.NOT_FOUND) {
                return v;
            }
        }
        return Methods.lookup(obj, name);
    }

    private static Object item(Object obj, Object key) {
        if (obj instanceof Map<?, ?> m) {
            Object k = Containers.dictKey(m, key);
            return k == Py.NOT_FOUND ? Py.NOT_FOUND : m.get(k);
        }
        if (obj instanceof List<?> l) {
            if (!Py.isInt(key) && !(key instanceof Boolean) || key instanceof java.math.BigInteger b
                    && b.bitLength() > 62) {
                return Py.NOT_FOUND;
            }
            long i = PyNumbers.toLong(key);
            if (i < 0) {
                i += l.size();
            }
            return i >= 0 && i < l.size() ? l.get((int) i) : Py.NOT_FOUND;
        }
        if (obj instanceof CharSequence cs) {
            if (!Py.isInt(key) && !(key instanceof Boolean) || key instanceof java.math.BigInteger b
                    && b.bitLength() > 62) {
                return Py.NOT_FOUND;
            }
            String s = cs.toString();
            int n = s.codePointCount(0, s.length());
            long i = PyNumbers.toLong(key);
            if (i < 0) {
                i += n;
            }
            if (i < 0 || i >= n) {
                return Py.NOT_FOUND;
            }
            int at = s.offsetByCodePoints(0, (int) i);
            String ch = new String(Character.toChars(s.codePointAt(at)));
            return cs instanceof dev.mallard.jinja.value.Markup ? new dev.mallard.jinja.value.Markup(ch) : ch;
        }
        if (obj instanceof PyObject o) {
            return o.getItem(key);
        }
        return Py.NOT_FOUND;
    }

    /**
     * Jinja's {@code obj[start:stop:step]}: compiled to Python's own slicing (not through the
     * environment's getitem), so what Python cannot slice is Python's TypeError.
     */
    static Object slice(Object obj, Object start, Object stop, Object step, boolean lenient) {
        if (obj instanceof Undefined u) {
            if (lenient || u.lenient()) {
                return Undefined.name("slice", true);
            }
            throw u.error();
        }
        if (obj instanceof dev.mallard.jinja.value.PyRange range) {
            return range.slice(index(start), index(stop), index(step));
        }
        if (obj instanceof java.util.Map<?, ?>) {
            throw new JinjaError("unhashable type: 'slice'");
        }
        return slice(obj, start, stop, step);
    }

    private static Long index(Object v) {
        if (v == null) {
            return null;
        }
        if (!Py.isInt(v) && !(v instanceof Boolean)) {
            throw new JinjaError("slice indices must be integers or None or have an __index__ method");
        }
        if (v instanceof java.math.BigInteger b && b.bitLength() > 62) {
            return b.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        return PyNumbers.toLong(v);
    }

    private static Object slice(Object obj, Object start, Object stop, Object step) {
        long st = step == null ? 1 : PyNumbers.toLong(step);
        if (st == 0) {
            throw new JinjaError("slice step cannot be zero");
        }
        List<Object> items;
        boolean string = obj instanceof CharSequence;
        if (string) {
            items = Containers.toList(obj);
        } else if (obj instanceof List<?> l) {
            items = new ArrayList<>(l);
        } else {
            throw new JinjaError("'" + Py.typeName(obj) + "' object is not subscriptable");
        }
        int n = items.size();
        long lo;
        long hi;
        if (st > 0) {
            lo = bound(start, n, 0, 0, n);
            hi = bound(stop, n, n, 0, n);
        } else {
            lo = bound(start, n, n - 1, -1, n - 1);
            hi = bound(stop, n, -1, -1, n - 1);
        }
        List<Object> out = new ArrayList<>();
        if (st > 0) {
            for (long i = lo; i < hi; i += st) {
                out.add(items.get((int) i));
            }
        } else {
            for (long i = lo; i > hi; i += st) {
                out.add(items.get((int) i));
            }
        }
        if (string) {
            StringBuilder sb = new StringBuilder();
            out.forEach(sb::append);
            return obj instanceof dev.mallard.jinja.value.Markup ? new dev.mallard.jinja.value.Markup(sb.toString())
                    : sb.toString();
        }
        return obj instanceof PyTuple ? PyTuple.copyOf(out) : out;
    }

    private static long bound(Object v, int n, long absent, long min, long max) {
        if (v == null) {
            return absent;
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        if (!Py.isInt(v) && !(v instanceof Boolean)) {
            throw new JinjaError("slice indices must be integers or None or have an __index__ method");
        }
        if (v instanceof java.math.BigInteger b && b.bitLength() > 62) {
            return b.signum() < 0 ? min : max;
        }
        long i = PyNumbers.toLong(v);
        if (i < 0) {
            i += n;
        }
        return Math.max(min, Math.min(max, i));
    }
}
