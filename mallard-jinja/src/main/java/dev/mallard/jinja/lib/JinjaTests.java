package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.Arithmetic;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.Markup;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyMapping;
import dev.mallard.jinja.value.PyObject;
import dev.mallard.jinja.value.PyRange;
import dev.mallard.jinja.value.Undefined;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/** Jinja2 3.1's built-in tests ({@code value is name(args)}). */
final class JinjaTests {
    private JinjaTests() {
    }

    static void register(Library lib) {
        one(lib, "defined", v -> !(v instanceof Undefined));
        one(lib, "undefined", v -> v instanceof Undefined);
        one(lib, "none", v -> v == null);
        one(lib, "boolean", v -> v instanceof Boolean);
        one(lib, "true", v -> Boolean.TRUE.equals(v));
        one(lib, "false", v -> Boolean.FALSE.equals(v));
        one(lib, "integer", Py::isInt);
        one(lib, "float", v -> v instanceof Double || v instanceof Float);
        one(lib, "number", Py::isNumber);
        one(lib, "string", v -> v instanceof CharSequence);
        one(lib, "mapping", v -> v instanceof Map<?, ?> || v instanceof PyMapping);
        one(lib, "sequence", v -> v instanceof CharSequence || v instanceof List<?> || v instanceof Map<?, ?>
                || v instanceof Undefined || v instanceof PyRange);
        one(lib, "iterable", v -> v instanceof Iterable<?> || v instanceof CharSequence || v instanceof Map<?, ?>
                || v instanceof Undefined);
        one(lib, "callable", v -> v instanceof PyCallable || v instanceof Undefined);
        one(lib, "escaped", v -> v instanceof Markup || (v instanceof PyObject o && o.getAttr("__html__") != Py.NOT_FOUND));
        one(lib, "lower", v -> Py.truthy(call(v, "islower")));
        one(lib, "upper", v -> Py.truthy(call(v, "isupper")));
        one(lib, "odd", v -> Py.eq(Arithmetic.mod(v, 2L), 1L));
        one(lib, "even", v -> Py.eq(Arithmetic.mod(v, 2L), 0L));
        one(lib, "filter", v -> known(v) && lib.filter(v.toString()) != null);
        one(lib, "test", v -> known(v) && lib.test(v.toString()) != null);
        two(lib, "divisibleby", "num", (v, n) -> Py.eq(Arithmetic.mod(v, n), 0L));
        two(lib, "sameas", "other", JinjaTests::same);
        two(lib, "in", "seq", (v, seq) -> Containers.contains(seq, v));
        BiPredicate<Object, Object> eq = Py::eq;
        BiPredicate<Object, Object> ne = (a, b) -> !Py.eq(a, b);
        BiPredicate<Object, Object> gt = (a, b) -> Py.compare(a, b, ">") > 0;
        BiPredicate<Object, Object> ge = (a, b) -> Py.compare(a, b, ">=") >= 0;
        BiPredicate<Object, Object> lt = (a, b) -> Py.compare(a, b, "<") < 0;
        BiPredicate<Object, Object> le = (a, b) -> Py.compare(a, b, "<=") <= 0;
        for (String name : List.of("==", "eq", "equalto")) {
            two(lib, name, "b", eq);
        }
        for (String name : List.of("!=", "ne")) {
            two(lib, name, "b", ne);
        }
        for (String name : List.of(">", "gt", "greaterthan")) {
            two(lib, name, "b", gt);
        }
        for (String name : List.of(">=", "ge")) {
            two(lib, name, "b", ge);
        }
        for (String name : List.of("<", "lt", "lessthan")) {
            two(lib, name, "b", lt);
        }
        for (String name : List.of("<=", "le")) {
            two(lib, name, "b", le);
        }
    }

    private static void one(Library lib, String name, Predicate<Object> test) {
        lib.test(name, (site, v, a) -> {
            Params.bind(a, "test_" + name);
            return test.test(v);
        });
    }

    private static void two(Library lib, String name, String param, BiPredicate<Object, Object> test) {
        lib.test(name, (site, v, a) -> {
            Params p = Params.bind(a, "test_" + name, param);
            return test.test(v, p.require(0, "test_" + name, param));
        });
    }

    /** {@code value in env.filters}: only a str can be a name; unhashable values are a TypeError. */
    private static boolean known(Object v) {
        Containers.checkHashable(v);
        return v instanceof CharSequence;
    }

    private static Object call(Object v, String method) {
        String s = Py.str(v);
        return ((PyCallable) dev.mallard.jinja.value.Methods.lookup(s, method)).call(null, Args.EMPTY);
    }

    /** Python's {@code is}: identity, with the singletons and small ints Python shares. */
    private static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return a.equals(b);
        }
        if ((a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer)) {
            long x = ((Number) a).longValue();
            return x == ((Number) b).longValue() && x >= -5 && x <= 256;
        }
        // CPython shares one object for equal identifier-like constants and single characters
        return a instanceof String x && b instanceof String y && x.equals(y)
                && (x.length() <= 1 || x.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c) && c < 128));
    }
}
