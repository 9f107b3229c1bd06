package dev.mallard.jinja.value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Python literals ({@code [1, 'a', (2,), {'k': None}]}) into the Java values templates
 * hold, so test tables can be written once and checked against Python itself. Also knows
 * {@code undefined}, {@code inf} and {@code nan}.
 */
public final class PyLiteral {
    private final String s;
    private int pos;

    private PyLiteral(String s) {
        this.s = s;
    }

    public static Object parse(String text) {
        PyLiteral p = new PyLiteral(text);
        Object v = p.value();
        p.space();
        if (p.pos != p.s.length()) {
            throw new IllegalArgumentException("trailing text in literal: " + text);
        }
        return v;
    }

    private void space() {
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
    }

    private Object value() {
        space();
        char c = s.charAt(pos);
        if (c == '[') {
            pos++;
            return new ArrayList<>(items(']'));
        }
        if (c == '(') {
            pos++;
            return PyTuple.copyOf(items(')'));
        }
        if (c == '{') {
            return dict();
        }
        if (c == '\'' || c == '"') {
            return string();
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        int start = pos;
        while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
            pos++;
        }
        String word = s.substring(start, pos);
        return switch (word) {
            case "None" -> null;
            case "True" -> true;
            case "False" -> false;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "nan" -> Double.NaN;
            case "undefined" -> Undefined.name("u", false);
            default -> throw new IllegalArgumentException("unknown word " + word + " in " + s);
        };
    }

    private List<Object> items(char close) {
        List<Object> out = new ArrayList<>();
        space();
        while (s.charAt(pos) != close) {
            out.add(value());
            space();
            if (s.charAt(pos) == ',') {
                pos++;
                space();
            }
        }
        pos++;
        return out;
    }

    private Object dict() {
        pos++;
        Map<Object, Object> out = new LinkedHashMap<>();
        space();
        while (s.charAt(pos) != '}') {
            Object key = value();
            space();
            expect(':');
            out.put(key, value());
            space();
            if (s.charAt(pos) == ',') {
                pos++;
                space();
            }
        }
        pos++;
        return out;
    }

    private void expect(char c) {
        if (s.charAt(pos) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + pos + " in " + s);
        }
        pos++;
    }

    private Object number() {
        int start = pos;
        if (s.charAt(pos) == '-' || s.charAt(pos) == '+') {
            pos++;
        }
        if (s.startsWith("inf", pos)) {
            pos += 3;
            return s.charAt(start) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        boolean isFloat = false;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || ".eE".indexOf(s.charAt(pos)) >= 0
                || ((s.charAt(pos) == '-' || s.charAt(pos) == '+') && "eE".indexOf(s.charAt(pos - 1)) >= 0))) {
            isFloat |= ".eE".indexOf(s.charAt(pos)) >= 0;
            pos++;
        }
        String text = s.substring(start, pos);
        if (isFloat) {
            return Double.parseDouble(text);
        }
        return PyNumbers.normInt(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
    }

    private String string() {
        char quote = s.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (s.charAt(pos) != quote) {
            char c = s.charAt(pos++);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'x' -> {
                    sb.append((char) Integer.parseInt(s.substring(pos, pos + 2), 16));
                    pos += 2;
                }
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> sb.append(e);
            }
        }
        pos++;
        return sb.toString();
    }
}
