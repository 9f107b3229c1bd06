package dev.mallard.jinja.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's value semantics over the Java values templates hold: None is {@code null}, bool
 * {@link Boolean}, int {@link Long} (widening to {@link BigInteger}, never overflowing), float
 * {@link Double}, str {@link String}, list any {@link List}, tuple {@link PyTuple}, dict any
 * {@link Map} (insertion order when it is a LinkedHashMap), set any {@link Set}.
 *
 * <p>This class answers what a value is, whether it is true, how it prints and how it
 * compares; {@link PyNumbers}, {@link Arithmetic} and {@link Containers} do the rest.
 */
public final class Py {
    /** Returned by lookups that found nothing (distinct from None). */
    public static final Object NOT_FOUND = new Object() {
        @Override
        public String toString() {
            return "<not found>";
        }
    };

    private Py() {
    }

    // ---- types ----

    public static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Short
                || v instanceof Byte;
    }

    public static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
    }

    /** int, float or bool (Python's numbers.Number). */
    public static boolean isNumber(Object v) {
        return isInt(v) || isFloat(v) || v instanceof Boolean;
    }

    public static boolean isString(Object v) {
        return v instanceof String || v instanceof CharSequence;
    }

    /** A list or tuple (not a str, dict or set). */
    public static boolean isSequence(Object v) {
        return v instanceof List<?>;
    }

    public static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (isInt(v)) {
            return "int";
        }
        if (isFloat(v)) {
            return "float";
        }
        if (v instanceof Markup) {
            return "Markup";
        }
        if (isString(v)) {
            return "str";
        }
        if (v instanceof PyTuple) {
            return "tuple";
        }
        if (v instanceof List<?>) {
            return "list";
        }
        if (v instanceof Map<?, ?>) {
            return "dict";
        }
        if (v instanceof Set<?>) {
            return "set";
        }
        if (v instanceof Undefined) {
            return "Undefined";
        }
        if (v instanceof PyObject o) {
            return o.typeName();
        }
        if (v instanceof PyCallable) {
            return "function";
        }
        return v.getClass().getSimpleName();
    }

    // ---- truth, str, repr ----

    public static boolean truthy(Object v) {
        if (v == null || v instanceof Undefined) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof BigInteger b) {
            return b.signum() != 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** Python's {@code str(v)}, which is also what {@code {{ v }}} prints. */
    public static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double || v instanceof Float) {
            return NumberText.floatRepr(((Number) v).doubleValue());
        }
        if (v instanceof Undefined) {
            return "";
        }
        if (v instanceof List<?> || v instanceof Set<?> || v instanceof Map<?, ?>) {
            return repr(v);
        }
        return v.toString();
    }

    /** Python's {@code repr(v)}. */
    public static String repr(Object v) {
        StringBuilder sb = new StringBuilder();
        repr(v, sb, 0);
        return sb.toString();
    }

    private static void repr(Object v, StringBuilder sb, int depth) {
        if (depth > 200) {
            sb.append("...");
            return;
        }
        if (v instanceof Markup m) {
            sb.append("Markup(");
            quote(m.toString(), sb);
            sb.append(')');
        } else if (v instanceof CharSequence s) {
            quote(s.toString(), sb);
        } else if (v instanceof PyTuple t) {
            sb.append('(');
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                repr(t.get(i), sb, depth + 1);
            }
            sb.append(t.size() == 1 ? ",)" : ")");
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                repr(l.get(i), sb, depth + 1);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                repr(e.getKey(), sb, depth + 1);
                sb.append(": ");
                repr(e.getValue(), sb, depth + 1);
            }
            sb.append('}');
        } else if (v instanceof Set<?> s) {
            if (s.isEmpty()) {
                sb.append("set()");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Object o : s) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                repr(o, sb, depth + 1);
            }
            sb.append('}');
        } else if (v instanceof Undefined) {
            sb.append("Undefined");
        } else if (v instanceof PyObject o) {
            sb.append(o.repr());
        } else {
            sb.append(str(v));
        }
    }

    /** A string literal as Python's repr writes it. */
    public static void quote(String s, StringBuilder sb) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(q);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == q || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp >= 0x80 && !printable(cp)) {
                if (cp <= 0xff) {
                    sb.append(String.format("\\x%02x", cp));
                } else if (cp <= 0xffff) {
                    sb.append(String.format("\\u%04x", cp));
                } else {
                    sb.append(String.format("\\U%08x", cp));
                }
            } else {
                sb.appendCodePoint(cp);
            }
        }
        sb.append(q);
    }

    private static boolean printable(int cp) {
        int t = Character.getType(cp);
        return !(t == Character.CONTROL || t == Character.FORMAT || t == Character.SURROGATE
                || t == Character.PRIVATE_USE || t == Character.UNASSIGNED || t == Character.LINE_SEPARATOR
                || t == Character.PARAGRAPH_SEPARATOR || (t == Character.SPACE_SEPARATOR && cp != ' '));
    }

    // ---- equality and order ----

    public static boolean eq(Object a, Object b) {
        if (a == b) {
            return !(a instanceof Double d && d.isNaN());
        }
        if (a == null || b == null) {
            return false;
        }
        if (isNumber(a) && isNumber(b)) {
            if (PyNumbers.intLike(a) && PyNumbers.intLike(b)) {
                return PyNumbers.big(a).equals(PyNumbers.big(b));
            }
            if ((isFloat(a) && Double.isNaN(PyNumbers.toDouble(a)))
                    || (isFloat(b) && Double.isNaN(PyNumbers.toDouble(b)))) {
                return false;
            }
            return compareNumbers(a, b) == 0;
        }
        if (a instanceof CharSequence && b instanceof CharSequence) {
            return a.toString().equals(b.toString());
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if ((a instanceof PyTuple) != (b instanceof PyTuple) || la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                // containers compare items by identity first, as CPython does (so [nan] == [nan])
                if (la.get(i) != lb.get(i) && !eq(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                Object key = e.getKey();
                if (!mb.containsKey(key) || !eq(e.getValue(), mb.get(key))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Undefined && b instanceof Undefined) {
            return true;
        }
        return a.equals(b);
    }

    /** Python's ordering ({@code <}); a TypeError for values Python does not order. */
    public static int compare(Object a, Object b, String op) {
        if (isNumber(a) && isNumber(b)) {
            return compareNumbers(a, b);
        }
        if (a instanceof CharSequence && b instanceof CharSequence) {
            return compareStrings(a.toString(), b.toString());
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && (a instanceof PyTuple) == (b instanceof PyTuple)) {
            int n = Math.min(la.size(), lb.size());
            for (int i = 0; i < n; i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return compare(la.get(i), lb.get(i), op);
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        if (a instanceof Operable o) {
            Integer c = o.compareWith(b);
            if (c != null) {
                return c;
            }
        }
        if (b instanceof Operable o) {
            Integer c = o.compareWith(a);
            if (c != null) {
                return -c;
            }
        }
        if (a instanceof Undefined u) {
            throw u.error();
        }
        if (b instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError("'" + op + "' not supported between instances of '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    /**
     * Numbers in Python's order: ints and floats compared exactly (2**53 + 1 > 2.0**53), and
     * -0.0 equal to 0.0. NaN compares as equal to everything here; Python's NaN is unordered.
     */
    private static int compareNumbers(Object a, Object b) {
        if (PyNumbers.intLike(a) && PyNumbers.intLike(b)) {
            return PyNumbers.big(a).compareTo(PyNumbers.big(b));
        }
        boolean exactA = !(a instanceof BigInteger bi && bi.bitLength() > 53) && !(a instanceof BigDecimal)
                && !(a instanceof Long l && Math.abs(l) > (1L << 53));
        boolean exactB = !(b instanceof BigInteger bi && bi.bitLength() > 53) && !(b instanceof BigDecimal)
                && !(b instanceof Long l && Math.abs(l) > (1L << 53));
        double x = PyNumbers.toDouble(a);
        double y = PyNumbers.toDouble(b);
        if ((!exactA || !exactB) && Double.isFinite(x) && Double.isFinite(y)) {
            return exactDecimal(a).compareTo(exactDecimal(b));
        }
        return x < y ? -1 : x > y ? 1 : 0;
    }

    private static BigDecimal exactDecimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        return PyNumbers.intLike(v) ? new BigDecimal(PyNumbers.big(v)) : new BigDecimal(PyNumbers.toDouble(v));
    }

    /** Code point order, as Python compares str. */
    public static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
