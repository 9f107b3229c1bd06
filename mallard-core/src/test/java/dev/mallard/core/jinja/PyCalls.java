package dev.mallard.core.jinja;

import dev.mallard.jinja.Environment;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Py;
import java.util.Arrays;
import java.util.Map;

/**
 * Test helper: reads attributes and calls methods of dbt context objects the way a template
 * does (through a real renderer of the engine, so attribute and item rules are the engine's).
 */
final class PyCalls {
    final FakeRuntime runtime = new FakeRuntime(true);
    final CallSite site;

    PyCalls() {
        Environment env = new Environment();
        site = env.renderer(env.globals(Map.of(DbtFunctions.RUNTIME_KEY, runtime)), false);
    }

    /** {@code obj.name}. */
    Object attr(Object obj, String name) {
        return site.getAttr(obj, name);
    }

    /** {@code obj[key]}. */
    Object item(Object obj, Object key) {
        return site.getItem(obj, key);
    }

    /** {@code obj.method(args...)}. */
    Object call(Object obj, String method, Object... args) {
        return site.call(attr(obj, method), Args.of(args));
    }

    /** {@code obj.method(args..., name=value, ...)}: keyword arguments as alternating name, value. */
    Object callKw(Object obj, String method, Object[] args, Object... namesAndValues) {
        return site.call(attr(obj, method), Args.of(Arrays.asList(args), kwargs(namesAndValues)));
    }

    /** {@code fn(args...)} for a callable value. */
    Object invoke(Object fn, Object... args) {
        return site.call(fn, Args.of(args));
    }

    Object invokeKw(Object fn, Object[] args, Object... namesAndValues) {
        return site.call(fn, Args.of(Arrays.asList(args), kwargs(namesAndValues)));
    }

    /** {@code str(v)}: what {@code {{ v }}} prints. */
    static String str(Object v) {
        return Py.str(v);
    }

    static Object[] args(Object... values) {
        return values;
    }

    private static Map<String, Object> kwargs(Object... namesAndValues) {
        Map<String, Object> kw = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            kw.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return kw;
    }
}
