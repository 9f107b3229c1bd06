package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.NumberText;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.Undefined;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps} with its exact text (", " and ": " separators, ASCII-only
 * output, float repr, NaN and Infinity), as Jinja2's {@code tojson} filter and dbt's
 * {@code tojson()} function call it. The filter sorts keys, may indent, and escapes
 * {@code < > & '} for HTML ({@code htmlsafe_json_dumps}); dbt's function does neither.
 * Jinja's engine is the one place the project writes its own JSON, because Python's layout
 * is the contract here.
 */
public final class Json {
    /** The filter has always given up this deep, before Python's recursion limit (1000). */
    private static final int FILTER_DEPTH_LIMIT = 500;

    private final String indent;
    private final boolean sortKeys;
    private final boolean dbt;
    private final Map<Object, Boolean> open = new IdentityHashMap<>();

    private Json(String indent, boolean sortKeys, boolean dbt) {
        this.indent = indent;
        this.sortKeys = sortKeys;
        this.dbt = dbt;
    }

    /** json.dumps's ValueError for a list or dict that contains itself. */
    public static final class CircularReference extends JinjaError {
        CircularReference() {
            super("Circular reference detected");
        }
    }

    /** The {@code tojson} filter: {@code json.dumps(value, sort_keys=True, indent=indent)}, HTML-safe. */
    static String htmlSafe(Object value, Object indent) {
        String unit = null;
        if (indent instanceof CharSequence cs) {
            unit = cs.toString();
        } else if (indent != null) {
            unit = " ".repeat((int) Math.max(0, Params.integer(indent)));
        }
        String text = new Json(unit, true, false).dumps(value);
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027");
    }

    /**
     * dbt's {@code tojson(value, sort_keys=...)}: {@code json.dumps}'s text, not escaped for HTML.
     * Unlike json.dumps it writes a Decimal (a query's DECIMAL value) as a float and a
     * parse-time (lenient) Undefined as null; any other Undefined raises its own error.
     *
     * @throws CircularReference for a list or dict that contains itself
     * @throws JinjaError for a value or key JSON has no form for, with Python's TypeError message
     */
    public static String dbtDumps(Object value, boolean sortKeys) {
        return new Json(null, sortKeys, true).dumps(value);
    }

    private String dumps(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0);
        return sb.toString();
    }

    private void write(Object v, StringBuilder sb, int level) {
        if (!dbt && level > FILTER_DEPTH_LIMIT) {
            throw new CircularReference();
        }
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof CharSequence s) {
            string(s.toString(), sb);
        } else if (Py.isInt(v)) {
            sb.append(v);
        } else if (v instanceof BigDecimal && !dbt) {
            throw notSerializable("Decimal");
        } else if (Py.isFloat(v)) {
            sb.append(floatText(PyNumbers.toDouble(v)));
        } else if (v instanceof Map<?, ?> m) {
            enter(m);
            object(m, sb, level);
            open.remove(m);
        } else if (v instanceof List<?> l) {
            enter(l);
            array(l, sb, level);
            open.remove(l);
        } else if (v instanceof Undefined u && dbt) {
            if (!u.lenient()) {
                throw u.error();
            }
            sb.append("null"); // dbt's parse-time values stand in for data that is not there yet
        } else {
            throw notSerializable(Py.typeName(v));
        }
    }

    private void enter(Object container) {
        if (open.put(container, Boolean.TRUE) != null) {
            throw new CircularReference();
        }
    }

    private static JinjaError notSerializable(String type) {
        return new JinjaError("Object of type " + type + " is not JSON serializable");
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return NumberText.floatRepr(d);
    }

    private void array(Collection<?> items, StringBuilder sb, int level) {
        if (items.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        boolean first = true;
        for (Object item : items) {
            separator(sb, first, level + 1);
            first = false;
            write(item, sb, level + 1);
        }
        close(sb, level);
        sb.append(']');
    }

    private void object(Map<?, ?> m, StringBuilder sb, int level) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        List<Object[]> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            entries.add(new Object[] {e.getKey(), e.getValue()});
        }
        if (sortKeys) {
            // sort_keys orders the keys as they are, before they become strings
            entries.sort((x, y) -> Py.compare(x[0], y[0], "<"));
        }
        sb.append('{');
        boolean first = true;
        for (Object[] e : entries) {
            separator(sb, first, level + 1);
            first = false;
            string(key(e[0]), sb);
            sb.append(": ");
            write(e[1], sb, level + 1);
        }
        close(sb, level);
        sb.append('}');
    }

    /** JSON object keys: str as is; int, float, bool and None converted as Python converts them. */
    private String key(Object k) {
        if (k instanceof CharSequence s) {
            return s.toString();
        }
        if (k == null) {
            return "null";
        }
        if (k instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (Py.isInt(k)) {
            return k.toString();
        }
        if (Py.isFloat(k) && (dbt || !(k instanceof BigDecimal))) {
            return floatText(PyNumbers.toDouble(k));
        }
        throw new JinjaError("keys must be str, int, float, bool or None, not " + Py.typeName(k));
    }

    private void separator(StringBuilder sb, boolean first, int level) {
        if (indent == null) {
            if (!first) {
                sb.append(", ");
            }
            return;
        }
        if (!first) {
            sb.append(',');
        }
        sb.append('\n').append(indent.repeat(level));
    }

    private void close(StringBuilder sb, int level) {
        if (indent != null) {
            sb.append('\n').append(indent.repeat(level));
        }
    }

    /** A JSON string with ensure_ascii: non-ASCII as \\uXXXX (surrogate pairs beyond the BMP). */
    static void string(String s, StringBuilder sb) {
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
}
