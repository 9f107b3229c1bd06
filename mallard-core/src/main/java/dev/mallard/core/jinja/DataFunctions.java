package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyTuple;
import dev.mallard.jinja.value.Undefined;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * dbt's data functions: {@code tojson}, {@code fromjson}, {@code toyaml}, {@code fromyaml},
 * {@code zip}, {@code zip_strict}, {@code set}, {@code set_strict}, {@code local_md5} and
 * {@code diff_of_two_dicts}, with dbt's signatures and Python's results. The JSON and YAML
 * functions are {@link JsonFunctions} and {@link YamlFunctions}; the rest are here.
 */
public final class DataFunctions {
    private DataFunctions() {
    }

    /** The functions, by the name templates call them. */
    static Map<String, Object> all() {
        Map<String, Object> fns = new LinkedHashMap<>();
        fns.put("tojson", (PyCallable) JsonFunctions::tojson);
        fns.put("fromjson", (PyCallable) JsonFunctions::fromjson);
        fns.put("toyaml", (PyCallable) YamlFunctions::toyaml);
        fns.put("fromyaml", (PyCallable) YamlFunctions::fromyaml);
        fns.put("zip", (PyCallable) (site, a) -> {
            try {
                return zip(a.positional());
            } catch (JinjaError e) {
                return a.named().get("default");
            }
        });
        fns.put("zip_strict", (PyCallable) (site, a) -> {
            try {
                return zip(a.positional());
            } catch (JinjaError e) {
                throw new MallardException(ErrorCode.JINJA, "zip_strict(): " + e.getMessage());
            }
        });
        fns.put("set", (PyCallable) (site, a) -> {
            try {
                return set(a.require(0, "value", "set"));
            } catch (JinjaError e) {
                return a.get(1, "default", null);
            }
        });
        fns.put("set_strict", (PyCallable) (site, a) -> {
            try {
                return set(a.require(0, "value", "set_strict"));
            } catch (JinjaError e) {
                throw new MallardException(ErrorCode.JINJA, "set_strict(): " + e.getMessage());
            }
        });
        fns.put("local_md5", (PyCallable) (site, a) -> localMd5(Py.str(a.require(0, "value", "local_md5"))));
        fns.put("diff_of_two_dicts", (PyCallable) (site, a) -> diffOfTwoDicts(
                a.require(0, "dict_a", "diff_of_two_dicts"), a.require(1, "dict_b", "diff_of_two_dicts")));
        return fns;
    }

    // ---- collections ----

    /** Python's {@code zip(*args)}: tuples of the i-th items, as long as the shortest input. */
    static List<Object> zip(List<Object> inputs) {
        List<List<Object>> lists = new ArrayList<>();
        for (Object input : inputs) {
            lists.add(iterable(input, "zip argument #" + (lists.size() + 1) + " must support iteration"));
        }
        List<Object> out = new ArrayList<>();
        int n = lists.stream().mapToInt(List::size).min().orElse(0);
        for (int i = 0; i < n; i++) {
            List<Object> tuple = new ArrayList<>(lists.size());
            for (List<Object> l : lists) {
                tuple.add(l.get(i));
            }
            out.add(PyTuple.copyOf(tuple));
        }
        return out;
    }

    /** Python's {@code set(value)}: unique items in first-seen order; unhashable items are a TypeError. */
    static Set<Object> set(Object value) {
        Set<Object> out = new LinkedHashSet<>();
        Set<Object> seen = new java.util.HashSet<>();
        for (Object item : iterable(value, "'" + Py.typeName(value) + "' object is not iterable")) {
            if ((item instanceof Collection<?> && !(item instanceof PyTuple)) || item instanceof Map<?, ?>) {
                throw new JinjaError("unhashable type: '" + Py.typeName(item) + "'");
            }
            if (seen.add(Containers.key(item))) {
                out.add(item);
            }
        }
        return out;
    }

    private static List<Object> iterable(Object v, String message) {
        if (v instanceof Undefined u && !u.lenient()) {
            throw u.error();
        }
        if (v == null || v instanceof Boolean || Py.isNumber(v) || v instanceof dev.mallard.jinja.value.PyObject
                && !(v instanceof Iterable<?>)) {
            throw new JinjaError(message);
        }
        return Containers.toList(v);
    }

    static String localMd5(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }

    /** dbt's diff_of_two_dicts: dict_a's lists minus dict_b's, keys and values compared case-insensitively. */
    static Map<Object, Object> diffOfTwoDicts(Object a, Object b) {
        if (!(a instanceof Map<?, ?> dictA) || !(b instanceof Map<?, ?> dictB)) {
            throw new JinjaError("diff_of_two_dicts() needs two dicts");
        }
        Map<String, Set<String>> lowered = new LinkedHashMap<>();
        dictB.forEach((k, v) -> {
            Set<String> values = new LinkedHashSet<>();
            Containers.iterate(v).forEach(x -> values.add(Py.str(x).toLowerCase(Locale.ROOT)));
            lowered.put(Py.str(k).toLowerCase(Locale.ROOT), values);
        });
        Map<Object, Object> diff = new LinkedHashMap<>();
        dictA.forEach((k, v) -> {
            Set<String> other = lowered.get(Py.str(k).toLowerCase(Locale.ROOT));
            if (other == null) {
                diff.put(k, v);
                return;
            }
            List<Object> missing = new ArrayList<>();
            Containers.iterate(v).forEach(x -> {
                if (!other.contains(Py.str(x).toLowerCase(Locale.ROOT))) {
                    missing.add(x);
                }
            });
            if (!missing.isEmpty()) {
                diff.put(k, missing);
            }
        });
        return diff;
    }
}
