package dev.mallard.core.jinja;

import static dev.mallard.core.jinja.ReModule.ASCII;
import static dev.mallard.core.jinja.ReModule.DOTALL;
import static dev.mallard.core.jinja.ReModule.IGNORECASE;
import static dev.mallard.core.jinja.ReModule.MULTILINE;
import static dev.mallard.core.jinja.ReModule.VERBOSE;

import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Python pattern text to java.util.regex, counting groups and naming them. */
final class RePatternTranslator {
    private static final Pattern QUANTIFIER = Pattern.compile("\\{(\\d*)(?:(,)(\\d*))?}");
    private final String src;
    private final long flags;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, Integer> names = new LinkedHashMap<>();
    private int groups;
    private boolean verbose;
    private int i;

    RePatternTranslator(String src, long flags) {
        this.src = src;
        this.flags = flags;
        this.verbose = (flags & VERBOSE) != 0;
    }

    RePattern compile() {
        while (i < src.length()) {
            char c = src.charAt(i);
            if (verbose && Character.isWhitespace(c)) {
                i++;
            } else if (verbose && c == '#') {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\\') {
                escape(false);
            } else if (c == '[') {
                charClass();
            } else if (c == '(') {
                group();
            } else if (c == '{') {
                brace();
            } else {
                out.append(c);
                i++;
            }
        }
        int javaFlags = Pattern.UNIX_LINES;
        boolean ascii = (flags & ASCII) != 0;
        if (!ascii) {
            javaFlags |= Pattern.UNICODE_CHARACTER_CLASS;
        }
        if ((flags & IGNORECASE) != 0) {
            javaFlags |= Pattern.CASE_INSENSITIVE | (ascii ? 0 : Pattern.UNICODE_CASE);
        }
        if ((flags & MULTILINE) != 0) {
            javaFlags |= Pattern.MULTILINE;
        }
        if ((flags & DOTALL) != 0) {
            javaFlags |= Pattern.DOTALL;
        }
        try {
            return new RePattern(Pattern.compile(out.toString(), javaFlags), src, flags, groups,
                    Collections.unmodifiableMap(names));
        } catch (PatternSyntaxException e) {
            throw error(e.getDescription());
        }
    }

    private JinjaError error(String message) {
        return new JinjaError(message + " in regular expression " + Py.repr(src));
    }

    private void escape(boolean inClass) {
        if (i + 1 >= src.length()) {
            throw error("bad escape (end of pattern) at position " + i);
        }
        char c = src.charAt(i + 1);
        int at = i;
        i += 2;
        if (c >= '0' && c <= '9') {
            int octal = octalDigits(at + 1);
            if (c == '0' || inClass || octal == 3) {
                int end = at + 1 + Math.max(1, Math.min(octal, 3));
                out.append(String.format("\\x{%x}", Integer.parseInt(src.substring(at + 1, end), 8)));
                i = end;
                return;
            }
            int end = i < src.length() && Character.isDigit(src.charAt(i)) ? i + 1 : i;
            out.append("(?:\\").append(src, at + 1, end).append(')');
            i = end;
            return;
        }
        switch (c) {
            case 'Z' -> out.append(inClass ? "Z" : "\\z");
            case 'v' -> out.append("\\x0B");
            case 'b' -> out.append(inClass ? "\\x08" : "\\b");
            case 'U' -> {
                if (i + 8 > src.length()) {
                    throw error("incomplete escape \\U at position " + at);
                }
                out.append("\\x{").append(src, i, i + 8).append('}');
                i += 8;
            }
            case 'N' -> {
                int close = src.indexOf('}', i);
                if (i >= src.length() || src.charAt(i) != '{' || close < 0) {
                    throw error("missing {");
                }
                try {
                    out.append(String.format("\\x{%x}", Character.codePointOf(src.substring(i + 1, close))));
                } catch (IllegalArgumentException e) {
                    throw error("undefined character name " + Py.repr(src.substring(i + 1, close)));
                }
                i = close + 1;
            }
            case 'a', 'f', 'n', 'r', 't', 'x', 'u', 'd', 'D', 's', 'S', 'w', 'W' -> out.append('\\').append(c);
            case 'A', 'B' -> {
                if (inClass) {
                    throw error("bad escape \\" + c + " at position " + at);
                }
                out.append('\\').append(c);
            }
            default -> {
                if (c < 128 && Character.isLetter(c)) {
                    throw error("bad escape \\" + c + " at position " + at);
                }
                out.append('\\').append(c);
            }
        }
    }

    private int octalDigits(int from) {
        int n = 0;
        while (n < 3 && from + n < src.length() && src.charAt(from + n) >= '0' && src.charAt(from + n) <= '7') {
            n++;
        }
        return n;
    }

    /** A character class; Python takes {@code [} and {@code &} inside one literally, Java does not. */
    private void charClass() {
        out.append('[');
        i++;
        if (i < src.length() && src.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < src.length() && src.charAt(i) == ']') {
            out.append("\\]");
            i++;
        }
        while (i < src.length() && src.charAt(i) != ']') {
            char c = src.charAt(i);
            if (c == '\\') {
                escape(true);
                continue;
            }
            out.append(c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
            i++;
        }
        if (i >= src.length()) {
            throw error("unterminated character set");
        }
        out.append(']');
        i++;
    }

    private void group() {
        if (!src.startsWith("(?", i)) {
            groups++;
            out.append('(');
            i++;
            return;
        }
        if (src.startsWith("(?P<", i) || src.startsWith("(?<", i) && !src.startsWith("(?<=", i)
                && !src.startsWith("(?<!", i)) {
            int start = src.indexOf('<', i) + 1;
            int close = src.indexOf('>', start);
            if (close < 0) {
                throw error("missing >, unterminated name");
            }
            names.put(src.substring(start, close), ++groups);
            out.append('(');
            i = close + 1;
        } else if (src.startsWith("(?P=", i)) {
            int close = src.indexOf(')', i);
            Integer index = close < 0 ? null : names.get(src.substring(i + 4, close));
            if (index == null) {
                throw error("unknown group name in (?P=...)");
            }
            out.append("(?:\\").append(index).append(')');
            i = close + 1;
        } else if (src.startsWith("(?#", i)) {
            int close = src.indexOf(')', i);
            i = close < 0 ? src.length() : close + 1;
        } else {
            int j = i + 2;
            StringBuilder letters = new StringBuilder();
            while (j < src.length() && "aiLmsux-".indexOf(src.charAt(j)) >= 0) {
                char f = src.charAt(j++);
                if (f == 'x') {
                    verbose = true;
                } else if (f != 'a' && f != 'L' && f != 'u') {
                    letters.append(f);
                }
            }
            boolean flagGroup = j > i + 2 && j < src.length() && (src.charAt(j) == ')' || src.charAt(j) == ':');
            if (!flagGroup) {
                out.append("(?");
                i += 2;
            } else if (src.charAt(j) == ')') {
                out.append(letters.isEmpty() || letters.toString().equals("-") ? "" : "(?" + letters + ")");
                i = j + 1;
            } else {
                out.append("(?").append(letters.toString().equals("-") ? "" : letters).append(':');
                i = j + 1;
            }
        }
    }

    /** {@code {m,n}} is a quantifier ({@code {,n}} too, unlike Java); any other brace is literal. */
    private void brace() {
        Matcher m = QUANTIFIER.matcher(src).region(i, src.length());
        if (m.lookingAt() && !(m.group(1).isEmpty() && m.group(2) == null)) {
            String lo = m.group(1).isEmpty() ? "0" : m.group(1);
            out.append('{').append(lo);
            if (m.group(2) != null) {
                out.append(',').append(m.group(3));
            }
            out.append('}');
            i = m.end();
        } else {
            out.append("\\{");
            i++;
        }
    }
}
