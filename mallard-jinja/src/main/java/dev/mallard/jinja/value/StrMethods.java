package dev.mallard.jinja.value;

import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Python's str methods. Java's String has methods of the same names that behave differently
 * ({@code split} takes a regex, {@code strip} knows fewer spaces), so all of them are here.
 * Indices are counted in code points, as Python counts them.
 */
final class StrMethods {
    private static final Set<String> SPLIT_KEYWORDS = Set.of("sep", "maxsplit");

    private StrMethods() {
    }

    static Object lookup(String s, String name) {
        return switch (name) {
            case "capitalize" -> bind(s, name, 0, (site, a) -> capitalize(s));
            case "casefold" -> bind(s, name, 0, (site, a) -> casefold(s));
            case "center" -> bind(s, name, 2, (site, a) -> pad(s, a, 'c'));
            case "ljust" -> bind(s, name, 2, (site, a) -> pad(s, a, 'l'));
            case "rjust" -> bind(s, name, 2, (site, a) -> pad(s, a, 'r'));
            case "zfill" -> bind(s, name, 1, (site, a) -> zfill(s, Methods.integer(a.require(0, "width", name))));
            case "count" -> bind(s, name, 3, (site, a) -> StrSearch.count(s, a));
            case "find" -> bind(s, name, 3, (site, a) -> StrSearch.find(s, a, false));
            case "rfind" -> bind(s, name, 3, (site, a) -> StrSearch.find(s, a, true));
            case "index" -> bind(s, name, 3, (site, a) -> StrSearch.found(StrSearch.find(s, a, false)));
            case "rindex" -> bind(s, name, 3, (site, a) -> StrSearch.found(StrSearch.find(s, a, true)));
            case "startswith" -> bind(s, name, 3, (site, a) -> StrSearch.affix(s, a, true));
            case "endswith" -> bind(s, name, 3, (site, a) -> StrSearch.affix(s, a, false));
            case "expandtabs" -> Methods.bind(s, name, 1, Set.of("tabsize"), (site, a) -> StrSplit.expandtabs(s, a));
            case "format" -> Methods.bind(s, name, Integer.MAX_VALUE, null, (site, a) -> StrFormat.format(site, s, a));
            case "encode" -> Methods.bind(s, name, 2, Set.of("encoding", "errors"), (site, a) ->
                    PyBytes.encode(s, Py.str(a.get(0, "encoding", "utf-8")), Py.str(a.get(1, "errors", "strict"))));
            case "format_map" -> bind(s, name, 1, (site, a) -> StrFormat.formatMap(site, s, a.require(0, "mapping", name)));
            case "join" -> bind(s, name, 1, (site, a) -> StrSplit.join(s, a.require(0, "iterable", name)));
            case "lower" -> bind(s, name, 0, (site, a) -> s.toLowerCase(Locale.ROOT));
            case "upper" -> bind(s, name, 0, (site, a) -> s.toUpperCase(Locale.ROOT));
            case "swapcase" -> bind(s, name, 0, (site, a) -> swapcase(s));
            case "title" -> bind(s, name, 0, (site, a) -> title(s));
            case "strip" -> bind(s, name, 1, (site, a) -> StrSplit.strip(s, a, true, true));
            case "lstrip" -> bind(s, name, 1, (site, a) -> StrSplit.strip(s, a, true, false));
            case "rstrip" -> bind(s, name, 1, (site, a) -> StrSplit.strip(s, a, false, true));
            case "partition" -> bind(s, name, 1, (site, a) -> StrSplit.partition(s, a.require(0, "sep", name), false));
            case "rpartition" -> bind(s, name, 1, (site, a) -> StrSplit.partition(s, a.require(0, "sep", name), true));
            case "split" -> Methods.bind(s, name, 2, SPLIT_KEYWORDS, (site, a) -> StrSplit.split(s, a, false));
            case "rsplit" -> Methods.bind(s, name, 2, SPLIT_KEYWORDS, (site, a) -> StrSplit.split(s, a, true));
            case "splitlines" -> Methods.bind(s, name, 1, Set.of("keepends"), (site, a) ->
                    StrSplit.splitlines(s, Py.truthy(a.get(0, "keepends", false))));
            case "replace" -> bind(s, name, 3, (site, a) -> StrSplit.replace(s, a));
            case "removeprefix" -> bind(s, name, 1, (site, a) -> {
                String p = Methods.str(a.require(0, "prefix", name), "removeprefix() argument");
                return s.startsWith(p) ? s.substring(p.length()) : s;
            });
            case "removesuffix" -> bind(s, name, 1, (site, a) -> {
                String p = Methods.str(a.require(0, "suffix", name), "removesuffix() argument");
                return !p.isEmpty() && s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
            });
            case "isalnum" -> bind(s, name, 0, (site, a) -> all(s, PyChars::isAlnum));
            case "isalpha" -> bind(s, name, 0, (site, a) -> all(s, PyChars::isAlpha));
            case "isascii" -> bind(s, name, 0, (site, a) -> s.chars().allMatch(c -> c < 128));
            case "isdecimal" -> bind(s, name, 0, (site, a) -> all(s, PyChars::isDecimal));
            case "isdigit" -> bind(s, name, 0, (site, a) -> all(s, PyChars::isDigit));
            case "isnumeric" -> bind(s, name, 0, (site, a) -> all(s, PyChars::isNumeric));
            case "isspace" -> bind(s, name, 0, (site, a) -> all(s, PyChars::isSpace));
            case "isidentifier" -> bind(s, name, 0, (site, a) -> isIdentifier(s));
            case "islower" -> bind(s, name, 0, (site, a) -> isLower(s));
            case "isupper" -> bind(s, name, 0, (site, a) -> isUpper(s));
            case "istitle" -> bind(s, name, 0, (site, a) -> isTitle(s));
            default -> Py.NOT_FOUND;
        };
    }

    private static PyCallable bind(String s, String name, int maxArgs, PyCallable body) {
        return Methods.bind(s, name, maxArgs, body);
    }

    // ---- case ----

    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return PyChars.title(first) + s.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
    }

    static String casefold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.append(cp == 0xdf ? "ss" : PyChars.lower(cp)));
        return sb.toString();
    }

    static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isUpperCase(cp)) {
                sb.append(PyChars.lower(cp));
            } else if (Character.isLowerCase(cp)) {
                sb.append(PyChars.upper(cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** Python's str.title: a cased character after a cased one is lowered, others title-cased. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            sb.append(previousCased ? PyChars.lower(cp) : PyChars.title(cp));
            previousCased = PyChars.isCased(cp);
        }
        return sb.toString();
    }

    // ---- predicates ----

    private static boolean all(String s, IntPredicate p) {
        return !s.isEmpty() && s.codePoints().allMatch(p);
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int first = s.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        return s.codePoints().skip(1).allMatch(cp ->
                Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
    }

    private static boolean isLower(String s) {
        boolean cased = false;
        for (int cp : s.codePoints().toArray()) {
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            cased |= Character.isLowerCase(cp);
        }
        return cased;
    }

    private static boolean isUpper(String s) {
        boolean cased = false;
        for (int cp : s.codePoints().toArray()) {
            if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            cased |= Character.isUpperCase(cp);
        }
        return cased;
    }

    private static boolean isTitle(String s) {
        boolean cased = false;
        boolean previousCased = false;
        for (int cp : s.codePoints().toArray()) {
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                if (previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else if (Character.isLowerCase(cp)) {
                if (!previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else {
                previousCased = false;
            }
        }
        return cased;
    }

    // ---- padding ----

    private static String pad(String s, Args a, char how) {
        String method = how == 'c' ? "center" : how == 'l' ? "ljust" : "rjust";
        long width = Methods.integer(a.require(0, "width", method));
        String fill = " ";
        if (a.has(1, "fillchar")) {
            Object f = a.find(1, "fillchar");
            if (!(f instanceof CharSequence cs) || cs.toString().codePointCount(0, cs.length()) != 1) {
                throw new JinjaError(f instanceof CharSequence
                        ? "The fill character must be exactly one character long"
                        : method + "() argument 2 must be str, not " + Py.typeName(f));
            }
            fill = cs.toString();
        }
        return pad(s, width, fill, how);
    }

    /** {@code str.center/ljust/rjust}; center gives the odd extra fill to the left only when width is odd. */
    static String pad(String s, long width, String fill, char how) {
        long len = s.codePointCount(0, s.length());
        if (width <= len) {
            return s;
        }
        int marg = Methods.clampInt(width - len);
        if (marg > 100_000_000) {
            throw new JinjaError("result of padding is too large");
        }
        return switch (how) {
            case 'l' -> s + fill.repeat(marg);
            case 'r' -> fill.repeat(marg) + s;
            default -> {
                int left = marg / 2 + (int) (marg & width & 1);
                yield fill.repeat(left) + s + fill.repeat(marg - left);
            }
        };
    }

    static String zfill(String s, long width) {
        long len = s.codePointCount(0, s.length());
        if (width <= len) {
            return s;
        }
        String zeros = "0".repeat(Methods.clampInt(width - len));
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            return s.charAt(0) + zeros + s.substring(1);
        }
        return zeros + s;
    }
}
