package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python's str methods with Python semantics. Java's String has methods of the same names
 * that behave differently ({@code split} takes a regex, {@code strip} takes no argument),
 * so these must win over bean-style method calls.
 */
final class PyStringMethods {
    /** Returned when the name is not a str method we implement, so other resolvers may try. */
    static final Object NOT_HANDLED = new Object();

    private PyStringMethods() {
    }

    static Object call(String s, String method, DbtFunctions.Args a) {
        switch (method) {
            case "upper": return s.toUpperCase(Locale.ROOT);
            case "lower":
            case "casefold": return s.toLowerCase(Locale.ROOT);
            case "strip": return strip(s, a.get(0, "chars"), true, true);
            case "lstrip": return strip(s, a.get(0, "chars"), true, false);
            case "rstrip": return strip(s, a.get(0, "chars"), false, true);
            case "startswith": return affix(s, a.get(0, "prefix"), true);
            case "endswith": return affix(s, a.get(0, "suffix"), false);
            case "split": return split(s, a.get(0, "sep"), maxsplit(a));
            case "rsplit": return rsplit(s, a.get(0, "sep"), maxsplit(a));
            case "replace": return replace(s, str(a.get(0, "old")), str(a.get(1, "new")),
                    a.has(2, "count") ? (int) PyTypes.toLong(a.get(2, "count")) : -1);
            case "join": return join(s, a.get(0, "iterable"));
            case "format": return PyFormat.format(s, a);
            case "title": return title(s);
            case "capitalize": return s.isEmpty() ? s
                    : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
            case "swapcase": return swapcase(s);
            case "find": return find(s, a);
            case "rfind": return rfind(s, a);
            case "index": return mustFind(find(s, a));
            case "rindex": return mustFind(rfind(s, a));
            case "count": return count(s, str(a.get(0, "sub")));
            case "isdigit":
            case "isdecimal":
            case "isnumeric": return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha": return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum": return !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isspace": return !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
            case "islower": return hasCased(s) && s.equals(s.toLowerCase(Locale.ROOT));
            case "isupper": return hasCased(s) && s.equals(s.toUpperCase(Locale.ROOT));
            case "isidentifier": return s.matches("[A-Za-z_][A-Za-z0-9_]*");
            case "zfill": return zfill(s, (int) PyTypes.toLong(a.get(0, "width")));
            case "ljust": return justify(s, a, 'l');
            case "rjust": return justify(s, a, 'r');
            case "center": return justify(s, a, 'c');
            case "partition": return partition(s, str(a.get(0, "sep")), false);
            case "rpartition": return partition(s, str(a.get(0, "sep")), true);
            case "splitlines": return splitlines(s, PyTypes.truthy(a.get(0, "keepends")));
            case "removeprefix": return s.startsWith(str(a.get(0, "prefix"))) ? s.substring(str(a.get(0, "prefix")).length()) : s;
            case "removesuffix": {
                String suffix = str(a.get(0, "suffix"));
                return !suffix.isEmpty() && s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
            }
            default: return NOT_HANDLED;
        }
    }

    private static String str(Object o) {
        return o == null ? "None" : PyStr.str(o);
    }

    private static int maxsplit(DbtFunctions.Args a) {
        Object m = a.get(1, "maxsplit");
        return m == null ? -1 : (int) PyTypes.toLong(m);
    }

    private static String strip(String s, Object chars, boolean left, boolean right) {
        String set = chars == null ? null : chars.toString();
        int start = 0;
        int end = s.length();
        while (left && start < end && stripped(s.charAt(start), set)) {
            start++;
        }
        while (right && end > start && stripped(s.charAt(end - 1), set)) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean stripped(char c, String set) {
        return set == null ? Character.isWhitespace(c) : set.indexOf(c) >= 0;
    }

    private static boolean affix(String s, Object arg, boolean prefix) {
        if (arg instanceof Iterable<?> options) {
            for (Object o : options) {
                if (affix(s, o, prefix)) {
                    return true;
                }
            }
            return false;
        }
        String x = str(arg);
        return prefix ? s.startsWith(x) : s.endsWith(x);
    }

    static List<Object> split(String s, Object sep, int maxsplit) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (maxsplit >= 0 && out.size() == maxsplit) {
                    out.add(strip(s.substring(i), null, false, true));
                    break;
                }
                int j = i;
                while (j < n && !Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
            return out;
        }
        String d = sep.toString();
        if (d.isEmpty()) {
            throw new MallardException(ErrorCode.JINJA, "ValueError: empty separator");
        }
        int from = 0;
        int at;
        while ((maxsplit < 0 || out.size() < maxsplit) && (at = s.indexOf(d, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + d.length();
        }
        out.add(s.substring(from));
        return out;
    }

    private static List<Object> rsplit(String s, Object sep, int maxsplit) {
        if (maxsplit < 0) {
            return split(s, sep, -1);
        }
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            int j = s.length();
            while (true) {
                while (j > 0 && Character.isWhitespace(s.charAt(j - 1))) {
                    j--;
                }
                if (j == 0) {
                    break;
                }
                if (out.size() == maxsplit) {
                    out.add(0, strip(s.substring(0, j), null, true, false));
                    break;
                }
                int i = j;
                while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
                    i--;
                }
                out.add(0, s.substring(i, j));
                j = i;
            }
            return out;
        }
        String d = sep.toString();
        int end = s.length();
        int at;
        while (out.size() < maxsplit && end >= d.length() && (at = s.lastIndexOf(d, end - d.length())) >= 0) {
            out.add(0, s.substring(at + d.length(), end));
            end = at;
        }
        out.add(0, s.substring(0, end));
        return out;
    }

    private static String replace(String s, String old, String rep, int count) {
        if (count < 0) {
            return s.replace(old, rep);
        }
        StringBuilder sb = new StringBuilder();
        int from = 0;
        int done = 0;
        int at;
        while (done < count && (at = s.indexOf(old, from)) >= 0) {
            sb.append(s, from, at).append(rep);
            from = at + old.length();
            done++;
            if (old.isEmpty()) {
                if (from < s.length()) {
                    sb.append(s.charAt(from));
                }
                from++;
            }
        }
        if (from <= s.length()) {
            sb.append(s.substring(Math.min(from, s.length())));
        }
        return sb.toString();
    }

    private static String join(String sep, Object iterable) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Object o : PyTypes.items(iterable)) {
            if (!first) {
                sb.append(sep);
            }
            sb.append(PyStr.str(o));
            first = false;
        }
        return sb.toString();
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean prevCased = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(prevCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
            prevCased = Character.isLetter(c);
        }
        return sb.toString();
    }

    private static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return sb.toString();
    }

    private static int find(String s, DbtFunctions.Args a) {
        int start = a.has(1, "start") ? index(s, a.get(1, "start")) : 0;
        int end = a.has(2, "end") ? index(s, a.get(2, "end")) : s.length();
        int at = s.indexOf(str(a.get(0, "sub")), start);
        return at >= 0 && at + str(a.get(0, "sub")).length() <= end ? at : -1;
    }

    private static int rfind(String s, DbtFunctions.Args a) {
        return s.lastIndexOf(str(a.get(0, "sub")));
    }

    private static int index(String s, Object i) {
        int v = (int) PyTypes.toLong(i);
        return v < 0 ? Math.max(0, s.length() + v) : Math.min(v, s.length());
    }

    private static int mustFind(int at) {
        if (at < 0) {
            throw new MallardException(ErrorCode.JINJA, "ValueError: substring not found");
        }
        return at;
    }

    private static int count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.length() + 1;
        }
        int n = 0;
        int from = 0;
        int at;
        while ((at = s.indexOf(sub, from)) >= 0) {
            n++;
            from = at + sub.length();
        }
        return n;
    }

    private static boolean hasCased(String s) {
        return s.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isLowerCase(c));
    }

    private static String zfill(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        int sign = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        return s.substring(0, sign) + "0".repeat(width - s.length()) + s.substring(sign);
    }

    private static String justify(String s, DbtFunctions.Args a, char how) {
        int width = (int) PyTypes.toLong(a.get(0, "width"));
        Object fillArg = a.get(1, "fillchar");
        String fill = fillArg == null ? " " : fillArg.toString();
        int pad = width - s.length();
        if (pad <= 0) {
            return s;
        }
        if (how == 'l') {
            return s + fill.repeat(pad);
        }
        if (how == 'r') {
            return fill.repeat(pad) + s;
        }
        // Python gives the odd extra character to the left only when the width is odd
        int left = pad / 2 + (pad & width & 1);
        return fill.repeat(left) + s + fill.repeat(pad - left);
    }

    private static List<Object> partition(String s, String sep, boolean fromRight) {
        int at = fromRight ? s.lastIndexOf(sep) : s.indexOf(sep);
        List<Object> out = new ArrayList<>(3);
        if (at < 0) {
            if (fromRight) {
                out.add("");
                out.add("");
                out.add(s);
            } else {
                out.add(s);
                out.add("");
                out.add("");
            }
            return out;
        }
        out.add(s.substring(0, at));
        out.add(sep);
        out.add(s.substring(at + sep.length()));
        return out;
    }

    private static List<Object> splitlines(String s, boolean keepends) {
        List<Object> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = i;
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                out.add(keepends ? s.substring(start, i + 1) : s.substring(start, end));
                start = i + 1;
            }
            i++;
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }
}
