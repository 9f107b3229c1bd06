package dev.mallard.jinja.lexer;

import java.math.BigInteger;

/**
 * The tokens inside a tag, tried in Jinja2's order: float, integer, name, string, operator.
 * Whitespace and the tag's end marker are the {@link Lexer}'s business.
 */
final class TagScanner {
    private final Lexer lexer;
    private final String src;
    private final int len;

    TagScanner(Lexer lexer, String src) {
        this.lexer = lexer;
        this.src = src;
        this.len = src.length();
    }

    /** Scans the token at {@code p} and returns the offset after it. */
    int token(int p) {
        int c = src.codePointAt(p);
        if (PythonChars.isDigit(c)) {
            int end = number(p);
            if (end >= 0) {
                return end;
            }
        }
        if (PythonChars.isNameChar(c)) {
            return name(p);
        }
        if (c == '\'' || c == '"') {
            int end = string(p);
            if (end >= 0) {
                return end;
            }
        }
        int end = operator(p);
        if (end < 0) {
            throw lexer.error("unexpected char " + PythonChars.repr(Character.toString(c)) + " at "
                    + lexer.codePointIndex(p), p);
        }
        return end;
    }

    private int number(int p) {
        int end = floatEnd(p);
        if (end >= 0) {
            lexer.add(TokenType.FLOAT, Double.parseDouble(asciiDigits(p, end)), p, end);
            return end;
        }
        char c = src.charAt(p);
        if (c < '0' || c > '9') {
            return -1;
        }
        int radix = 10;
        int digits = p;
        if (c == '0') {
            char x = p + 1 < len ? (char) (src.charAt(p + 1) | 0x20) : 0;
            radix = x == 'b' ? 2 : x == 'o' ? 8 : x == 'x' ? 16 : 10;
            end = radix == 10 ? -1 : radixDigits(p + 2, radix);
            if (end < 0) {
                radix = 10;
                end = zeros(p + 1);
            } else {
                digits = p + 2;
            }
        } else {
            end = decimalTail(p + 1);
        }
        lexer.add(TokenType.INTEGER, integerValue(src.substring(digits, end).replace("_", ""), radix), p, end);
        return end;
    }

    /** Jinja2's float pattern: digits, then a fraction and/or an exponent; not right after a dot. */
    private int floatEnd(int p) {
        if (p > 0 && src.charAt(p - 1) == '.') {
            return -1;
        }
        int q = digitGroup(p);
        if (q < 0) {
            return -1;
        }
        boolean isFloat = false;
        if (q < len && src.charAt(q) == '.') {
            int fraction = digitGroup(q + 1);
            if (fraction >= 0) {
                q = fraction;
                isFloat = true;
            }
        }
        if (q < len && (src.charAt(q) | 0x20) == 'e') {
            int r = q + 1;
            if (r < len && (src.charAt(r) == '+' || src.charAt(r) == '-')) {
                r++;
            }
            int exponent = digitGroup(r);
            if (exponent >= 0) {
                q = exponent;
                isFloat = true;
            }
        }
        return isFloat ? q : -1;
    }

    /** {@code (\d+_)*\d+} at {@code p}: its end, or -1. */
    private int digitGroup(int p) {
        if (p >= len || !PythonChars.isDigit(src.charAt(p))) {
            return -1;
        }
        int q = p + 1;
        while (q < len) {
            char c = src.charAt(q);
            if (PythonChars.isDigit(c)) {
                q++;
            } else if (c == '_' && q + 1 < len && PythonChars.isDigit(src.charAt(q + 1))) {
                q += 2;
            } else {
                break;
            }
        }
        return q;
    }

    /** {@code (_?d)+} for digits d of {@code radix}: its end, or -1 when there is none. */
    private int radixDigits(int p, int radix) {
        int q = p;
        while (q < len) {
            if (Character.digit(src.charAt(q), radix) >= 0 && src.charAt(q) < 128) {
                q++;
            } else if (src.charAt(q) == '_' && q + 1 < len && src.charAt(q + 1) < 128
                    && Character.digit(src.charAt(q + 1), radix) >= 0) {
                q += 2;
            } else {
                break;
            }
        }
        return q > p ? q : -1;
    }

    /** {@code (_?0)*}. */
    private int zeros(int p) {
        int q = p;
        while (q < len) {
            if (src.charAt(q) == '0') {
                q++;
            } else if (src.charAt(q) == '_' && q + 1 < len && src.charAt(q + 1) == '0') {
                q += 2;
            } else {
                break;
            }
        }
        return q;
    }

    /** {@code (_?\d)*}. */
    private int decimalTail(int p) {
        int q = p;
        while (q < len) {
            if (PythonChars.isDigit(src.charAt(q))) {
                q++;
            } else if (src.charAt(q) == '_' && q + 1 < len && PythonChars.isDigit(src.charAt(q + 1))) {
                q += 2;
            } else {
                break;
            }
        }
        return q;
    }

    private static Object integerValue(String digits, int radix) {
        if (digits.length() <= 15) {
            return Long.parseLong(digits, radix);
        }
        BigInteger value = new BigInteger(digits, radix);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private String asciiDigits(int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = src.charAt(i);
            if (c != '_') {
                sb.append(c > 127 && Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c);
            }
        }
        return sb.toString();
    }

    private int name(int p) {
        int q = p;
        while (q < len) {
            int c = src.codePointAt(q);
            if (!PythonChars.isNameChar(c)) {
                break;
            }
            q += Character.charCount(c);
        }
        String name = src.substring(p, q);
        if (!PythonChars.isIdentifier(name)) {
            throw lexer.error("Invalid character in identifier", p);
        }
        lexer.add(TokenType.NAME, name, p, q);
        return q;
    }

    /** A quoted string with backslash escapes: its end, or -1 when it is not closed. */
    private int string(int p) {
        char quote = src.charAt(p);
        int i = p + 1;
        while (i < len) {
            char c = src.charAt(i);
            if (c == quote) {
                break;
            }
            i += c == '\\' ? 2 : 1;
        }
        if (i >= len) {
            return -1;
        }
        String value;
        try {
            value = PythonEscapes.decode(src.substring(p + 1, i));
        } catch (IllegalArgumentException e) {
            throw lexer.error(e.getMessage(), p);
        }
        lexer.add(TokenType.STRING, value, p, i + 1);
        return i + 1;
    }

    private int operator(int p) {
        char c = src.charAt(p);
        char next = p + 1 < len ? src.charAt(p + 1) : 0;
        TokenType type;
        int width = 1;
        switch (c) {
            case '+' -> type = TokenType.ADD;
            case '-' -> type = TokenType.SUB;
            case '/' -> type = next == '/' ? TokenType.FLOORDIV : TokenType.DIV;
            case '*' -> type = next == '*' ? TokenType.POW : TokenType.MUL;
            case '%' -> type = TokenType.MOD;
            case '~' -> type = TokenType.TILDE;
            case '[' -> type = TokenType.LBRACKET;
            case ']' -> type = TokenType.RBRACKET;
            case '(' -> type = TokenType.LPAREN;
            case ')' -> type = TokenType.RPAREN;
            case '{' -> type = TokenType.LBRACE;
            case '}' -> type = TokenType.RBRACE;
            case '=' -> type = next == '=' ? TokenType.EQ : TokenType.ASSIGN;
            case '!' -> type = next == '=' ? TokenType.NE : null;
            case '>' -> type = next == '=' ? TokenType.GTEQ : TokenType.GT;
            case '<' -> type = next == '=' ? TokenType.LTEQ : TokenType.LT;
            case '.' -> type = TokenType.DOT;
            case ':' -> type = TokenType.COLON;
            case '|' -> type = TokenType.PIPE;
            case ',' -> type = TokenType.COMMA;
            case ';' -> type = TokenType.SEMICOLON;
            default -> type = null;
        }
        if (type == null) {
            return -1;
        }
        if (type.description().length() == 2) {
            width = 2;
        }
        if ("()[]{}".indexOf(c) >= 0) {
            lexer.bracket(c, p);
        }
        lexer.add(type, null, p, p + width);
        return p + width;
    }
}
