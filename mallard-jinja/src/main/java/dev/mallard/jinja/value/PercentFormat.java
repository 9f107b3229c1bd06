package dev.mallard.jinja.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's printf-style {@code str % args}: {@code %s %r %a %d %i %u %x %X %o %e %E %f %F %g %G %c %%},
 * the flags {@code -+ #0}, width, precision, {@code *}, and {@code %(name)s} with a mapping. A tuple
 * supplies one argument per conversion; any other value is the single argument.
 */
public final class PercentFormat {
    private final String template;
    private final List<?> positional;
    private final Object mapping;
    private final boolean escape;
    private int next;
    private int pos;

    private PercentFormat(String template, Object args, boolean escape) {
        this.template = template;
        this.escape = escape;
        this.positional = args instanceof PyTuple t ? t : List.of(args == null ? NONE : args);
        // Python takes any subscriptable non-tuple, non-str argument as the mapping for %(key)s
        this.mapping = !(args instanceof PyTuple) && !(args instanceof CharSequence)
                && (args instanceof Map<?, ?> || args instanceof List<?> || args instanceof PyObject
                || args instanceof Undefined) ? args : null;
    }

    private static final Object NONE = new Object();

    public static String format(String template, Object args) {
        return new PercentFormat(template, args, false).render();
    }

    /** {@code Markup % args}: markupsafe escapes what each {@code %s}, {@code %r} and {@code %a} inserts. */
    public static Markup formatMarkup(String template, Object args) {
        return new Markup(new PercentFormat(template, args, true).render());
    }

    private String render() {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int n = template.length();
        while (pos < n) {
            char c = template.charAt(pos);
            if (c != '%') {
                int end = template.indexOf('%', pos);
                end = end < 0 ? n : end;
                out.append(template, pos, end);
                pos = end;
                continue;
            }
            int start = pos++;
            out.append(conversion(start));
        }
        if (next < positional.size() && mapping == null) {
            throw new JinjaError("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private String conversion(int start) {
        int n = template.length();
        Object value = Py.NOT_FOUND;
        if (pos < n && template.charAt(pos) == '(') {
            if (mapping == null) {
                throw new JinjaError("format requires a mapping");
            }
            int depth = 1;
            int keyStart = ++pos;
            while (pos < n && depth > 0) {
                char c = template.charAt(pos++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            if (depth > 0) {
                throw new JinjaError("incomplete format key");
            }
            value = lookup(template.substring(keyStart, pos - 1));
            // as in CPython, a keyed conversion uses up the single (mapping) argument
            next = positional.size();
        }
        boolean left = false;
        boolean plus = false;
        boolean space = false;
        boolean alternate = false;
        boolean zero = false;
        for (; pos < n; pos++) {
            char c = template.charAt(pos);
            if (c == '-') {
                left = true;
            } else if (c == '+') {
                plus = true;
            } else if (c == ' ') {
                space = true;
            } else if (c == '#') {
                alternate = true;
            } else if (c == '0') {
                zero = true;
            } else {
                break;
            }
        }
        int width = -1;
        if (pos < n && template.charAt(pos) == '*') {
            pos++;
            long w = starArgument();
            if (w < 0) {
                left = true;
            }
            width = (int) Math.min(Math.abs(w), Integer.MAX_VALUE);
        } else {
            width = digits();
        }
        int precision = -1;
        if (pos < n && template.charAt(pos) == '.') {
            pos++;
            if (pos < n && template.charAt(pos) == '*') {
                pos++;
                precision = (int) Math.max(0, Math.min(starArgument(), Integer.MAX_VALUE));
            } else {
                precision = Math.max(0, digits());
            }
        }
        while (pos < n && "hlL".indexOf(template.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos >= n) {
            throw new JinjaError("incomplete format");
        }
        char type = template.charAt(pos++);
        if (type == '%') {
            return "%";
        }
        if (value == Py.NOT_FOUND) {
            value = nextArgument();
        }
        String body;
        boolean numeric = true;
        String sign = "";
        switch (type) {
            case 's', 'r', 'a' -> {
                body = type == 's' ? Py.str(value) : type == 'r' ? Py.repr(value) : StrFormat.ascii(Py.repr(value));
                if (escape) {
                    body = type == 's' ? Markup.escape(value).toString() : Markup.escapeText(body);
                }
                if (precision >= 0 && body.codePointCount(0, body.length()) > precision) {
                    body = body.substring(0, body.offsetByCodePoints(0, precision));
                }
                numeric = false;
            }
            case 'c' -> {
                body = character(value);
                numeric = false;
            }
            case 'd', 'i', 'u', 'x', 'X', 'o' -> {
                BigInteger v = integer(value, type);
                int radix = type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
                body = v.abs().toString(radix);
                if (precision > body.length()) {
                    body = "0".repeat(precision - body.length()) + body;
                }
                if (alternate && radix != 10) {
                    body = (radix == 8 ? "0o" : "0x") + body;
                }
                if (type == 'X') {
                    body = body.toUpperCase(Locale.ROOT);
                }
                sign = v.signum() < 0 ? "-" : plus ? "+" : space ? " " : "";
            }
            case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                double d = real(value);
                String special = NumberText.special(d);
                int p = precision < 0 ? 6 : precision;
                if (special != null) {
                    body = special;
                } else if (type == 'e' || type == 'E') {
                    body = NumberText.exponent(d, p);
                } else if (type == 'f' || type == 'F') {
                    body = NumberText.fixed(d, p);
                } else {
                    body = NumberText.general(d, p, alternate, false);
                }
                if (alternate && special == null && body.indexOf('.') < 0 && type != 'g' && type != 'G') {
                    int e = body.indexOf('e');
                    body = e < 0 ? body + "." : body.substring(0, e) + "." + body.substring(e);
                }
                if (Character.isUpperCase(type)) {
                    body = body.toUpperCase(Locale.ROOT);
                }
                sign = NumberText.negative(d) && !Double.isNaN(d) ? "-" : plus ? "+" : space ? " " : "";
            }
            default -> throw new JinjaError("unsupported format character '" + type + "' (0x"
                    + Integer.toHexString(type) + ") at index " + (pos - 1));
        }
        int length = sign.length() + body.codePointCount(0, body.length());
        if (width <= length) {
            return sign + body;
        }
        int pad = width - length;
        if (left) {
            return sign + body + " ".repeat(pad);
        }
        if (zero && numeric) {
            int prefix = body.startsWith("0x") || body.startsWith("0X") || body.startsWith("0o") ? 2 : 0;
            return sign + body.substring(0, prefix) + "0".repeat(pad) + body.substring(prefix);
        }
        return " ".repeat(pad) + sign + body;
    }

    private int digits() {
        int start = pos;
        while (pos < template.length() && Character.isDigit(template.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            return -1;
        }
        try {
            return Integer.parseInt(template.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new JinjaError("width too big");
        }
    }

    private Object nextArgument() {
        if (next >= positional.size()) {
            throw new JinjaError("not enough arguments for format string");
        }
        Object v = positional.get(next++);
        return v == NONE ? null : v;
    }

    private long starArgument() {
        Object v = nextArgument();
        if (!(Py.isInt(v) || v instanceof Boolean)) {
            throw new JinjaError("* wants int");
        }
        return PyNumbers.toLong(v);
    }

    private Object lookup(String key) {
        if (mapping instanceof Map<?, ?> m) {
            Object k = Containers.dictKey(m, key);
            if (k == Py.NOT_FOUND) {
                throw new JinjaError("'" + key + "'");
            }
            return m.get(k);
        }
        if (mapping instanceof Undefined u) {
            throw u.error();
        }
        if (mapping instanceof PyObject o) {
            Object v = o.getItem(key);
            if (v != Py.NOT_FOUND) {
                return v;
            }
            throw new JinjaError("'" + key + "'");
        }
        throw new JinjaError("list indices must be integers or slices, not str");
    }

    private static BigInteger integer(Object value, char type) {
        if (value instanceof Boolean || Py.isInt(value)) {
            return PyNumbers.big(value);
        }
        boolean decimal = type == 'd' || type == 'i' || type == 'u';
        if (decimal && Py.isFloat(value)) {
            double d = PyNumbers.toDouble(value);
            if (Double.isNaN(d)) {
                throw new JinjaError("cannot convert float NaN to integer");
            }
            if (Double.isInfinite(d)) {
                throw new JinjaError("cannot convert float infinity to integer");
            }
            return value instanceof BigDecimal b ? b.toBigInteger() : new BigDecimal(d).toBigInteger();
        }
        if (value instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError("%" + type + " format: " + (decimal ? "a real number" : "an integer")
                + " is required, not " + Py.typeName(value));
    }

    private static double real(Object value) {
        if (Py.isNumber(value)) {
            return PyNumbers.toDouble(value);
        }
        if (value instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError("must be real number, not " + Py.typeName(value));
    }

    private static String character(Object value) {
        if (value instanceof CharSequence s) {
            if (s.toString().codePointCount(0, s.length()) != 1) {
                throw new JinjaError("%c requires int or char");
            }
            return s.toString();
        }
        if (value instanceof Boolean || Py.isInt(value)) {
            BigInteger v = PyNumbers.big(value);
            if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(0x10ffff)) > 0) {
                throw new JinjaError("%c arg not in range(0x110000)");
            }
            return new String(Character.toChars(v.intValue()));
        }
        throw new JinjaError("%c requires int or char");
    }
}
