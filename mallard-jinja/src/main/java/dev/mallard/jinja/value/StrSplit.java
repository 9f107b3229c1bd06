package dev.mallard.jinja.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** str methods that cut or rebuild text: split, strip, partition, replace, join, expandtabs. */
final class StrSplit {
    private StrSplit() {
    }

    static List<Object> split(String s, Args a, boolean fromRight) {
        String sep = Methods.strOrNone(a, 0, "sep", null);
        Object max = a.get(1, "maxsplit", -1L);
        long maxsplit = Methods.integer(max);
        if (maxsplit < 0) {
            maxsplit = Long.MAX_VALUE;
        }
        if (sep == null) {
            return fromRight ? rsplitWhitespace(s, maxsplit) : splitWhitespace(s, maxsplit);
        }
        if (sep.isEmpty()) {
            throw new JinjaError("empty separator");
        }
        return fromRight ? rsplit(s, sep, maxsplit) : split(s, sep, maxsplit);
    }

    /** {@code str.split(sep)} for a non-empty separator. */
    static List<Object> split(String s, String sep, long maxsplit) {
        List<Object> out = new ArrayList<>();
        int from = 0;
        int at;
        while (maxsplit-- > 0 && (at = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    private static List<Object> rsplit(String s, String sep, long maxsplit) {
        List<Object> out = new ArrayList<>();
        int end = s.length();
        int at;
        while (maxsplit-- > 0 && end >= sep.length() && (at = s.lastIndexOf(sep, end - sep.length())) >= 0) {
            out.add(s.substring(at + sep.length(), end));
            end = at;
        }
        out.add(s.substring(0, end));
        Collections.reverse(out);
        return out;
    }

    /** Runs of whitespace separate; leading and trailing whitespace give no empty strings. */
    static List<Object> splitWhitespace(String s, long maxsplit) {
        List<Object> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (maxsplit-- > 0) {
            i = skipSpace(s, i);
            if (i == n) {
                return out;
            }
            int j = i;
            while (j < n && !PyChars.isSpace(s.codePointAt(j))) {
                j += Character.charCount(s.codePointAt(j));
            }
            out.add(s.substring(i, j));
            i = j;
        }
        i = skipSpace(s, i);
        if (i < n) {
            out.add(s.substring(i));
        }
        return out;
    }

    private static List<Object> rsplitWhitespace(String s, long maxsplit) {
        List<Object> out = new ArrayList<>();
        int j = s.length();
        while (maxsplit-- > 0) {
            j = skipSpaceBack(s, j);
            if (j == 0) {
                Collections.reverse(out);
                return out;
            }
            int i = j;
            while (i > 0 && !PyChars.isSpace(s.codePointBefore(i))) {
                i -= Character.charCount(s.codePointBefore(i));
            }
            out.add(s.substring(i, j));
            j = i;
        }
        j = skipSpaceBack(s, j);
        if (j > 0) {
            out.add(s.substring(0, j));
        }
        Collections.reverse(out);
        return out;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && PyChars.isSpace(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        return i;
    }

    private static int skipSpaceBack(String s, int j) {
        while (j > 0 && PyChars.isSpace(s.codePointBefore(j))) {
            j -= Character.charCount(s.codePointBefore(j));
        }
        return j;
    }

    static List<Object> splitlines(String s, boolean keepends) {
        List<Object> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (PyChars.isLineBreak(cp)) {
                if (cp == '\r' && next < s.length() && s.charAt(next) == '\n') {
                    next++;
                }
                out.add(s.substring(start, keepends ? next : i));
                start = next;
            }
            i = next;
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    static PyTuple partition(String s, Object sepArg, boolean fromRight) {
        String sep = Methods.str(sepArg, null);
        if (sep.isEmpty()) {
            throw new JinjaError("empty separator");
        }
        int at = fromRight ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (at < 0) {
            return fromRight ? PyTuple.of("", "", s) : PyTuple.of(s, "", "");
        }
        return PyTuple.of(s.substring(0, at), sep, s.substring(at + sep.length()));
    }

    static String strip(String s, Args a, boolean left, boolean right) {
        Object charsArg = a.get(0, "chars", null);
        if (charsArg != null && !(charsArg instanceof CharSequence)) {
            if (charsArg instanceof Undefined u) {
                throw u.error();
            }
            throw new JinjaError((left && right ? "strip" : left ? "lstrip" : "rstrip")
                    + " arg must be None or str");
        }
        return strip(s, charsArg == null ? null : charsArg.toString(), left, right);
    }

    /** Strips code points in {@code chars}, or Python's whitespace when it is null. */
    static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && stripped(s.codePointAt(start), chars)) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (right && end > start && stripped(s.codePointBefore(end), chars)) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static boolean stripped(int cp, String chars) {
        return chars == null ? PyChars.isSpace(cp) : chars.indexOf(cp) >= 0;
    }

    static String replace(String s, Args a) {
        String old = str(a.require(0, "old", "replace"), 1);
        String rep = str(a.require(1, "new", "replace"), 2);
        long count = Methods.integer(a.get(2, "count", -1L));
        return replace(s, old, rep, count < 0 ? Long.MAX_VALUE : count);
    }

    private static String str(Object v, int position) {
        if (v instanceof CharSequence cs) {
            return cs.toString();
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError("replace() argument " + position + " must be str, not " + Py.typeName(v));
    }

    /** {@code str.replace}; an empty {@code old} inserts {@code rep} before every code point and at the end. */
    static String replace(String s, String old, String rep, long count) {
        StringBuilder sb = new StringBuilder(s.length());
        if (old.isEmpty()) {
            int i = 0;
            while (count-- > 0) {
                sb.append(rep);
                if (i >= s.length()) {
                    return sb.toString();
                }
                int cp = s.codePointAt(i);
                sb.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            return sb.append(s, i, s.length()).toString();
        }
        int from = 0;
        int at;
        while (count-- > 0 && (at = s.indexOf(old, from)) >= 0) {
            sb.append(s, from, at).append(rep);
            from = at + old.length();
        }
        return sb.append(s, from, s.length()).toString();
    }

    static String expandtabs(String s, Args a) {
        long tabsize = Methods.integer(a.get(0, "tabsize", 8L));
        StringBuilder sb = new StringBuilder(s.length());
        long column = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t') {
                if (tabsize > 0) {
                    long spaces = tabsize - column % tabsize;
                    sb.append(" ".repeat((int) spaces));
                    column += spaces;
                }
            } else {
                sb.appendCodePoint(cp);
                column = cp == '\n' || cp == '\r' ? 0 : column + 1;
            }
        }
        return sb.toString();
    }

    /** {@code sep.join(items)}: every item must already be a str, as in Python. */
    static String join(String sep, Object iterable) {
        StringBuilder sb = new StringBuilder();
        int index = 0;
        for (Object item : iterableArg(iterable, "can only join an iterable")) {
            if (!(item instanceof CharSequence cs)) {
                throw new JinjaError("sequence item " + index + ": expected str instance, " + Py.typeName(item)
                        + " found");
            }
            if (index++ > 0) {
                sb.append(sep);
            }
            sb.append(cs);
        }
        return sb.toString();
    }

    static Iterable<?> iterableArg(Object v, String message) {
        try {
            return Containers.iterate(v);
        } catch (JinjaError e) {
            throw new JinjaError(message);
        }
    }
}
