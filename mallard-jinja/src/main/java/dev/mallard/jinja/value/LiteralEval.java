package dev.mallard.jinja.value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code ast.literal_eval} for the literals dbt's native rendering reads back:
 * strings, numbers, True/False/None, tuples, lists, dicts and sets, with unary signs.
 */
public final class LiteralEval {
    private final String s;
    private int i;

    private LiteralEval(String s) {
        this.s = s;
    }

    /** The value {@code text} spells, or {@link Py#NOT_FOUND} when it is not one Python literal. */
    public static Object eval(String text) {
        LiteralEval p = new LiteralEval(text);
        try {
            p.skipLeading();
            Object v = p.expr();
            p.ws();
            return p.i == p.s.length() ? v : Py.NOT_FOUND;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Py.NOT_FOUND;
        }
    }

    private void skipLeading() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private boolean eat(char c) {
        ws();
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private Object expr() {
        Object first = atom();
        ws();
        if (i < s.length() && s.charAt(i) == ',' ) {
            List<Object> items = new ArrayList<>();
            items.add(first);
            while (eat(',')) {
                ws();
                if (i >= s.length()) {
                    break;
                }
                items.add(atom());
            }
            return PyTuple.copyOf(items);
        }
        return first;
    }

    private Object atom() {
        ws();
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            i++;
            Object v = atom();
            if (!Py.isNumber(v) || v instanceof Boolean) {
                throw new IllegalArgumentException();
            }
            return c == '-' ? Arithmetic.neg(v) : v;
        }
        if (c == '\'' || c == '"') {
            StringBuilder sb = new StringBuilder();
            while (i < s.length() && (s.charAt(i) == '\'' || s.charAt(i) == '"')) {
                sb.append(string());
                ws();
            }
            return sb.toString();
        }
        if (c == '(') {
            i++;
            if (eat(')')) {
                return PyTuple.EMPTY;
            }
            Object inner = expr();
            if (!eat(')')) {
                throw new IllegalArgumentException();
            }
            return inner;
        }
        if (c == '[') {
            i++;
            List<Object> items = new ArrayList<>();
            while (!eat(']')) {
                items.add(atom());
                if (!eat(',')) {
                    if (!eat(']')) {
                        throw new IllegalArgumentException();
                    }
                    break;
                }
            }
            return items;
        }
        if (c == '{') {
            i++;
            if (eat('}')) {
                return new LinkedHashMap<>();
            }
            Object first = atom();
            if (eat(':')) {
                Map<Object, Object> m = new LinkedHashMap<>();
                m.put(first, atom());
                while (eat(',')) {
                    if (eat('}')) {
                        return m;
                    }
                    Object k = atom();
                    if (!eat(':')) {
                        throw new IllegalArgumentException();
                    }
                    m.put(k, atom());
                }
                if (!eat('}')) {
                    throw new IllegalArgumentException();
                }
                return m;
            }
            Set<Object> set = new LinkedHashSet<>();
            set.add(first);
            while (eat(',')) {
                if (eat('}')) {
                    return set;
                }
                set.add(atom());
            }
            if (!eat('}')) {
                throw new IllegalArgumentException();
            }
            return set;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        switch (s.substring(start, i)) {
            case "True":
                return true;
            case "False":
                return false;
            case "None":
                return null;
            default:
                throw new IllegalArgumentException();
        }
    }

    private Object number() {
        int start = i;
        if (s.startsWith("0x", i) || s.startsWith("0X", i) || s.startsWith("0o", i) || s.startsWith("0O", i)
                || s.startsWith("0b", i) || s.startsWith("0B", i)) {
            char kind = Character.toLowerCase(s.charAt(i + 1));
            i += 2;
            int digits = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            return PyNumbers.normInt(new BigInteger(s.substring(digits, i).replace("_", ""), radix));
        }
        boolean isFloat = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isDigit(c) || c == '_') {
                i++;
            } else if (c == '.' || c == 'e' || c == 'E') {
                isFloat = true;
                i++;
                if ((c == 'e' || c == 'E') && i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
            } else {
                break;
            }
        }
        String text = s.substring(start, i).replace("_", "");
        if (isFloat) {
            return Double.parseDouble(text);
        }
        if (text.length() > 1 && text.startsWith("0") && !text.matches("0+")) {
            throw new IllegalArgumentException();
        }
        return PyNumbers.normInt(new BigInteger(text));
    }

    private String string() {
        char q = s.charAt(i);
        boolean triple = s.startsWith(String.valueOf(q).repeat(3), i);
        i += triple ? 3 : 1;
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(i);
            if (triple ? s.startsWith(String.valueOf(q).repeat(3), i) : c == q) {
                i += triple ? 3 : 1;
                return sb.toString();
            }
            if (c == '\n' && !triple) {
                throw new IllegalArgumentException();
            }
            if (c == '\\') {
                char e = s.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case '\\', '\'', '"' -> sb.append(e);
                    case '\n' -> { }
                    case 'x' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
                        i += 2;
                    }
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append('\\').append(e);
                }
                continue;
            }
            sb.append(c);
            i++;
        }
    }
}
