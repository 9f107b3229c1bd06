package dev.mallard.jinja.value;

import dev.mallard.jinja.lib.Library;
import java.util.List;
import java.util.Map;

/**
 * A CallSite for calling filters, tests and methods directly, without the evaluator: Jinja2's
 * getattr/getitem rules on plain values, and the standard library for nested filter calls.
 */
public final class TestSite implements CallSite {
    private final Library library;

    public TestSite(Library library) {
        this.library = library;
    }

    public TestSite() {
        this(Library.standard());
    }

    public Library library() {
        return library;
    }

    @Override
    public Object filter(String name, Object value, Args args) {
        var f = library.filter(name);
        if (f == null) {
            throw new JinjaError("No filter named '" + name + "'.");
        }
        return f.apply(this, value, args);
    }

    @Override
    public boolean test(String name, Object value, Args args) {
        var t = library.test(name);
        if (t == null) {
            throw new JinjaError("No test named '" + name + "'.");
        }
        return t.test(this, value, args);
    }

    @Override
    public Object lookup(String name) {
        Object v = library.globals().get(name);
        return v != null ? v : Undefined.name(name, false);
    }

    @Override
    public boolean lenientUndefined() {
        return false;
    }

    @Override
    public Object getAttr(Object obj, String name) {
        if (obj instanceof Undefined u) {
            throw u.error();
        }
        Object v = Methods.lookup(obj, name);
        if (v != Py.NOT_FOUND) {
            return v;
        }
        Object item = item(obj, name);
        return item != Py.NOT_FOUND ? item : Undefined.member(obj, name, false);
    }

    @Override
    public Object getItem(Object obj, Object key) {
        if (obj instanceof Undefined u) {
            throw u.error();
        }
        Object v = item(obj, key);
        if (v != Py.NOT_FOUND) {
            return v;
        }
        if (key instanceof String name) {
            Object attr = Methods.lookup(obj, name);
            if (attr != Py.NOT_FOUND) {
                return attr;
            }
        }
        return Undefined.member(obj, key, false);
    }

    private static Object item(Object obj, Object key) {
        if (obj instanceof Map<?, ?> m) {
            Object k = Containers.dictKey(m, key);
            return k == Py.NOT_FOUND ? Py.NOT_FOUND : m.get(k);
        }
        if (obj instanceof List<?> l && (Py.isInt(key) || key instanceof Boolean)) {
            long i = PyNumbers.toLong(key);
            i = i < 0 ? i + l.size() : i;
            return i >= 0 && i < l.size() ? l.get((int) i) : Py.NOT_FOUND;
        }
        if (obj instanceof PyObject o) {
            return o.getItem(key);
        }
        return Py.NOT_FOUND;
    }

    @Override
    public Object call(Object fn, Args args) {
        if (fn instanceof PyCallable c) {
            return c.call(this, args);
        }
        throw new JinjaError("'" + Py.typeName(fn) + "' object is not callable");
    }
}
