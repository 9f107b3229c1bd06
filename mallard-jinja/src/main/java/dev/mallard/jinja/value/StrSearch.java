package dev.mallard.jinja.value;

/** {@code find}, {@code count}, {@code startswith} and friends, with Python's slice arguments. */
final class StrSearch {
    private StrSearch() {
    }

    /** A [start, end) window of a string in code points, clamped as Python clamps slice bounds. */
    private record Window(String s, int length, int start, int end) {
        static Window of(String s, Args a, int startIndex) {
            int length = s.codePointCount(0, s.length());
            int start = bound(a.get(startIndex, "start", null), 0, length);
            int end = Math.min(length, bound(a.get(startIndex + 1, "end", null), length, length));
            return new Window(s, length, start, end);
        }

        private static int bound(Object v, int fallback, int length) {
            if (v == null) {
                return fallback;
            }
            if (!(Py.isInt(v) || v instanceof Boolean)) {
                throw new JinjaError("slice indices must be integers or None or have an __index__ method");
            }
            long i = PyNumbers.big(v).max(java.math.BigInteger.valueOf(-(long) length - 1))
                    .min(java.math.BigInteger.valueOf(length + 1L)).longValue();
            if (i > length) {
                return length + 1; // past the end: Python leaves a start there, so nothing matches
            }
            if (i < 0) {
                return (int) Math.max(0, i + length);
            }
            return (int) i;
        }

        int charAt(int codePoint) {
            return length == s.length() ? codePoint : s.offsetByCodePoints(0, codePoint);
        }

        int codePointAt(int charIndex) {
            return length == s.length() ? charIndex : s.codePointCount(0, charIndex);
        }

        int size() {
            return end - start;
        }
    }

    static int find(String s, Args a, boolean fromRight) {
        String sub = Methods.str(a.require(0, "sub", fromRight ? "rfind" : "find"), null);
        Window w = Window.of(s, a, 1);
        int subLength = sub.codePointCount(0, sub.length());
        if (w.size() < subLength) {
            return -1;
        }
        int from = w.charAt(w.start());
        int to = w.charAt(w.end());
        int at = fromRight ? s.lastIndexOf(sub, to - sub.length()) : s.indexOf(sub, from);
        if (at < from || at + sub.length() > to) {
            return -1;
        }
        return w.codePointAt(at);
    }

    static int found(int at) {
        if (at < 0) {
            throw new JinjaError("substring not found");
        }
        return at;
    }

    static long count(String s, Args a) {
        String sub = Methods.str(a.require(0, "sub", "count"), null);
        Window w = Window.of(s, a, 1);
        if (w.size() < 0) {
            return 0;
        }
        if (sub.isEmpty()) {
            return w.size() + 1L;
        }
        int to = w.charAt(w.end());
        long n = 0;
        int at = s.indexOf(sub, w.charAt(w.start()));
        while (at >= 0 && at + sub.length() <= to) {
            n++;
            at = s.indexOf(sub, at + sub.length());
        }
        return n;
    }

    static boolean affix(String s, Args a, boolean prefix) {
        String method = prefix ? "startswith" : "endswith";
        Object arg = a.require(0, prefix ? "prefix" : "suffix", method);
        Window w = Window.of(s, a, 1);
        if (arg instanceof PyTuple options) {
            for (Object o : options) {
                if (!(o instanceof CharSequence cs)) {
                    throw new JinjaError("tuple for " + method + " must only contain str, not " + Py.typeName(o));
                }
                if (matches(w, cs.toString(), prefix)) {
                    return true;
                }
            }
            return false;
        }
        if (!(arg instanceof CharSequence cs)) {
            if (arg instanceof Undefined u) {
                throw u.error();
            }
            throw new JinjaError(method + " first arg must be str or a tuple of str, not " + Py.typeName(arg));
        }
        return matches(w, cs.toString(), prefix);
    }

    private static boolean matches(Window w, String x, boolean prefix) {
        int xLength = x.codePointCount(0, x.length());
        if (w.size() < xLength) {
            return false;
        }
        int from = w.charAt(w.start());
        int to = w.charAt(w.end());
        return prefix ? w.s().startsWith(x, from) : w.s().startsWith(x, to - x.length());
    }
}
