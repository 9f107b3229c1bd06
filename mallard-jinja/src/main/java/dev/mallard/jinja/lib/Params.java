package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.Undefined;
import java.util.Map;

/** Binds call arguments to a Python function's parameter names, with Python's complaints. */
final class Params {
    private final Object[] values;

    private Params(Object[] values) {
        this.values = values;
    }

    /** Binds {@code args} to {@code names}; missing parameters read as NOT_FOUND. */
    static Params bind(Args args, String function, String... names) {
        if (args.size() > names.length) {
            throw new JinjaError(function + "() takes at most " + names.length + " argument"
                    + (names.length == 1 ? "" : "s") + " (" + args.size() + " given)");
        }
        Object[] values = new Object[names.length];
        java.util.Arrays.fill(values, Py.NOT_FOUND);
        for (int i = 0; i < args.size(); i++) {
            values[i] = args.positional().get(i);
        }
        for (Map.Entry<String, Object> e : args.named().entrySet()) {
            int at = java.util.Arrays.asList(names).indexOf(e.getKey());
            if (at < 0) {
                throw new JinjaError(function + "() got an unexpected keyword argument '" + e.getKey() + "'");
            }
            if (at < args.size()) {
                throw new JinjaError(function + "() got multiple values for argument '" + e.getKey() + "'");
            }
            values[at] = e.getValue();
        }
        return new Params(values);
    }

    Object get(int index, Object fallback) {
        return values[index] == Py.NOT_FOUND ? fallback : values[index];
    }

    boolean has(int index) {
        return values[index] != Py.NOT_FOUND;
    }

    Object require(int index, String function, String name) {
        if (values[index] == Py.NOT_FOUND) {
            throw new JinjaError(function + "() missing 1 required positional argument: '" + name + "'");
        }
        return values[index];
    }

    boolean bool(int index, boolean fallback) {
        return Py.truthy(get(index, fallback));
    }

    /** An int parameter (bool accepted, float refused), as Python's integer parameters. */
    long integer(int index, long fallback) {
        return integer(get(index, fallback));
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
}
