package dev.mallard.jinja.value;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python's methods on str, list, dict and set values ({@code 'a.b'.split('.')}, {@code d.items()}). */
public final class Methods {
    private Methods() {
    }

    /**
     * The bound method {@code self.name}, or {@link Py#NOT_FOUND}. Tuples offer only
     * {@code count} and {@code index}, so {@code t.append} is NOT_FOUND and the evaluator
     * reports it as Jinja2 does ({@code 'tuple object' has no attribute 'append'}).
     */
    public static Object lookup(Object self, String name) {
        if (self instanceof PyObject o) {
            Object attr = o.getAttr(name);
            if (attr != Py.NOT_FOUND) {
                return attr;
            }
        }
        if (self instanceof Markup m) {
            return MarkupMethods.lookup(m, name);
        }
        if (self instanceof CharSequence s) {
            return StrMethods.lookup(s.toString(), name);
        }
        if (self instanceof List<?> l) {
            return ListMethods.lookup(l, name);
        }
        if (self instanceof Map<?, ?> m) {
            return DictMethods.lookup(m, name);
        }
        if (self instanceof Set<?> s) {
            return SetMethods.lookup(s, name);
        }
        if (Py.isNumber(self)) {
            return NumberMethods.lookup(self, name);
        }
        return Py.NOT_FOUND;
    }

    /** A method bound to its receiver, taking no keyword arguments; prints as Python prints a built-in method. */
    static PyCallable bind(Object self, String name, int maxArgs, PyCallable body) {
        return new BoundMethod(self, name, maxArgs, Set.of(), body);
    }

    /** A bound method taking the keyword arguments {@code keywords} (null: any). */
    static PyCallable bind(Object self, String name, int maxArgs, Set<String> keywords, PyCallable body) {
        return new BoundMethod(self, name, maxArgs, keywords, body);
    }

    private record BoundMethod(Object self, String name, int maxArgs, Set<String> keywords, PyCallable body)
            implements PyCallable {
        @Override
        public Object call(CallSite site, Args args) {
            String owner = Py.typeName(self);
            if (args.size() > maxArgs) {
                throw new JinjaError(maxArgs == 0 ? owner + "." + name + "() takes no arguments (" + args.size()
                        + " given)" : name + " expected at most " + maxArgs + " argument" + (maxArgs == 1 ? "" : "s")
                        + ", got " + args.size());
            }
            if (keywords != null && !args.named().isEmpty()) {
                for (String key : args.named().keySet()) {
                    if (keywords.isEmpty()) {
                        throw new JinjaError(owner + "." + name + "() takes no keyword arguments");
                    }
                    if (!keywords.contains(key)) {
                        throw new JinjaError("'" + key + "' is an invalid keyword argument for " + name + "()");
                    }
                }
            }
            return body.call(site, args);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BoundMethod b && b.self == self && b.name.equals(name);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(self) * 31 + name.hashCode();
        }

        @Override
        public String toString() {
            return "<built-in method " + name + " of " + Py.typeName(self) + " object at 0x"
                    + Integer.toHexString(System.identityHashCode(self)) + ">";
        }
    }

    // ---- argument helpers shared by the method tables ----

    /** A str argument, or a TypeError in Python's words. */
    static String str(Object v, String what) {
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError((what == null ? "" : what + " ") + "must be str, not " + Py.typeName(v));
    }

    /** An optional str argument: null when absent or None. */
    static String strOrNone(Args args, int index, String name, String what) {
        Object v = args.get(index, name, null);
        if (v == null) {
            return null;
        }
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError((what == null ? "" : what + " ") + "must be str or None, not " + Py.typeName(v));
    }

    static long integer(Object v) {
        if (v instanceof Undefined u) {
            throw u.error();
        }
        if (Py.isFloat(v)) {
            throw new JinjaError("'float' object cannot be interpreted as an integer");
        }
        return PyNumbers.toLong(v);
    }

    static int clampInt(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
