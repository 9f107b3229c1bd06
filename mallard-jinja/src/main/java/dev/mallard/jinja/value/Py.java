package dev.mallard.jinja.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's value semantics over the Java values templates hold: None is {@code null}, bool
 * {@link Boolean}, int {@link Long} (widening to {@link BigInteger}, never overflowing), float
 * {@link Double}, str {@link String}, list any {@link List}, tuple {@link PyTuple}, dict any
 * {@link Map} (insertion order when it is a LinkedHashMap), set any {@link Set}.
 */
public final class Py {
    /** Returned by lookups that found nothing (distinct from None). */
    public static final Object NOT_FOUND = new Object() {
        @Override
        public String toString() {
            return "<not found>";
        }
    };

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

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

    // ---- numbers ----

    /** An int value as the smallest Java type that holds it. */
    public static Object normInt(BigInteger v) {
        return v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0 ? (Object) v.longValue() : v;
    }

    public static BigInteger big(Object v) {
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        return BigInteger.valueOf(((Number) v).longValue());
    }

    /** An int or bool as a long; BigInteger values that do not fit are an OverflowError. */
    public static long toLong(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof BigInteger b) {
            if (b.bitLength() > 63) {
                throw new JinjaError("Python int too large to convert to C ssize_t");
            }
            return b.longValue();
        }
        if (isInt(v)) {
            return ((Number) v).longValue();
        }
        throw new JinjaError("'" + typeName(v) + "' object cannot be interpreted as an integer");
    }

    public static double toDouble(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new JinjaError("must be real number, not " + typeName(v));
    }

    private static boolean intLike(Object v) {
        return isInt(v) || v instanceof Boolean;
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
            return floatRepr(((Number) v).doubleValue());
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

    /** Python's repr of a float: the shortest text that reads back, with Python's exponent rules. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = NumberText.shortestDecimal(Math.abs(d));
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        if (exp < 0) {
            return sign + "0." + "0".repeat(-exp - 1) + digits;
        }
        if (digits.length() <= exp + 1) {
            return sign + digits + "0".repeat(exp + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
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
            if (intLike(a) && intLike(b)) {
                return big(a).equals(big(b));
            }
            if ((isFloat(a) && Double.isNaN(toDouble(a))) || (isFloat(b) && Double.isNaN(toDouble(b)))) {
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
        if (intLike(a) && intLike(b)) {
            return big(a).compareTo(big(b));
        }
        boolean exactA = !(a instanceof BigInteger bi && bi.bitLength() > 53) && !(a instanceof BigDecimal)
                && !(a instanceof Long l && Math.abs(l) > (1L << 53));
        boolean exactB = !(b instanceof BigInteger bi && bi.bitLength() > 53) && !(b instanceof BigDecimal)
                && !(b instanceof Long l && Math.abs(l) > (1L << 53));
        double x = toDouble(a);
        double y = toDouble(b);
        if ((!exactA || !exactB) && Double.isFinite(x) && Double.isFinite(y)) {
            return exactDecimal(a).compareTo(exactDecimal(b));
        }
        return x < y ? -1 : x > y ? 1 : 0;
    }

    private static BigDecimal exactDecimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        return intLike(v) ? new BigDecimal(big(v)) : new BigDecimal(toDouble(v));
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

    // ---- arithmetic ----

    private static JinjaError unsupported(String op, Object a, Object b) {
        if (a instanceof Undefined u) {
            return u.error();
        }
        if (b instanceof Undefined u) {
            return u.error();
        }
        if (op.equals("+") && a instanceof CharSequence) {
            return new JinjaError("can only concatenate str (not \"" + typeName(b) + "\") to str");
        }
        if (op.equals("+") && a instanceof List<?> && !(a instanceof PyTuple)) {
            return new JinjaError("can only concatenate list (not \"" + typeName(b) + "\") to list");
        }
        return new JinjaError("unsupported operand type(s) for " + op + ": '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    private static Object operable(String op, Object a, Object b) {
        if (a instanceof Operable o) {
            Object r = o.operate(op, b, false);
            if (r != NOT_FOUND) {
                return r;
            }
        }
        if (b instanceof Operable o) {
            return o.operate(op, a, true);
        }
        return NOT_FOUND;
    }

    public static Object add(Object a, Object b) {
        if (intLike(a) && intLike(b)) {
            if ((a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer)) {
                long x = ((Number) a).longValue();
                long y = ((Number) b).longValue();
                long r = x + y;
                if (((x ^ r) & (y ^ r)) >= 0) {
                    return r;
                }
            }
            return normInt(big(a).add(big(b)));
        }
        if (isNumber(a) && isNumber(b)) {
            return toDouble(a) + toDouble(b);
        }
        if (a instanceof Markup || b instanceof Markup) {
            if (a instanceof CharSequence && b instanceof CharSequence) {
                // markupsafe escapes the plain side
                return new Markup(Markup.escape(a).toString() + Markup.escape(b));
            }
        } else if (a instanceof CharSequence && b instanceof CharSequence) {
            return a.toString() + b;
        }
        if (a instanceof PyTuple ta && b instanceof PyTuple tb) {
            List<Object> out = new ArrayList<>(ta);
            out.addAll(tb);
            return PyTuple.copyOf(out);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && !(a instanceof PyTuple) && !(b instanceof PyTuple)) {
            List<Object> out = new ArrayList<>(la);
            out.addAll(lb);
            return out;
        }
        Object custom = operable("+", a, b);
        if (custom != NOT_FOUND) {
            return custom;
        }
        throw unsupported("+", a, b);
    }

    public static Object sub(Object a, Object b) {
        if (intLike(a) && intLike(b)) {
            if ((a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer)) {
                long x = ((Number) a).longValue();
                long y = ((Number) b).longValue();
                long r = x - y;
                if (((x ^ y) & (x ^ r)) >= 0) {
                    return r;
                }
            }
            return normInt(big(a).subtract(big(b)));
        }
        if (isNumber(a) && isNumber(b)) {
            return toDouble(a) - toDouble(b);
        }
        if (a instanceof Set<?> sa && b instanceof Set<?> sb) {
            Set<Object> out = new java.util.LinkedHashSet<>(sa);
            out.removeAll(sb);
            return out;
        }
        Object custom = operable("-", a, b);
        if (custom != NOT_FOUND) {
            return custom;
        }
        throw unsupported("-", a, b);
    }

    public static Object mul(Object a, Object b) {
        if (intLike(a) && intLike(b)) {
            if ((a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer)) {
                long x = ((Number) a).longValue();
                long y = ((Number) b).longValue();
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                    return lo;
                }
            }
            return normInt(big(a).multiply(big(b)));
        }
        if (isNumber(a) && isNumber(b)) {
            return toDouble(a) * toDouble(b);
        }
        if (a instanceof CharSequence s && intLike(b)) {
            String r = repeatString(s.toString(), toLong(b));
            return a instanceof Markup ? new Markup(r) : r;
        }
        if (b instanceof CharSequence s && intLike(a)) {
            String r = repeatString(s.toString(), toLong(a));
            return b instanceof Markup ? new Markup(r) : r;
        }
        if (a instanceof List<?> l && intLike(b)) {
            return repeatList(l, toLong(b));
        }
        if (b instanceof List<?> l && intLike(a)) {
            return repeatList(l, toLong(a));
        }
        throw unsupported("*", a, b);
    }

    private static String repeatString(String s, long n) {
        if (n <= 0 || s.isEmpty()) {
            return "";
        }
        if (n * s.length() > 100_000_000L) {
            throw new JinjaError("repeated string is too large");
        }
        return s.repeat((int) n);
    }

    private static Object repeatList(List<?> l, long n) {
        List<Object> out = new ArrayList<>();
        if (n * l.size() > 10_000_000L) {
            throw new JinjaError("repeated list is too large");
        }
        for (long i = 0; i < n; i++) {
            out.addAll(l);
        }
        return l instanceof PyTuple ? PyTuple.copyOf(out) : out;
    }

    public static Object truediv(Object a, Object b) {
        if (!isNumber(a) || !isNumber(b)) {
            throw unsupported("/", a, b);
        }
        if (intLike(a) && intLike(b)) {
            BigInteger x = big(a);
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw new JinjaError("division by zero");
            }
            if (x.bitLength() < 53 && y.bitLength() < 53) {
                return x.doubleValue() / y.doubleValue();
            }
            return new BigDecimal(x).divide(new BigDecimal(y), java.math.MathContext.DECIMAL128).doubleValue();
        }
        double y = toDouble(b);
        if (y == 0) {
            throw new JinjaError("float division by zero");
        }
        return toDouble(a) / y;
    }

    public static Object floordiv(Object a, Object b) {
        if (!isNumber(a) || !isNumber(b)) {
            throw unsupported("//", a, b);
        }
        if (intLike(a) && intLike(b)) {
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw new JinjaError("integer division or modulo by zero");
            }
            BigInteger[] qr = big(a).divideAndRemainder(y);
            BigInteger q = qr[0];
            if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                q = q.subtract(BigInteger.ONE);
            }
            return normInt(q);
        }
        double y = toDouble(b);
        if (y == 0) {
            throw new JinjaError("float floor division by zero");
        }
        return floatDivmod(toDouble(a), y)[0];
    }

    public static Object mod(Object a, Object b) {
        if (a instanceof Markup m) {
            return PercentFormat.formatMarkup(m.toString(), b);
        }
        if (a instanceof CharSequence s) {
            return PercentFormat.format(s.toString(), b);
        }
        if (!isNumber(a) || !isNumber(b)) {
            throw unsupported("%", a, b);
        }
        if (intLike(a) && intLike(b)) {
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw new JinjaError("integer modulo by zero");
            }
            BigInteger r = big(a).mod(y.abs());
            if (y.signum() < 0 && r.signum() != 0) {
                r = r.add(y);
            }
            return normInt(r);
        }
        double x = toDouble(a);
        double y = toDouble(b);
        if (y == 0) {
            throw new JinjaError("float modulo");
        }
        return floatDivmod(x, y)[1];
    }

    /** CPython's float divmod: the quotient snapped to an integer, zeros signed as Python signs them. */
    private static double[] floatDivmod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    public static Object pow(Object a, Object b) {
        if (!isNumber(a) || !isNumber(b)) {
            throw unsupported("** or pow()", a, b);
        }
        if (intLike(a) && intLike(b)) {
            BigInteger e = big(b);
            if (e.signum() >= 0) {
                if (e.bitLength() > 31 || (big(a).bitLength() * e.longValue() > 1_000_000L)) {
                    throw new JinjaError("exponent too large");
                }
                return normInt(big(a).pow(e.intValue()));
            }
            BigInteger base = big(a);
            if (base.signum() == 0) {
                throw new JinjaError("0.0 cannot be raised to a negative power");
            }
            return Math.pow(base.doubleValue(), e.doubleValue());
        }
        double x = toDouble(a);
        double y = toDouble(b);
        if (x == 0 && y < 0) {
            throw new JinjaError("0.0 cannot be raised to a negative power");
        }
        return Math.pow(x, y);
    }

    public static Object neg(Object a) {
        if (a instanceof Boolean b) {
            return b ? -1L : 0L;
        }
        if (a instanceof Long l && l != Long.MIN_VALUE) {
            return -l;
        }
        if (isInt(a)) {
            return normInt(big(a).negate());
        }
        if (isFloat(a)) {
            return -toDouble(a);
        }
        if (a instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError("bad operand type for unary -: '" + typeName(a) + "'");
    }

    public static Object pos(Object a) {
        if (a instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (isNumber(a)) {
            return a;
        }
        if (a instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError("bad operand type for unary +: '" + typeName(a) + "'");
    }

    // ---- containers ----

    /** Python's {@code item in container}. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof CharSequence s) {
            if (!(item instanceof CharSequence)) {
                if (item instanceof Undefined u) {
                    throw u.error();
                }
                throw new JinjaError("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.toString().contains(item.toString());
        }
        if (container instanceof Map<?, ?> m) {
            checkHashable(item);
            return dictKey(m, item) != NOT_FOUND;
        }
        if (container instanceof Undefined) {
            return false;
        }
        if (container instanceof Collection<?> || container instanceof Iterable<?>) {
            for (Object o : (Iterable<?>) container) {
                if (eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PyObject o) {
            return o.getItem(item) != NOT_FOUND;
        }
        throw new JinjaError("argument of type '" + typeName(container) + "' is not iterable");
    }

    /** Python's TypeError for values that cannot be dict keys or set members (lists, dicts, sets). */
    public static void checkHashable(Object v) {
        if ((v instanceof List<?> && !(v instanceof PyTuple)) || v instanceof Map<?, ?> || v instanceof Set<?>
                || v instanceof DictView) {
            throw new JinjaError("unhashable type: '" + typeName(v) + "'");
        }
        if (v instanceof PyTuple t) {
            for (Object o : t) {
                checkHashable(o);
            }
        }
    }

    /** The key of {@code m} equal to {@code key} in Python's sense (1 == 1.0 == True), or NOT_FOUND. */
    public static Object dictKey(Map<?, ?> m, Object key) {
        if (m.containsKey(key)) {
            return key;
        }
        if (isNumber(key)) {
            for (Object k : m.keySet()) {
                if (isNumber(k) && eq(k, key)) {
                    return k;
                }
            }
        }
        return NOT_FOUND;
    }

    /** The items a for loop visits: list and tuple items, dict keys, a string's characters. */
    public static Iterable<?> iterate(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.keySet();
        }
        if (v instanceof Iterable<?> it) {
            return it;
        }
        if (v instanceof CharSequence s) {
            List<Object> chars = new ArrayList<>(s.length());
            s.toString().codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (v instanceof Undefined u) {
            if (u.lenient()) {
                return List.of();
            }
            return List.of();
        }
        if (v instanceof Object[] a) {
            return java.util.Arrays.asList(a);
        }
        throw new JinjaError("'" + typeName(v) + "' object is not iterable");
    }

    /** The items of an iterable as a new list. */
    public static List<Object> toList(Object v) {
        List<Object> out = new ArrayList<>();
        Iterator<?> it = iterate(v).iterator();
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    public static int len(Object v) {
        if (v instanceof CharSequence s) {
            String str = s.toString();
            return str.codePointCount(0, str.length());
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof Undefined) {
            return 0;
        }
        throw new JinjaError("object of type '" + typeName(v) + "' has no len()");
    }

    /** Python's hash-key view of a value for sets and dict keys: 1, 1.0 and True collapse. */
    public static Object key(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9e18) {
            return (long) d.doubleValue();
        }
        return v;
    }
}
