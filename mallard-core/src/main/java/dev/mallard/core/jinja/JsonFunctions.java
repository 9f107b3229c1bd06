package dev.mallard.core.jinja;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.jinja.lib.Json;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.Undefined;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dbt's {@code tojson} and {@code fromjson}: JSON written as {@code json.dumps} writes it (by
 * the Jinja engine's writer, which its {@code tojson} filter shares) and read into
 * Python-typed values.
 */
final class JsonFunctions {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonFunctions() {
    }

    /** {@code tojson(value, default=None, sort_keys=False)}: None (the default) when json.dumps raises ValueError. */
    static Object tojson(CallSite site, Args a) {
        try {
            return Json.dbtDumps(a.require(0, "value", "tojson"), Py.truthy(a.get(2, "sort_keys", false)));
        } catch (Json.CircularReference e) {
            return a.get(1, "default", null);
        }
    }

    /** {@code fromjson(string, default=None)}: json.loads, or the default for text that is not JSON. */
    static Object fromjson(CallSite site, Args a) {
        Object text = a.require(0, "string", "fromjson");
        if (text instanceof Undefined u) {
            throw u.error();
        }
        if (!(text instanceof CharSequence s)) {
            throw new JinjaError("the JSON object must be str, bytes or bytearray, not " + Py.typeName(text));
        }
        try {
            return pythonValue(JSON.readValue(s.toString(), Object.class));
        } catch (JsonProcessingException e) {
            return a.get(1, "default", null);
        }
    }

    /** Parsed JSON or YAML as the Python values templates hold: Long ints, Double floats, LinkedHashMap dicts. */
    static Object pythonValue(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return PyNumbers.normInt(b);
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(pythonValue(k), pythonValue(x)));
            return out;
        }
        if (v instanceof Set<?> s) {
            Set<Object> out = new LinkedHashSet<>();
            s.forEach(x -> out.add(pythonValue(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(pythonValue(x)));
            return out;
        }
        return v;
    }
}
