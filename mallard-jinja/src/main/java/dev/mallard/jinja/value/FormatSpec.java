package dev.mallard.jinja.value;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Python's format-spec mini-language, {@code [[fill]align][sign][z][#][0][width][,|_][.precision][type]},
 * applied as {@code format(value, spec)} does for str, int, bool and float values.
 */
record FormatSpec(String fill, char align, char sign, boolean coerceZero, boolean alternate, boolean zeroPad,
                  int width, char grouping, int precision, char type) {

    static FormatSpec parse(String spec, char defaultAlign, char defaultType, String typeName) {
        int i = 0;
        int n = spec.length();
        String fill = null;
        char align = 0;
        if (n >= 2 && isAlign(spec.charAt(Character.charCount(spec.codePointAt(0))))) {
            int fillLength = Character.charCount(spec.codePointAt(0));
            fill = spec.substring(0, fillLength);
            align = spec.charAt(fillLength);
            i = fillLength + 1;
        } else if (n >= 1 && isAlign(spec.charAt(0))) {
            align = spec.charAt(0);
            i = 1;
        }
        char sign = 0;
        if (i < n && (spec.charAt(i) == '+' || spec.charAt(i) == '-' || spec.charAt(i) == ' ')) {
            sign = spec.charAt(i++);
        }
        boolean coerceZero = false;
        if (i < n && spec.charAt(i) == 'z') {
            coerceZero = true;
            i++;
        }
        boolean alternate = false;
        if (i < n && spec.charAt(i) == '#') {
            alternate = true;
            i++;
        }
        boolean zeroPad = false;
        if (i < n && spec.charAt(i) == '0') {
            zeroPad = true;
            i++;
        }
        int start = i;
        while (i < n && Character.isDigit(spec.charAt(i))) {
            i++;
        }
        int width = start == i ? -1 : parseSize(spec.substring(start, i));
        char grouping = 0;
        if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
            grouping = spec.charAt(i++);
            if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
                throw new JinjaError("Cannot specify both ',' and '_'.");
            }
        }
        int precision = -1;
        if (i < n && spec.charAt(i) == '.') {
            start = ++i;
            while (i < n && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw new JinjaError("Format specifier missing precision");
            }
            precision = parseSize(spec.substring(start, i));
        }
        char type = 0;
        if (i < n) {
            type = spec.charAt(i++);
        }
        if (i < n) {
            throw new JinjaError("Invalid format specifier '" + spec + "' for object of type '" + typeName + "'");
        }
        char effective = type == 0 ? defaultType : type;
        if (grouping != 0 && "defgEGF%".indexOf(effective) < 0 && effective != 0
                && !(grouping == '_' && "boxX".indexOf(effective) >= 0)) {
            throw new JinjaError("Cannot specify '" + grouping + "' with '" + effective + "'.");
        }
        if (zeroPad && fill == null) {
            fill = "0";
            if (align == 0 && defaultAlign == '>') {
                align = '=';
            }
        }
        return new FormatSpec(fill == null ? " " : fill, align, sign, coerceZero, alternate, zeroPad, width,
                grouping, precision, type);
    }

    private static boolean isAlign(char c) {
        return c == '<' || c == '>' || c == '^' || c == '=';
    }

    private static int parseSize(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new JinjaError("Too many decimal digits in format string");
        }
    }

    /** {@code format(value, spec)}. */
    static String format(Object value, String spec) {
        if (spec.isEmpty()) {
            return Py.str(value);
        }
        if (value instanceof CharSequence s) {
            return parse(spec, '<', 's', "str").formatStr(s.toString());
        }
        if (value instanceof Boolean || Py.isInt(value)) {
            return parse(spec, '>', 'd', Py.typeName(value)).formatInt(PyNumbers.big(value), Py.typeName(value));
        }
        if (Py.isFloat(value)) {
            return parse(spec, '>', (char) 0, "float").formatFloat(PyNumbers.toDouble(value), "float");
        }
        throw new JinjaError("unsupported format string passed to " + Py.typeName(value) + ".__format__");
    }

    private String formatStr(String s) {
        if (type != 0 && type != 's') {
            throw unknown("str");
        }
        if (sign != 0) {
            throw new JinjaError((sign == ' ' ? "Space" : "Sign") + " not allowed in string format specifier");
        }
        if (coerceZero) {
            throw new JinjaError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (alternate) {
            throw new JinjaError("Alternate form (#) not allowed in string format specifier");
        }
        if (align == '=') {
            throw new JinjaError("'=' alignment not allowed in string format specifier");
        }
        if (precision >= 0 && s.codePointCount(0, s.length()) > precision) {
            s = s.substring(0, s.offsetByCodePoints(0, precision));
        }
        return pad(s, '<');
    }

    private String formatInt(BigInteger v, String typeName) {
        switch (type) {
            case 'e', 'E', 'f', 'F', 'g', 'G', '%':
                return formatFloat(v.doubleValue(), typeName);
            case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
                break;
            default:
                throw unknown(typeName);
        }
        if (precision >= 0) {
            throw new JinjaError("Precision not allowed in integer format specifier");
        }
        if (coerceZero) {
            throw new JinjaError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (type == 'n' && grouping != 0) {
            throw new JinjaError("Cannot specify '" + grouping + "' with 'n'.");
        }
        if (type == 'c') {
            if (sign != 0) {
                throw new JinjaError("Sign not allowed with integer format specifier 'c'");
            }
            if (alternate) {
                throw new JinjaError("Alternate form (#) not allowed with integer format specifier 'c'");
            }
            if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(0x10ffff)) > 0) {
                throw new JinjaError("%c arg not in range(0x110000)");
            }
            return pad(new String(Character.toChars(v.intValue())), '>');
        }
        int radix = switch (type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        if (radix != 10 && grouping == ',') {
            throw new JinjaError("Cannot specify ',' with '" + type + "'.");
        }
        String digits = v.abs().toString(radix);
        String prefix = "";
        if (alternate && radix != 10) {
            prefix = radix == 2 ? "0b" : radix == 8 ? "0o" : "0x";
        }
        if (type == 'X') {
            digits = digits.toUpperCase(Locale.ROOT);
            prefix = prefix.toUpperCase(Locale.ROOT);
        }
        return number(v.signum() < 0, prefix, digits, "", radix == 10 ? 3 : 4);
    }

    private String formatFloat(double d, String typeName) {
        char t = type;
        if (t == 'n') {
            t = 'g';
            if (grouping != 0) {
                throw new JinjaError("Cannot specify '" + grouping + "' with 'n'.");
            }
        }
        if (t != 0 && "eEfFgG%".indexOf(t) < 0) {
            throw unknown(typeName);
        }
        boolean negative = NumberText.negative(d);
        String special = NumberText.special(d);
        double v = t == '%' ? d * 100 : d;
        String body;
        if (special != null) {
            body = special;
        } else {
            int p = precision < 0 ? 6 : precision;
            body = switch (t) {
                case 'e', 'E' -> NumberText.exponent(v, p);
                case 'f', 'F', '%' -> NumberText.fixed(v, p);
                case 'g', 'G' -> NumberText.general(v, p, alternate, false);
                default -> precision < 0 ? NumberText.floatRepr(Math.abs(v))
                        : NumberText.general(v, precision, alternate, true);
            };
            if (alternate && t == 0 && body.indexOf('.') < 0) {
                int e = body.indexOf('e');
                body = e < 0 ? body + "." : body.substring(0, e) + "." + body.substring(e);
            }
            if (alternate && body.indexOf('.') < 0 && (t == 'f' || t == 'F' || t == '%' || t == 'e' || t == 'E')) {
                int e = body.indexOf('e');
                body = e < 0 ? body + "." : body.substring(0, e) + "." + body.substring(e);
            }
        }
        if (Character.isUpperCase(t)) {
            body = body.toUpperCase(Locale.ROOT);
        }
        if (coerceZero && negative && special == null && isZero(body)) {
            negative = false;
        }
        String suffix = t == '%' ? "%" : "";
        int end = 0;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
            end++;
        }
        if (special != null) {
            return number(negative, "", body, suffix, 3);
        }
        return number(negative, "", body.substring(0, end), body.substring(end) + suffix, 3);
    }

    private static boolean isZero(String body) {
        return body.chars().allMatch(c -> c == '0' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-');
    }

    private JinjaError unknown(String typeName) {
        return new JinjaError("Unknown format code '" + type + "' for object of type '" + typeName + "'");
    }

    /** Sign, prefix, grouped integer digits and the rest, padded to the width. */
    private String number(boolean negative, String prefix, String digits, String rest, int groupSize) {
        String signText = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
        String lead = signText + prefix;
        boolean zeroFill = fill.equals("0") && align == '=';
        if (grouping != 0) {
            int minWidth = zeroFill ? Math.max(0, width - lead.length() - rest.length()) : 0;
            digits = group(digits, groupSize, grouping, minWidth);
        } else if (zeroFill && width > 0) {
            int missing = width - lead.length() - digits.length() - rest.length();
            if (missing > 0) {
                digits = "0".repeat(missing) + digits;
            }
        }
        String body = digits + rest;
        if (align == '=') {
            int pad = width - lead.length() - body.codePointCount(0, body.length());
            return pad > 0 ? lead + fill.repeat(pad) + body : lead + body;
        }
        return pad(lead + body, '>');
    }

    /** Inserts separators every {@code size} digits from the right, padding with zeros to {@code minWidth}. */
    static String group(String digits, int size, char separator, int minWidth) {
        StringBuilder out = new StringBuilder();
        int remaining = digits.length();
        int min = minWidth;
        boolean separate = false;
        while (true) {
            int l = Math.min(size, Math.max(Math.max(remaining, min), 1));
            int chars = Math.max(0, Math.min(remaining, l));
            int zeros = Math.max(0, l - remaining);
            if (separate) {
                out.append(separator);
            }
            out.append(new StringBuilder(digits.substring(remaining - chars, remaining)).reverse());
            out.append("0".repeat(zeros));
            separate = true;
            remaining -= chars;
            min -= l;
            if (remaining <= 0 && min <= 0) {
                break;
            }
            min -= 1;
        }
        return out.reverse().toString();
    }

    private String pad(String s, char defaultAlign) {
        int length = s.codePointCount(0, s.length());
        if (width <= length) {
            return s;
        }
        int marg = width - length;
        char a = align == 0 ? defaultAlign : align;
        return switch (a) {
            case '<' -> s + fill.repeat(marg);
            case '^' -> fill.repeat(marg / 2) + s + fill.repeat(marg - marg / 2);
            default -> fill.repeat(marg) + s;
        };
    }
}
