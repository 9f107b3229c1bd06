package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's {@code str.format}: {@code {}}, {@code {0}}, {@code {name}}, attribute and index
 * lookups ({@code {0.name}}, {@code {d[key]}}), {@code !r}/{@code !s}, and the common format
 * spec ({@code [[fill]align][sign][0][width][,][.precision][type]}).
 */
final class PyFormat {
    private PyFormat() {
    }

    static String format(String template, DbtFunctions.Args args) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int auto = 0;
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < n && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < n && template.charAt(i + 1) == '}') {
                out.append('}');
                i += 2;
            } else if (c == '{') {
                int close = matchingBrace(template, i);
                String field = template.substring(i + 1, close);
                String spec = "";
                int colon = field.indexOf(':');
                if (colon >= 0) {
                    spec = field.substring(colon + 1);
                    field = field.substring(0, colon);
                }
                char conversion = 0;
                int bang = field.indexOf('!');
                if (bang >= 0) {
                    conversion = field.charAt(bang + 1);
                    field = field.substring(0, bang);
                }
                int end = firstAccessor(field);
                String head = field.substring(0, end);
                Object value;
                if (head.isEmpty()) {
                    value = positional(args, auto++);
                } else if (head.chars().allMatch(Character::isDigit)) {
                    value = positional(args, Integer.parseInt(head));
                } else if (args.named().containsKey(head)) {
                    value = args.named().get(head);
                } else {
                    throw error("KeyError: '" + head + "'");
                }
                value = access(value, field.substring(end));
                if (spec.contains("{")) {
                    spec = format(spec, args);
                }
                String text = conversion == 'r' ? PyStr.repr(value) : null;
                out.append(text != null ? applySpec(text, spec) : applySpec(value, spec));
                i = close + 1;
            } else if (c == '}') {
                throw error("Single '}' encountered in format string");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                depth++;
            } else if (s.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw error("Single '{' encountered in format string");
    }

    private static int firstAccessor(String field) {
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) == '.' || field.charAt(i) == '[') {
                return i;
            }
        }
        return field.length();
    }

    private static Object positional(DbtFunctions.Args args, int index) {
        if (index >= args.positional().size()) {
            throw error("IndexError: Replacement index " + index + " out of range");
        }
        return args.positional().get(index);
    }

    private static Object access(Object value, String path) {
        int i = 0;
        while (i < path.length()) {
            if (path.charAt(i) == '.') {
                int end = firstAccessor(path.substring(i + 1)) + i + 1;
                value = attribute(value, path.substring(i + 1, end));
                i = end;
            } else {
                int close = path.indexOf(']', i);
                String key = path.substring(i + 1, close);
                if (value instanceof List<?> list && key.chars().allMatch(Character::isDigit)) {
                    value = list.get(Integer.parseInt(key));
                } else if (value instanceof Map<?, ?> map) {
                    value = map.get(key);
                } else {
                    throw error("cannot index " + PyStr.repr(value) + " with [" + key + "]");
                }
                i = close + 1;
            }
        }
        return value;
    }

    private static Object attribute(Object value, String name) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        return interpreter == null ? null : interpreter.resolveProperty(value, name);
    }

    private static String applySpec(Object value, String spec) {
        if (spec.isEmpty()) {
            return PyStr.str(value);
        }
        int i = 0;
        char fill = ' ';
        char align = 0;
        if (spec.length() >= 2 && "<>^=".indexOf(spec.charAt(1)) >= 0) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            i = 2;
        } else if ("<>^=".indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            i = 1;
        }
        char sign = '-';
        if (i < spec.length() && "+- ".indexOf(spec.charAt(i)) >= 0) {
            sign = spec.charAt(i++);
        }
        if (i < spec.length() && spec.charAt(i) == '#') {
            i++;
        }
        if (i < spec.length() && spec.charAt(i) == '0') {
            if (align == 0) {
                fill = '0';
                align = '=';
            }
            i++;
        }
        int start = i;
        while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
            i++;
        }
        int width = start == i ? 0 : Integer.parseInt(spec.substring(start, i));
        boolean grouping = false;
        if (i < spec.length() && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
            grouping = true;
            i++;
        }
        int precision = -1;
        if (i < spec.length() && spec.charAt(i) == '.') {
            start = ++i;
            while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            precision = Integer.parseInt(spec.substring(start, i));
        }
        char type = i < spec.length() ? spec.charAt(i) : 0;
        String body;
        boolean numeric = value instanceof Number && type != 's';
        if (type == 0 && value instanceof Number && precision >= 0) {
            type = 'g';
        }
        if (type == '%') {
            body = decimal(PyTypes.toDouble(value) * 100, precision < 0 ? 6 : precision, grouping) + "%";
        } else if (type == 'f' || type == 'F') {
            body = decimal(PyTypes.toDouble(value), precision < 0 ? 6 : precision, grouping);
        } else if (type == 'd' || (type == 0 && value instanceof Number && !(value instanceof Double || value instanceof Float))) {
            body = grouping ? String.format(Locale.ROOT, "%,d", PyTypes.toLong(value)) : Long.toString(PyTypes.toLong(value));
        } else if ("eEgGxXobcn".indexOf(type) >= 0 && type != 0) {
            String pct = "%" + (precision >= 0 ? "." + precision : "") + (type == 'n' ? 'g' : type == 'b' ? 'd' : type);
            body = type == 'b' ? Long.toBinaryString(PyTypes.toLong(value)) : PercentFormat.format(pct, value);
        } else {
            body = PyStr.str(value);
            if (precision >= 0 && body.length() > precision) {
                body = body.substring(0, precision);
            }
        }
        if (numeric && sign != '-' && !body.startsWith("-")) {
            body = sign + body;
        }
        if (body.length() >= width) {
            return body;
        }
        int pad = width - body.length();
        if (align == 0) {
            align = numeric ? '>' : '<';
        }
        String f = String.valueOf(fill);
        return switch (align) {
            case '<' -> body + f.repeat(pad);
            case '^' -> f.repeat(pad / 2) + body + f.repeat(pad - pad / 2);
            case '=' -> {
                int signLen = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ") ? 1 : 0;
                yield body.substring(0, signLen) + f.repeat(pad) + body.substring(signLen);
            }
            default -> f.repeat(pad) + body;
        };
    }

    private static String decimal(double d, int precision, boolean grouping) {
        BigDecimal v = new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN);
        if (!grouping) {
            return v.toPlainString();
        }
        return String.format(Locale.ROOT, "%,." + precision + "f", v);
    }

    private static MallardException error(String message) {
        return new MallardException(ErrorCode.JINJA, "str.format failed: " + message);
    }
}
