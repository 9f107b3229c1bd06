package dev.mallard.core.jinja;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.hubspot.jinjava.objects.collections.PyList;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** dbt's data helpers: tojson/fromjson, toyaml/fromyaml, zip, set, list, dict, local_md5. */
public final class DataFunctions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SORTED_JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private DataFunctions() {
    }

    public static Object tojson(Object... args) {
        DbtFunctions.Args a = DbtFunctions.Args.of(args);
        try {
            ObjectMapper mapper = PyTypes.truthy(a.get(1, "sort_keys")) ? SORTED_JSON : JSON;
            return pythonStyle(mapper.valueToTree(plain(a.get(0, "value"))));
        } catch (JsonProcessingException e) {
            return null; // dbt returns None for values it cannot serialise
        }
    }

    private static final ObjectMapper ASCII_JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);

    /** JSON as Python's json.dumps writes it by default: ", " and ": " separators, ASCII only. */
    static String pythonStyle(com.fasterxml.jackson.databind.JsonNode node) throws JsonProcessingException {
        if (node.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            java.util.Iterator<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = node.fields();
            while (it.hasNext()) {
                java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
                sb.append(ASCII_JSON.writeValueAsString(e.getKey())).append(": ").append(pythonStyle(e.getValue()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(pythonStyle(node.get(i)));
            }
            return sb.append(']').toString();
        }
        return ASCII_JSON.writeValueAsString(node);
    }

    public static Object fromjson(Object... args) {
        DbtFunctions.Args a = DbtFunctions.Args.of(args);
        try {
            return JSON.readValue(String.valueOf(a.get(0, "string")), Object.class);
        } catch (JsonProcessingException e) {
            return a.get(1, "default");
        }
    }

    public static Object toyaml(Object... args) {
        DbtFunctions.Args a = DbtFunctions.Args.of(args);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(plain(a.get(0, "value")));
    }

    public static Object fromyaml(Object... args) {
        DbtFunctions.Args a = DbtFunctions.Args.of(args);
        try {
            return new Yaml(new LoaderOptions()).load(String.valueOf(a.get(0, "value")));
        } catch (RuntimeException e) {
            return a.get(1, "default");
        }
    }

    /** {@code zip(a, b, ...)}: tuples of the i-th items, as long as the shortest input. */
    public static Object zip(Object... args) {
        List<List<Object>> inputs = new ArrayList<>();
        for (Object arg : DbtFunctions.Args.of(args).positional()) {
            inputs.add(PyTypes.items(arg));
        }
        List<Object> out = new ArrayList<>();
        int n = inputs.stream().mapToInt(List::size).min().orElse(0);
        for (int i = 0; i < n; i++) {
            List<Object> tuple = new ArrayList<>(inputs.size());
            for (List<Object> input : inputs) {
                tuple.add(input.get(i));
            }
            out.add(tuple(tuple));
        }
        return out;
    }

    public static Object set(Object... args) {
        DbtFunctions.Args a = DbtFunctions.Args.of(args);
        return a.positional().isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(PyTypes.items(a.positional().get(0)));
    }

    public static Object list(Object... args) {
        DbtFunctions.Args a = DbtFunctions.Args.of(args);
        return a.positional().isEmpty() ? new ArrayList<>() : PyTypes.items(a.positional().get(0));
    }

    public static Object dict(Object... args) {
        DbtFunctions.Args a = DbtFunctions.Args.of(args);
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object p : a.positional()) {
            if (p instanceof Map<?, ?> m) {
                out.putAll(m);
            } else {
                for (Object pair : PyTypes.items(p)) {
                    List<Object> kv = PyTypes.items(pair);
                    out.put(kv.get(0), kv.get(1));
                }
            }
        }
        out.putAll(a.named());
        return out;
    }

    public static String local_md5(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }

    /** A Python tuple as templates see it (see {@link PyTypes#isTuple}). */
    static List<Object> tuple(List<Object> items) {
        return new PyList(Collections.unmodifiableList(items));
    }

    /** Template values as plain maps, lists and scalars, for serialisers. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Iterable<?> items && !(value instanceof PyObject)) {
            List<Object> out = new ArrayList<>();
            items.forEach(i -> out.add(plain(i)));
            return out;
        }
        if (value instanceof PyDatetime d) {
            return d.isoformat();
        }
        if (value instanceof PyObject || value instanceof RelationValue) {
            return value.toString();
        }
        if (value instanceof CharSequence cs) {
            return cs.toString();
        }
        return value;
    }
}
