package dev.mallard.core.deps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code sha1_hash} of package-lock.yml exactly as dbt computes it: each entry's
 * {@link PackageSpec#hashForm()} as Python's {@code json.dumps(..., sort_keys=True)}, the
 * lines sorted and joined by newlines, then SHA-1.
 */
final class SpecHash {
    private SpecHash() {
    }

    static String of(List<PackageSpec> packages) {
        List<String> lines = new ArrayList<>();
        for (PackageSpec p : packages) {
            StringBuilder sb = new StringBuilder();
            json(p.hashForm(), sb);
            lines.add(sb.toString());
        }
        lines.sort(null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    private static void json(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            String sep = "";
            for (Map.Entry<String, Object> e : new TreeMap<String, Object>(stringKeys(m)).entrySet()) {
                sb.append(sep);
                string(e.getKey(), sb);
                sb.append(": ");
                json(e.getValue(), sb);
                sep = ", ";
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            String sep = "";
            for (Object o : l) {
                sb.append(sep);
                json(o, sb);
                sep = ", ";
            }
            sb.append(']');
        } else {
            string(String.valueOf(v), sb);
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    // Python's json.dumps escapes every non-ASCII character as \\uXXXX (ensure_ascii=True)
    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (char c : s.toCharArray()) {
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
}
