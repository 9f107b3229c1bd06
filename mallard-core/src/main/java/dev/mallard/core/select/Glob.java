package dev.mallard.core.select;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Python's {@code fnmatch.fnmatchcase}, which dbt uses for selector values: {@code *},
 * {@code ?}, {@code [abc]} and {@code [!abc]}; {@code *} also matches dots and slashes.
 */
final class Glob {
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Glob() {
    }

    static boolean isPattern(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf(']') >= 0;
    }

    static boolean matches(String text, String pattern) {
        if (text == null) {
            return false;
        }
        if (!isPattern(pattern)) {
            return text.equals(pattern);
        }
        return CACHE.computeIfAbsent(pattern, Glob::compile).matcher(text).matches();
    }

    private static Pattern compile(String pattern) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    // an unclosed bracket is a literal, as in fnmatch
                    re.append("\\[");
                } else {
                    String set = pattern.substring(i, j);
                    i = j + 1;
                    StringBuilder cls = new StringBuilder("[");
                    int k = 0;
                    if (set.startsWith("!")) {
                        cls.append('^');
                        k = 1;
                    }
                    for (; k < set.length(); k++) {
                        char s = set.charAt(k);
                        if (s == '\\' || s == '[' || s == ']' || s == '&' || s == '^' && k == 0) {
                            cls.append('\\');
                        }
                        cls.append(s);
                    }
                    re.append(cls).append(']');
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
