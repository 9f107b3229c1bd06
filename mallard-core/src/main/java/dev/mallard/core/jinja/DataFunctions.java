package dev.mallard.core.jinja;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.NumberText;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.PyTuple;
import dev.mallard.jinja.value.Undefined;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * dbt's data functions: {@code tojson}, {@code fromjson}, {@code toyaml}, {@code fromyaml},
 * {@code zip}, {@code zip_strict}, {@code set}, {@code set_strict}, {@code local_md5} and
 * {@code diff_of_two_dicts}, with dbt's signatures and Python's results: JSON is written as
 * {@code json.dumps} writes it and read into Python-typed values.
 */
public final class DataFunctions {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Pattern YAML_ESCAPE = Pattern.compile("\\\\\\\\|\\\\(x\\p{XDigit}{2}|u\\p{XDigit}{4}|U\\p{XDigit}{8})");

    private DataFunctions() {
    }

    /** The functions, by the name templates call them. */
    static Map<String, Object> all() {
        Map<String, Object> fns = new LinkedHashMap<>();
        fns.put("tojson", (PyCallable) DataFunctions::tojson);
        fns.put("fromjson", (PyCallable) DataFunctions::fromjson);
        fns.put("toyaml", (PyCallable) DataFunctions::toyaml);
        fns.put("fromyaml", (PyCallable) DataFunctions::fromyaml);
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

    // ---- JSON ----

    /** {@code tojson(value, default=None, sort_keys=False)}: None (the default) when json.dumps raises ValueError. */
    static Object tojson(CallSite site, Args a) {
        try {
            return toJson(a.require(0, "value", "tojson"), Py.truthy(a.get(2, "sort_keys", false)));
        } catch (CircularReference e) {
            return a.get(1, "default", null);
        }
    }

    /** Python's {@code json.dumps(value, sort_keys=...)}: ", " and ": " separators, ASCII only. */
    static String toJson(Object value, boolean sortKeys) {
        StringBuilder sb = new StringBuilder();
        writeJson(value, sortKeys, sb, new IdentityHashMap<>());
        return sb.toString();
    }

    private static void writeJson(Object v, boolean sortKeys, StringBuilder sb, Map<Object, Boolean> open) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (Py.isInt(v)) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            sb.append(jsonFloat(((Number) v).doubleValue()));
        } else if (v instanceof java.math.BigDecimal d) {
            sb.append(jsonFloat(d.doubleValue()));
        } else if (v instanceof CharSequence s) {
            jsonString(s.toString(), sb);
        } else if (v instanceof Map<?, ?> m) {
            enter(v, open);
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (sortKeys) {
                entries.sort((x, y) -> Py.compare(x.getKey(), y.getKey(), "<"));
            }
            sb.append('{');
            for (int i = 0; i < entries.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                jsonString(jsonKey(entries.get(i).getKey()), sb);
                sb.append(": ");
                writeJson(entries.get(i).getValue(), sortKeys, sb, open);
            }
            sb.append('}');
            open.remove(v);
        } else if (v instanceof List<?> l) {
            enter(v, open);
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                writeJson(l.get(i), sortKeys, sb, open);
            }
            sb.append(']');
            open.remove(v);
        } else if (v instanceof Undefined u) {
            if (!u.lenient()) {
                throw u.error();
            }
            sb.append("null"); // dbt's parse-time values stand in for data that is not there yet
        } else {
            throw new JinjaError("Object of type " + Py.typeName(v) + " is not JSON serializable");
        }
    }

    /** Thrown for a container that contains itself: json.dumps's ValueError, which tojson turns into its default. */
    private static final class CircularReference extends RuntimeException {
        CircularReference() {
            super("Circular reference detected", null, false, false);
        }
    }

    private static void enter(Object container, Map<Object, Boolean> open) {
        if (open.put(container, Boolean.TRUE) != null) {
            throw new CircularReference();
        }
    }

    private static String jsonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return NumberText.floatRepr(d);
    }

    private static String jsonKey(Object k) {
        if (k instanceof CharSequence s) {
            return s.toString();
        }
        if (k == null || k instanceof Boolean || Py.isInt(k)) {
            return k == null ? "null" : k instanceof Boolean b ? (b ? "true" : "false") : k.toString();
        }
        if (Py.isFloat(k)) {
            return jsonFloat(((Number) k).doubleValue());
        }
        throw new JinjaError("keys must be str, int, float, bool or None, not " + Py.typeName(k));
    }

    private static void jsonString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
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
    private static Object pythonValue(Object v) {
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

    // ---- YAML ----

    /** {@code toyaml(value, default=None, sort_keys=False)}: PyYAML's safe_dump in block style. */
    static Object toyaml(CallSite site, Args a) {
        Object value = a.require(0, "value", "toyaml");
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(false);
        try {
            Object plain = yamlPlain(value, Py.truthy(a.get(2, "sort_keys", false)), new IdentityHashMap<>());
            String text = upperHexEscapes(new Yaml(new PythonRepresenter(options), options).dump(plain));
            boolean scalar = !(plain instanceof Map<?, ?> || plain instanceof Collection<?>);
            if (scalar && !text.startsWith("'") && !text.startsWith("\"")) {
                text += "...\n"; // PyYAML ends a plain top-level scalar with an explicit document end
            }
            return text;
        } catch (CircularReference | YAMLException e) {
            return a.get(1, "default", null);
        }
    }

    /** PyYAML writes {@code \xE9} where SnakeYAML writes {@code \xe9}; an escaped backslash stays as it is. */
    private static String upperHexEscapes(String text) {
        return YAML_ESCAPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) == null ? m.group() : "\\" + m.group(1).charAt(0) + m.group(1).substring(1)
                        .toUpperCase(Locale.ROOT)));
    }

    /** Floats, dates and datetimes written as PyYAML writes them. */
    private static final class PythonRepresenter extends Representer {
        PythonRepresenter(DumperOptions options) {
            super(options);
            representers.put(Double.class, data -> representScalar(Tag.FLOAT, yamlFloat((Double) data)));
            representers.put(PyDate.class, data -> representScalar(Tag.TIMESTAMP, data.toString()));
            representers.put(PyDatetime.class, data -> representScalar(Tag.TIMESTAMP, data.toString()));
        }

        private static String yamlFloat(double d) {
            if (Double.isNaN(d)) {
                return ".nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? ".inf" : "-.inf";
            }
            String text = NumberText.floatRepr(d).toLowerCase(Locale.ROOT);
            return !text.contains(".") && text.contains("e") ? text.replaceFirst("e", ".0e") : text;
        }
    }

    private static Object yamlPlain(Object v, boolean sortKeys, Map<Object, Boolean> open) {
        if (v == null || v instanceof Boolean || v instanceof String || v instanceof Double) {
            return v;
        }
        if (Py.isInt(v)) {
            return PyNumbers.normInt(PyNumbers.big(v));
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        if (v instanceof Map<?, ?> m) {
            enter(v, open);
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (sortKeys) {
                entries.sort((x, y) -> Py.compare(x.getKey(), y.getKey(), "<"));
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            entries.forEach(e -> out.put(yamlPlain(e.getKey(), sortKeys, open), yamlPlain(e.getValue(), sortKeys,
                    open)));
            open.remove(v);
            return out;
        }
        if (v instanceof List<?> l) {
            enter(v, open);
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(yamlPlain(x, sortKeys, open)));
            open.remove(v);
            return out;
        }
        if (v instanceof Set<?> s) {
            Set<Object> out = new LinkedHashSet<>();
            s.forEach(x -> out.add(yamlPlain(x, sortKeys, open)));
            return out;
        }
        if (v instanceof PyDate || v instanceof PyDatetime) {
            return v;
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        throw new YAMLException("cannot represent an object: " + Py.str(v));
    }

    /** {@code fromyaml(value, default=None)}: PyYAML's safe_load, or the default for text that is not YAML. */
    static Object fromyaml(CallSite site, Args a) {
        Object text = a.require(0, "value", "fromyaml");
        if (text instanceof Undefined u) {
            throw u.error();
        }
        if (!(text instanceof CharSequence s)) {
            return a.get(1, "default", null);
        }
        try {
            return pythonValue(new Yaml(new PythonTimestamps(new LoaderOptions())).load(s.toString()));
        } catch (YAMLException | JinjaError e) {
            return a.get(1, "default", null); // PyYAML's YAMLError and ValueError (a bad date)
        }
    }

    /** YAML timestamps become Python dates and datetimes (as PyYAML gives), not java.util.Date. */
    private static final class PythonTimestamps extends SafeConstructor {
        PythonTimestamps(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String value = ((ScalarNode) node).getValue().trim();
                    if (value.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                        String[] p = value.split("-");
                        return new PyDate(DatetimeModule.date(Long.parseLong(p[0]), Long.parseLong(p[1]),
                                Long.parseLong(p[2])));
                    }
                    String iso = value.replaceFirst("(?i)^(\\d{4}-\\d{2}-\\d{2})([t ]|\\s+)", "$1T")
                            .replaceFirst("\\s+(?=[zZ+-])", "").toUpperCase(Locale.ROOT);
                    return PyDatetime.fromisoformat(iso);
                }
            });
        }
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
