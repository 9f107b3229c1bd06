package dev.mallard.jinja.lexer;

/**
 * The value of a string literal as Jinja2 computes it: the text between the quotes is encoded
 * to ASCII with {@code backslashreplace} and decoded with Python's {@code unicode-escape} codec.
 * Unknown escapes such as {@code \d} stay as written.
 */
final class PythonEscapes {
    private PythonEscapes() {
    }

    /** Decodes {@code body}; an invalid escape throws IllegalArgumentException with Python's reason. */
    static String decode(String body) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        String ascii = toAscii(body);
        int n = ascii.length();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = ascii.charAt(i++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= n) {
                throw new IllegalArgumentException("\\ at end of string");
            }
            c = ascii.charAt(i++);
            switch (c) {
                case '\n' -> { }
                case '\\', '\'', '"' -> out.append(c);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> i = hex(ascii, i, 2, out, "truncated \\xXX escape");
                case 'u' -> i = hex(ascii, i, 4, out, "truncated \\uXXXX escape");
                case 'U' -> i = hex(ascii, i, 8, out, "truncated \\UXXXXXXXX escape");
                case 'N' -> i = named(ascii, i, out);
                default -> {
                    if (c >= '0' && c <= '7') {
                        int value = c - '0';
                        for (int k = 0; k < 2 && i < n && ascii.charAt(i) >= '0' && ascii.charAt(i) <= '7'; k++) {
                            value = value * 8 + (ascii.charAt(i++) - '0');
                        }
                        out.append((char) value);
                    } else {
                        out.append('\\').append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String toAscii(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) < 128) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        while (i < s.length()) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 128) {
                sb.append((char) c);
            } else if (c < 0x100) {
                sb.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append(String.format("\\U%08x", c));
            }
        }
        return sb.toString();
    }

    private static int hex(String s, int i, int digits, StringBuilder out, String truncated) {
        int value = 0;
        for (int k = 0; k < digits; k++) {
            int d = i + k < s.length() ? Character.digit(s.charAt(i + k), 16) : -1;
            if (d < 0) {
                throw new IllegalArgumentException(truncated);
            }
            value = value * 16 + d;
        }
        if (value < 0 || value > Character.MAX_CODE_POINT) {
            throw new IllegalArgumentException("illegal Unicode character");
        }
        out.appendCodePoint(value);
        return i + digits;
    }

    private static int named(String s, int i, StringBuilder out) {
        int close = i < s.length() && s.charAt(i) == '{' ? s.indexOf('}', i + 1) : -1;
        if (close <= i + 1) {
            throw new IllegalArgumentException("malformed \\N character escape");
        }
        try {
            out.appendCodePoint(Character.codePointOf(s.substring(i + 1, close)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown Unicode character name", e);
        }
        return close + 1;
    }
}
