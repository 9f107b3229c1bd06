package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's printf-style formatting ({@code 'fmt' % args}): {@code %s %r %d %i %f %e %g %x %o
 * %c %%}, flags {@code -0+ #}, width, precision, {@code *}, and {@code %(name)s} with a dict.
 */
final class PercentFormat {
    private PercentFormat() {
    }

    static String format(String format, Object args) {
        List<Object> positional = PyTypes.isTuple(args) ? PyTypes.items(args) : null;
        Map<?, ?> named = args instanceof Map<?, ?> m ? m : null;
        int next = 0;
        boolean usedSingle = false;
        StringBuilder out = new StringBuilder(format.length() + 16);
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            if (i >= n) {
                throw error("incomplete format");
            }
            Object value = null;
            boolean haveValue = false;
            if (format.charAt(i) == '(') {
                int close = format.indexOf(')', i);
                if (close < 0 || named == null) {
                    throw error(close < 0 ? "incomplete format key" : "format requires a mapping");
                }
                String key = format.substring(i + 1, close);
                if (!named.containsKey(key)) {
                    throw error("KeyError: '" + key + "'");
                }
                value = named.get(key);
                haveValue = true;
                i = close + 1;
            }
            Spec spec = new Spec();
            while (i < n && "-+ #0".indexOf(format.charAt(i)) >= 0) {
                spec.flag(format.charAt(i++));
            }
            if (i < n && format.charAt(i) == '*') {
                spec.width = (int) PyTypes.toLong(positional == null ? args : positional.get(next++));
                i++;
            } else {
                int start = i;
                while (i < n && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                spec.width = start == i ? -1 : Integer.parseInt(format.substring(start, i));
            }
            if (i < n && format.charAt(i) == '.') {
                i++;
                if (i < n && format.charAt(i) == '*') {
                    spec.precision = (int) PyTypes.toLong(positional == null ? args : positional.get(next++));
                    i++;
                } else {
                    int start = i;
                    while (i < n && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                    spec.precision = start == i ? 0 : Integer.parseInt(format.substring(start, i));
                }
            }
            while (i < n && "hlL".indexOf(format.charAt(i)) >= 0) {
                i++; // length modifiers are accepted and ignored, as in Python
            }
            if (i >= n) {
                throw error("incomplete format");
            }
            char type = format.charAt(i++);
            if (type == '%') {
                out.append('%');
                continue;
            }
            if (!haveValue) {
                if (positional != null) {
                    if (next >= positional.size()) {
                        throw error("not enough arguments for format string");
                    }
                    value = positional.get(next++);
                } else if (named != null) {
                    value = named;
                } else {
                    if (usedSingle) {
                        throw error("not enough arguments for format string");
                    }
                    value = args;
                    usedSingle = true;
                }
            }
            out.append(spec.pad(convert(type, value, spec), "diuxXofFeEgG".indexOf(type) >= 0));
        }
        if (positional != null && next < positional.size()) {
            throw error("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static String convert(char type, Object value, Spec spec) {
        switch (type) {
            case 's': {
                String s = PyStr.str(value);
                return spec.precision >= 0 && spec.precision < s.length() ? s.substring(0, spec.precision) : s;
            }
            case 'r':
            case 'a':
                return PyStr.repr(value);
            case 'd':
            case 'i':
            case 'u':
                return spec.sign(integer(value).toString());
            case 'x':
            case 'X':
            case 'o': {
                BigInteger v = integer(value);
                String digits = v.abs().toString(type == 'o' ? 8 : 16);
                if (spec.alternate) {
                    digits = (type == 'o' ? "0o" : "0x") + digits;
                }
                if (type == 'X') {
                    digits = digits.toUpperCase(Locale.ROOT);
                }
                return spec.sign((v.signum() < 0 ? "-" : "") + digits);
            }
            case 'f':
            case 'F':
            case 'e':
            case 'E':
            case 'g':
            case 'G': {
                double d = PyTypes.toDouble(value instanceof Boolean b ? (b ? 1 : 0) : value);
                int p = spec.precision < 0 ? 6 : spec.precision;
                String s;
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    s = Double.isNaN(d) ? "nan" : (d > 0 ? "inf" : "-inf");
                } else if (type == 'f' || type == 'F') {
                    s = new BigDecimal(d).setScale(p, java.math.RoundingMode.HALF_EVEN).toPlainString();
                } else if (type == 'e' || type == 'E') {
                    s = pythonExponent(String.format(Locale.ROOT, "%." + p + "e", d));
                } else {
                    s = general(d, p == 0 ? 1 : p, spec.alternate);
                }
                if (Character.isUpperCase(type)) {
                    s = s.toUpperCase(Locale.ROOT);
                }
                return spec.sign(s);
            }
            case 'c':
                if (value instanceof Number num) {
                    return new String(Character.toChars(num.intValue()));
                }
                return PyStr.str(value);
            default:
                throw error("unsupported format character '" + type + "'");
        }
    }

    private static BigInteger integer(Object value) {
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof BigDecimal d) {
            return d.toBigInteger();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).toBigInteger();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return BigInteger.valueOf(PyTypes.toLong(value));
        }
        try {
            return new BigInteger(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw error("%d format: a number is required, not " + PyStr.repr(value));
        }
    }

    /** Java writes e+1 where Python writes e+01. */
    private static String pythonExponent(String javaFormatted) {
        int e = javaFormatted.indexOf('e');
        if (e < 0) {
            return javaFormatted;
        }
        String exp = javaFormatted.substring(e + 2);
        return javaFormatted.substring(0, e + 2) + (exp.length() < 2 ? "0" + exp : exp);
    }

    private static String general(double d, int precision, boolean keepZeros) {
        if (d == 0) {
            return "0";
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(d)));
        String s;
        if (exponent < -4 || exponent >= precision) {
            s = pythonExponent(String.format(Locale.ROOT, "%." + (precision - 1) + "e", d));
            if (!keepZeros) {
                int e = s.indexOf('e');
                s = stripZeros(s.substring(0, e)) + s.substring(e);
            }
        } else {
            s = new BigDecimal(d).round(new java.math.MathContext(precision)).toPlainString();
            if (!keepZeros) {
                s = stripZeros(s);
            }
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static MallardException error(String message) {
        return new MallardException(ErrorCode.JINJA, "string formatting failed: " + message);
    }

    /** Flags, width and precision of one conversion. */
    private static final class Spec {
        boolean left;
        boolean zero;
        boolean plus;
        boolean space;
        boolean alternate;
        int width = -1;
        int precision = -1;

        void flag(char c) {
            switch (c) {
                case '-' -> left = true;
                case '0' -> zero = true;
                case '+' -> plus = true;
                case ' ' -> space = true;
                default -> alternate = true;
            }
        }

        String sign(String number) {
            if (!number.startsWith("-")) {
                if (plus) {
                    return "+" + number;
                }
                if (space) {
                    return " " + number;
                }
            }
            return number;
        }

        String pad(String s, boolean numeric) {
            if (width <= s.length()) {
                return s;
            }
            String fill = " ".repeat(width - s.length());
            if (left) {
                return s + fill;
            }
            if (zero && numeric) {
                int signLen = s.startsWith("-") || s.startsWith("+") || s.startsWith(" ") ? 1 : 0;
                return s.substring(0, signLen) + "0".repeat(width - s.length()) + s.substring(signLen);
            }
            return fill + s;
        }
    }
}
