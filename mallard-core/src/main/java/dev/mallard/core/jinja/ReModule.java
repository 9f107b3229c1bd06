package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.Undefined;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Python's {@code re} module ({@code modules.re}): match, search, fullmatch, findall, finditer,
 * sub, subn, split, compile, escape and the flags, with Python's pattern syntax
 * ({@code (?P<name>...)}, {@code (?P=name)}, {@code \Z}, literal braces, ...) and replacement
 * templates ({@code \1}, {@code \g<name>}) translated to java.util.regex. Positions are in
 * code points, as Python counts them. {@link RePatternTranslator} translates a pattern,
 * {@link RePattern} is the compiled pattern and {@link ReMatch} a match.
 */
final class ReModule implements PyObject {
    static final long IGNORECASE = 2;
    static final long LOCALE = 4;
    static final long MULTILINE = 8;
    static final long DOTALL = 16;
    static final long UNICODE = 32;
    static final long VERBOSE = 64;
    static final long ASCII = 256;
    private static final Set<String> METHODS = Set.of("match", "search", "fullmatch", "findall", "finditer", "sub",
            "subn", "split", "compile", "escape", "purge");
    private static final String SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f";
    private static final Map<String, RePattern> CACHE = new ConcurrentHashMap<>();

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "I", "IGNORECASE" -> IGNORECASE;
            case "L", "LOCALE" -> LOCALE;
            case "M", "MULTILINE" -> MULTILINE;
            case "S", "DOTALL" -> DOTALL;
            case "U", "UNICODE" -> UNICODE;
            case "X", "VERBOSE" -> VERBOSE;
            case "A", "ASCII" -> ASCII;
            case "NOFLAG" -> 0L;
            default -> MISSING;
        };
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args a) {
        switch (method) {
            case "compile":
                Object p = a.require(0, "pattern", method);
                return p instanceof RePattern c ? c : compile(p, a.get(1, "flags", 0L));
            case "escape":
                return escape(text(a.require(0, "pattern", method)));
            case "purge":
                CACHE.clear();
                return null;
            case "sub":
            case "subn":
                return compile(a.require(0, "pattern", method), a.get(4, "flags", 0L)).sub(site,
                        a.require(1, "repl", method), text(a.require(2, "string", method)),
                        count(a.get(3, "count", 0L)), "subn".equals(method));
            case "split":
                return compile(a.require(0, "pattern", method), a.get(3, "flags", 0L))
                        .split(text(a.require(1, "string", method)), count(a.get(2, "maxsplit", 0L)));
            default:
                RePattern c = compile(a.require(0, "pattern", method), a.get(2, "flags", 0L));
                return c.scan(method, text(a.require(1, "string", method)), 0, Integer.MAX_VALUE);
        }
    }

    @Override
    public String typeName() {
        return "module";
    }

    @Override
    public String toString() {
        return "<module 're'>";
    }

    /** Python 3.7+'s re.escape: only the characters special in a pattern get a backslash. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** A string argument; Python's TypeError for anything else. */
    static String text(Object v) {
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError("expected string or bytes-like object, got '" + Py.typeName(v) + "'");
    }

    /** A count or position argument (an int). */
    static long count(Object v) {
        return DatetimeModule.integer(v);
    }

    static RePattern compile(Object pattern, Object flagsArg) {
        if (pattern instanceof RePattern c) {
            return c;
        }
        String source = text(pattern);
        long flags = DatetimeModule.integer(flagsArg == null ? 0L : flagsArg);
        String key = flags + ":" + source;
        RePattern cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        if (CACHE.size() > 512) {
            CACHE.clear();
        }
        RePattern c = new RePatternTranslator(source, flags).compile();
        CACHE.put(key, c);
        return c;
    }
}
