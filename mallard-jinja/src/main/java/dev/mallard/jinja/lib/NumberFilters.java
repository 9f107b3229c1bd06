package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.PercentFormat;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.Undefined;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Jinja2's numeric filters: abs, int, float, round, filesizeformat. */
final class NumberFilters {
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\."
            + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private NumberFilters() {
    }

    static void register(Library lib) {
        lib.filter("abs", (site, v, a) -> {
            Params.bind(a, "abs");
            return abs(v);
        });
        lib.filter("int", (site, v, a) -> {
            Params p = Params.bind(a, "do_int", "default", "base");
            return toInt(v, p.get(0, 0L), p.get(1, 10L));
        });
        lib.filter("float", (site, v, a) -> {
            Params p = Params.bind(a, "do_float", "default");
            Double d = toFloat(v);
            return d == null ? p.get(0, 0.0) : d;
        });
        lib.filter("round", (site, v, a) -> {
            Params p = Params.bind(a, "do_round", "precision", "method");
            return round(v, p.integer(0, 0), Py.str(p.get(1, "common")));
        });
        lib.filter("filesizeformat", (site, v, a) -> {
            Params p = Params.bind(a, "do_filesizeformat", "binary");
            return filesize(v, p.bool(0, false));
        });
    }

    static Object abs(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof BigDecimal d) {
            return d.abs();
        }
        if (Py.isInt(v)) {
            return PyNumbers.normInt(PyNumbers.big(v).abs());
        }
        if (Py.isFloat(v)) {
            return Math.abs(PyNumbers.toDouble(v));
        }
        throw new JinjaError("bad operand type for abs(): '" + Py.typeName(v) + "'");
    }

    /** Python's {@code float(s)} for a str, or null when it is not a float literal. */
    static Double parseFloat(String s) {
        String t = strip(s);
        if (FLOAT.matcher(t).matches()) {
            return Double.parseDouble(t.replace("_", ""));
        }
        if (SPECIAL.matcher(t).matches()) {
            boolean negative = t.startsWith("-");
            if (t.toLowerCase(java.util.Locale.ROOT).endsWith("nan")) {
                return Double.NaN;
            }
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && dev.mallard.jinja.value.PyChars.isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && dev.mallard.jinja.value.PyChars.isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python's {@code float(v)}: null where Python raises TypeError or ValueError. */
    static Double toFloat(Object v) {
        if (v instanceof Undefined u) {
            throw u.error();
        }
        if (v instanceof CharSequence s) {
            return parseFloat(s.toString());
        }
        if (v instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw new JinjaError("int too large to convert to float");
            }
            return d;
        }
        if (Py.isNumber(v)) {
            return PyNumbers.toDouble(v);
        }
        return null;
    }

    /** Python's {@code int(s, base)} for a str, or null on ValueError. */
    static BigInteger parseInt(String s, long base) {
        String t = strip(s);
        if (base != 0 && (base < 2 || base > 36)) {
            return null;
        }
        boolean negative = false;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            negative = t.charAt(0) == '-';
            t = t.substring(1);
        }
        int radix = (int) base;
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        String prefix = lower.length() > 1 && lower.charAt(0) == '0' ? lower.substring(0, 2) : "";
        int prefixRadix = switch (prefix) {
            case "0x" -> 16;
            case "0o" -> 8;
            case "0b" -> 2;
            default -> 0;
        };
        if (prefixRadix != 0 && (base == 0 || base == prefixRadix)) {
            radix = prefixRadix;
            t = t.substring(2);
            if (t.startsWith("_")) {
                t = t.substring(1);
            }
        } else if (base == 0) {
            radix = 10;
            boolean allZeros = t.replace("_", "").chars().allMatch(c -> c == '0');
            if (t.startsWith("0") && !allZeros) {
                return null; // Python refuses leading zeros in a decimal literal
            }
        }
        if (t.isEmpty() || t.startsWith("_") || t.endsWith("_") || t.contains("__")) {
            return null;
        }
        try {
            BigInteger v = new BigInteger(t.replace("_", ""), radix);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Object toInt(Object v, Object fallback, Object baseArg) {
        if (v instanceof Undefined u) {
            throw u.error();
        }
        if (v instanceof CharSequence s) {
            BigInteger parsed = baseArg instanceof Boolean || Py.isInt(baseArg)
                    ? parseInt(s.toString(), PyNumbers.toLong(baseArg)) : null;
            if (parsed != null) {
                return PyNumbers.normInt(parsed);
            }
            Double d = parseFloat(s.toString());
            if (d == null || Double.isNaN(d) || Double.isInfinite(d)) {
                return fallback;
            }
            return PyNumbers.normInt(new BigDecimal(d).toBigInteger());
        }
        if (v instanceof Boolean || Py.isInt(v)) {
            return PyNumbers.normInt(PyNumbers.big(v));
        }
        if (v instanceof BigDecimal d) {
            return PyNumbers.normInt(d.toBigInteger());
        }
        if (Py.isFloat(v)) {
            double d = PyNumbers.toDouble(v);
            if (Double.isNaN(d)) {
                return fallback;
            }
            if (Double.isInfinite(d)) {
                throw new JinjaError("cannot convert float infinity to integer");
            }
            return PyNumbers.normInt(new BigDecimal(d).toBigInteger());
        }
        return fallback;
    }

    static Object round(Object value, long precision, String method) {
        if (!method.equals("common") && !method.equals("ceil") && !method.equals("floor")) {
            throw new JinjaError("method must be common, ceil or floor");
        }
        if (!Py.isNumber(value)) {
            if (method.equals("common")) {
                throw new JinjaError("type " + Py.typeName(value) + " doesn't define __round__ method");
            }
            if (value instanceof Undefined u) {
                throw u.error();
            }
            throw new JinjaError("must be real number, not " + Py.typeName(value));
        }
        int p = (int) Math.max(-400, Math.min(400, precision));
        if (method.equals("common")) {
            if (value instanceof BigDecimal d) {
                return d.setScale(p, RoundingMode.HALF_EVEN);
            }
            if (value instanceof Boolean || Py.isInt(value)) {
                if (p >= 0) {
                    return PyNumbers.normInt(PyNumbers.big(value));
                }
                return PyNumbers.normInt(new BigDecimal(PyNumbers.big(value)).setScale(p, RoundingMode.HALF_EVEN)
                        .toBigInteger());
            }
            double d = PyNumbers.toDouble(value);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return d;
            }
            double r = new BigDecimal(d).setScale(p, RoundingMode.HALF_EVEN).doubleValue();
            return r == 0 && (d < 0 || 1 / d < 0) ? -0.0 : r;
        }
        double scale = p >= 0 ? BigInteger.TEN.pow(p).doubleValue() : Math.pow(10, p);
        double scaled = PyNumbers.toDouble(value) * scale;
        if (Double.isNaN(scaled) || Double.isInfinite(scaled)) {
            throw new JinjaError(Double.isNaN(scaled) ? "cannot convert float NaN to integer"
                    : "cannot convert float infinity to integer");
        }
        double whole = method.equals("ceil") ? Math.ceil(scaled) : Math.floor(scaled);
        return whole / scale;
    }

    static String filesize(Object value, boolean binary) {
        Double parsed = toFloat(value);
        if (parsed == null) {
            if (value instanceof CharSequence s) {
                throw new JinjaError("could not convert string to float: " + Py.repr(s.toString()));
            }
            throw new JinjaError("float() argument must be a string or a real number, not '" + Py.typeName(value) + "'");
        }
        double bytes = parsed;
        int base = binary ? 1024 : 1000;
        String[] prefixes = binary ? new String[] {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
                : new String[] {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
        if (bytes == 1) {
            return "1 Byte";
        }
        if (bytes < base) {
            if (Double.isNaN(bytes)) {
                throw new JinjaError("cannot convert float NaN to integer");
            }
            Object whole = toInt(bytes, null, 10L);
            return Py.str(whole) + " Bytes";
        }
        double unit = 0;
        for (int i = 0; i < prefixes.length; i++) {
            unit = BigInteger.valueOf(base).pow(i + 2).doubleValue();
            if (bytes < unit) {
                return PercentFormat.format("%.1f", base * bytes / unit) + " " + prefixes[i];
            }
        }
        return PercentFormat.format("%.1f", base * bytes / unit) + " " + prefixes[prefixes.length - 1];
    }
}
