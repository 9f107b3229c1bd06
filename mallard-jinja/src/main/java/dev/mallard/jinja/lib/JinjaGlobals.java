package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Methods;
import dev.mallard.jinja.value.Namespace;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.PyObject;
import dev.mallard.jinja.value.PyRange;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/** Jinja2's global functions: range, dict, lipsum, cycler, joiner, namespace. */
final class JinjaGlobals {
    /** dbt renders in Jinja2's sandbox, whose range refuses more items than this. */
    static final long MAX_RANGE = 100_000;

    private JinjaGlobals() {
    }

    static void register(Library lib) {
        lib.global("range", (PyCallable) (site, a) -> range(a));
        lib.global("dict", new DictType());
        lib.global("lipsum", (PyCallable) (site, a) -> {
            Params p = Params.bind(a, "generate_lorem_ipsum", "n", "html", "min", "max");
            return LoremIpsum.generate(p.integer(0, 5), p.bool(1, true), p.integer(2, 20), p.integer(3, 100));
        });
        lib.global("cycler", (PyCallable) (site, a) -> {
            if (!a.named().isEmpty()) {
                throw new JinjaError("Cycler.__init__() got an unexpected keyword argument '"
                        + a.named().keySet().iterator().next() + "'");
            }
            return new Cycler(a.positional());
        });
        lib.global("joiner", (PyCallable) (site, a) -> {
            Params p = Params.bind(a, "Joiner.__init__", "sep");
            return new Joiner(p.get(0, ", "));
        });
        lib.global("namespace", (PyCallable) (site, a) -> {
            Map<String, Object> attributes = new LinkedHashMap<>();
            ((Map<?, ?>) dict(site, a)).forEach((k, v) -> attributes.put(Py.str(k), v));
            return new Namespace(attributes);
        });
    }

    /** The sandbox's safe_range: Python's range, refused beyond {@link #MAX_RANGE} items. */
    static PyRange range(Args a) {
        if (!a.named().isEmpty()) {
            throw new JinjaError("range() takes no keyword arguments");
        }
        int n = a.size();
        if (n == 0 || n > 3) {
            throw new JinjaError("range expected " + (n == 0 ? "at least 1 argument, got 0"
                    : "at most 3 arguments, got " + n));
        }
        long start = n == 1 ? 0 : index(a.positional().get(0));
        long stop = index(a.positional().get(n == 1 ? 0 : 1));
        long step = n == 3 ? index(a.positional().get(2)) : 1;
        if (step == 0) {
            throw new JinjaError("range() arg 3 must not be zero");
        }
        BigInteger span = BigInteger.valueOf(stop).subtract(BigInteger.valueOf(start));
        BigInteger s = BigInteger.valueOf(step);
        // ceil(span / step), never negative
        BigInteger items = span.add(s).subtract(BigInteger.valueOf(Long.signum(step))).divide(s).max(BigInteger.ZERO);
        if (items.compareTo(BigInteger.valueOf(MAX_RANGE)) > 0) {
            throw new JinjaError("Range too big. The sandbox blocks ranges larger than MAX_RANGE (" + MAX_RANGE + ").");
        }
        return new PyRange(start, stop, step, items.longValue());
    }

    /** Python's {@code dict}: callable, and {@code dict.fromkeys(keys, value)}. */
    private static final class DictType implements PyCallable, PyObject {
        @Override
        public Object call(CallSite site, Args args) {
            return dict(site, args);
        }

        @Override
        public Object getAttr(String name) {
            return name.equals("fromkeys") ? Methods.lookup(new LinkedHashMap<>(), "fromkeys") : Py.NOT_FOUND;
        }

        @Override
        public String typeName() {
            return "type";
        }

        @Override
        public String toString() {
            return "<class 'dict'>";
        }
    }

    private static long index(Object v) {
        if (Py.isFloat(v)) {
            throw new JinjaError("'float' object cannot be interpreted as an integer");
        }
        return PyNumbers.toLong(v);
    }

    /** Python's {@code dict(mapping_or_pairs, **kwargs)}. */
    static Object dict(CallSite site, Args a) {
        if (a.size() > 1) {
            throw new JinjaError("dict expected at most 1 argument, got " + a.size());
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        PyCallable update = (PyCallable) Methods.lookup(out, "update");
        update.call(site, a);
        return out;
    }
}
