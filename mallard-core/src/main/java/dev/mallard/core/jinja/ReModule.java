package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.PyTuple;
import dev.mallard.jinja.value.Undefined;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python's {@code re} module ({@code modules.re}): match, search, fullmatch, findall, finditer,
 * sub, subn, split, compile, escape and the flags, with Python's pattern syntax
 * ({@code (?P<name>...)}, {@code (?P=name)}, {@code \Z}, literal braces, ...) and replacement
 * templates ({@code \1}, {@code \g<name>}) translated to java.util.regex. Positions are in
 * code points, as Python counts them.
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
    private static final Pattern QUANTIFIER = Pattern.compile("\\{(\\d*)(?:(,)(\\d*))?}");
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

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
                return p instanceof Compiled c ? c : compile(p, a.get(1, "flags", 0L));
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
                Compiled c = compile(a.require(0, "pattern", method), a.get(2, "flags", 0L));
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

    private static String text(Object v) {
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError("expected string or bytes-like object, got '" + Py.typeName(v) + "'");
    }

    private static long count(Object v) {
        return DatetimeModule.integer(v);
    }

    static Compiled compile(Object pattern, Object flagsArg) {
        if (pattern instanceof Compiled c) {
            return c;
        }
        String source = text(pattern);
        long flags = DatetimeModule.integer(flagsArg == null ? 0L : flagsArg);
        String key = flags + ":" + source;
        Compiled cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        if (CACHE.size() > 512) {
            CACHE.clear();
        }
        Compiled c = new Translator(source, flags).compile();
        CACHE.put(key, c);
        return c;
    }

    /** Python pattern text to java.util.regex, counting groups and naming them. */
    private static final class Translator {
        private final String src;
        private final long flags;
        private final StringBuilder out = new StringBuilder();
        private final Map<String, Integer> names = new LinkedHashMap<>();
        private int groups;
        private boolean verbose;
        private int i;

        Translator(String src, long flags) {
            this.src = src;
            this.flags = flags;
            this.verbose = (flags & VERBOSE) != 0;
        }

        Compiled compile() {
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
                return new Compiled(Pattern.compile(out.toString(), javaFlags), src, flags, groups,
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

    /** A compiled pattern ({@code re.compile(...)}), with the module's functions as methods. */
    static final class Compiled implements PyObject {
        private static final Set<String> PATTERN_METHODS = Set.of("match", "search", "fullmatch", "findall",
                "finditer", "sub", "subn", "split");
        private final Pattern pattern;
        private final String source;
        private final long flags;
        private final int groups;
        private final Map<String, Integer> names;

        Compiled(Pattern pattern, String source, long flags, int groups, Map<String, Integer> names) {
            this.pattern = pattern;
            this.source = source;
            this.flags = flags;
            this.groups = groups;
            this.names = names;
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "pattern" -> source;
                case "flags" -> (flags & ASCII) != 0 ? flags : flags | UNICODE;
                case "groups" -> (long) groups;
                case "groupindex" -> {
                    Map<Object, Object> index = new LinkedHashMap<>();
                    names.forEach((k, v) -> index.put(k, (long) v));
                    yield index;
                }
                default -> MISSING;
            };
        }

        @Override
        public Set<String> methods() {
            return PATTERN_METHODS;
        }

        @Override
        public Object call(CallSite site, String method, Args a) {
            return switch (method) {
                case "sub", "subn" -> sub(site, a.require(0, "repl", method), text(a.require(1, "string", method)),
                        count(a.get(2, "count", 0L)), "subn".equals(method));
                case "split" -> split(text(a.require(0, "string", method)), count(a.get(1, "maxsplit", 0L)));
                default -> scan(method, text(a.require(0, "string", method)), count(a.get(1, "pos", 0L)),
                        count(a.get(2, "endpos", (long) Integer.MAX_VALUE)));
            };
        }

        /** match, search, fullmatch, findall or finditer over {@code s[pos:endpos]} (code points). */
        Object scan(String method, String s, long pos, long endpos) {
            int n = s.codePointCount(0, s.length());
            int end = s.offsetByCodePoints(0, (int) Math.max(0, Math.min(endpos, n)));
            int start = s.offsetByCodePoints(0, (int) Math.max(0, Math.min(pos, n)));
            Matcher m = pattern.matcher(s.substring(0, end));
            m.useAnchoringBounds(false).useTransparentBounds(true).region(Math.min(start, end), end);
            long p = s.codePointCount(0, Math.min(start, end));
            long e = s.codePointCount(0, end);
            switch (method) {
                case "match":
                    return m.lookingAt() ? new Match(this, s, m, p, e) : null;
                case "search":
                    return m.find() ? new Match(this, s, m, p, e) : null;
                case "fullmatch":
                    m.useAnchoringBounds(true);
                    return m.matches() ? new Match(this, s, m, p, e) : null;
                case "finditer": {
                    List<Object> out = new ArrayList<>();
                    while (m.find()) {
                        out.add(new Match(this, s, m, p, e));
                    }
                    return out;
                }
                case "findall": {
                    List<Object> out = new ArrayList<>();
                    while (m.find()) {
                        if (groups == 0) {
                            out.add(m.group());
                        } else if (groups == 1) {
                            out.add(orEmpty(m.group(1)));
                        } else {
                            List<Object> t = new ArrayList<>(groups);
                            for (int g = 1; g <= groups; g++) {
                                t.add(orEmpty(m.group(g)));
                            }
                            out.add(PyTuple.copyOf(t));
                        }
                    }
                    return out;
                }
                default:
                    return MISSING;
            }
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }

        /** sub/subn: a template string or a callable given each match object. */
        Object sub(CallSite site, Object repl, String s, long count, boolean withCount) {
            List<Object> template = repl instanceof CharSequence cs ? template(cs.toString()) : null;
            if (template == null && !(repl instanceof PyCallable)) {
                throw new JinjaError("expected str instance, " + Py.typeName(repl) + " found");
            }
            Matcher m = pattern.matcher(s);
            StringBuilder sb = new StringBuilder();
            int last = 0;
            long n = 0;
            while ((count == 0 || n < count) && count >= 0 && m.find()) {
                sb.append(s, last, m.start());
                if (template != null) {
                    for (Object part : template) {
                        sb.append(part instanceof Integer g ? orEmpty(m.group(g)) : (String) part);
                    }
                } else {
                    long e = s.codePointCount(0, s.length());
                    sb.append(Py.str(site.call(repl, Args.of(new Match(this, s, m, 0, e)))));
                }
                last = m.end();
                n++;
            }
            sb.append(s, last, s.length());
            return withCount ? PyTuple.of(sb.toString(), n) : sb.toString();
        }

        /** A replacement template as literal strings and group numbers, parsed as Python does. */
        private List<Object> template(String repl) {
            List<Object> parts = new ArrayList<>();
            StringBuilder lit = new StringBuilder();
            for (int i = 0; i < repl.length(); i++) {
                char c = repl.charAt(i);
                if (c != '\\' || i + 1 >= repl.length()) {
                    lit.append(c);
                    continue;
                }
                int at = i;
                char d = repl.charAt(++i);
                Integer group = null;
                if (d == 'g') {
                    int close = repl.indexOf('>', i);
                    if (i + 1 >= repl.length() || repl.charAt(i + 1) != '<' || close < 0) {
                        throw new JinjaError("missing < at position " + (i + 1));
                    }
                    String name = repl.substring(i + 2, close);
                    group = name.chars().allMatch(Character::isDigit) && !name.isEmpty() ? Integer.valueOf(name)
                            : names.get(name);
                    if (group == null) {
                        throw new JinjaError("unknown group name " + Py.repr(name));
                    }
                    i = close;
                } else if (d >= '0' && d <= '9') {
                    String digits = repl.substring(i, Math.min(i + 3, repl.length()));
                    if (d == '0' || digits.length() == 3 && digits.chars().allMatch(ch -> ch >= '0' && ch <= '7')) {
                        int len = 1;
                        while (len < 3 && i + len < repl.length() && repl.charAt(i + len) >= '0'
                                && repl.charAt(i + len) <= '7') {
                            len++;
                        }
                        lit.append((char) Integer.parseInt(repl.substring(i, i + len), 8));
                        i += len - 1;
                        continue;
                    }
                    int len = i + 1 < repl.length() && Character.isDigit(repl.charAt(i + 1)) ? 2 : 1;
                    group = Integer.valueOf(repl.substring(i, i + len));
                    i += len - 1;
                } else {
                    String esc = switch (d) {
                        case 'n' -> "\n";
                        case 't' -> "\t";
                        case 'r' -> "\r";
                        case 'f' -> "\f";
                        case 'v' -> "\u000b";
                        case 'a' -> "\u0007";
                        case 'b' -> "\b";
                        case '\\' -> "\\";
                        default -> null;
                    };
                    if (esc == null && d < 128 && Character.isLetter(d)) {
                        throw new JinjaError("bad escape \\" + d + " at position " + at);
                    }
                    lit.append(esc == null ? "\\" + d : esc);
                    continue;
                }
                if (group > groups) {
                    throw new JinjaError("invalid group reference " + group + " at position " + (at + 1));
                }
                parts.add(lit.toString());
                lit.setLength(0);
                parts.add(group);
            }
            parts.add(lit.toString());
            return parts;
        }

        /** Python's split: captured groups are kept in the result; empty matches split too. */
        List<Object> split(String s, long maxsplit) {
            List<Object> out = new ArrayList<>();
            Matcher m = pattern.matcher(s);
            int last = 0;
            long n = 0;
            while (maxsplit >= 0 && (maxsplit == 0 || n < maxsplit) && m.find()) {
                out.add(s.substring(last, m.start()));
                for (int g = 1; g <= groups; g++) {
                    out.add(m.group(g));
                }
                last = m.end();
                n++;
            }
            out.add(s.substring(last));
            return out;
        }

        String flagText() {
            List<String> parts = new ArrayList<>();
            String[] flagNames = {"IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "", "VERBOSE", "", "ASCII"};
            long[] values = {IGNORECASE, LOCALE, MULTILINE, DOTALL, UNICODE, VERBOSE, 128, ASCII};
            for (int k = 0; k < values.length; k++) {
                if ((flags & values[k]) != 0 && !flagNames[k].isEmpty()) {
                    parts.add("re." + flagNames[k]);
                }
            }
            return String.join("|", parts);
        }

        @Override
        public String typeName() {
            return "Pattern";
        }

        @Override
        public String toString() {
            String f = flagText();
            return "re.compile(" + Py.repr(source) + (f.isEmpty() ? "" : ", " + f) + ")";
        }
    }

    /** A match: group(), groups(), groupdict(), start(), end(), span(), {@code m[1]}, {@code m['name']}. */
    static final class Match implements PyObject {
        private static final Set<String> MATCH_METHODS = Set.of("group", "groups", "groupdict", "start", "end",
                "span", "expand");
        private final Compiled re;
        private final String string;
        private final String[] groups;
        private final long[] starts;
        private final long[] ends;
        private final long pos;
        private final long endpos;

        Match(Compiled re, String string, Matcher m, long pos, long endpos) {
            this.re = re;
            this.string = string;
            this.pos = pos;
            this.endpos = endpos;
            int n = m.groupCount() + 1;
            groups = new String[n];
            starts = new long[n];
            ends = new long[n];
            boolean bmp = string.length() == string.codePointCount(0, string.length());
            for (int g = 0; g < n; g++) {
                groups[g] = m.group(g);
                starts[g] = m.start(g) < 0 || bmp ? m.start(g) : string.codePointCount(0, m.start(g));
                ends[g] = m.end(g) < 0 || bmp ? m.end(g) : string.codePointCount(0, m.end(g));
            }
        }

        private int index(Object g) {
            if (g instanceof CharSequence name) {
                Integer i = re.names.get(name.toString());
                if (i == null) {
                    throw new JinjaError("no such group");
                }
                return i;
            }
            long i = Py.isInt(g) || g instanceof Boolean ? PyNumbers.toLong(g) : -1;
            if (i < 0 || i >= groups.length) {
                throw new JinjaError("no such group");
            }
            return (int) i;
        }

        /** Python's lastindex: the matched group that closed last (outer before inner at the same end). */
        private Object lastIndex() {
            int best = -1;
            for (int g = 1; g < groups.length; g++) {
                if (groups[g] != null && (best < 0 || ends[g] > ends[best])) {
                    best = g;
                }
            }
            return best < 0 ? null : (Object) (long) best;
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "string" -> string;
                case "re" -> re;
                case "pos" -> pos;
                case "endpos" -> endpos;
                case "lastindex" -> lastIndex();
                case "lastgroup" -> {
                    Object last = lastIndex();
                    String found = null;
                    for (Map.Entry<String, Integer> e : re.names.entrySet()) {
                        if (last != null && e.getValue() == ((Long) last).intValue()) {
                            found = e.getKey();
                        }
                    }
                    yield found;
                }
                default -> MISSING;
            };
        }

        @Override
        public Object getItem(Object key) {
            return groups[index(key)];
        }

        @Override
        public Set<String> methods() {
            return MATCH_METHODS;
        }

        @Override
        public Object call(CallSite site, String method, Args a) {
            List<Object> pos = a.positional();
            Object g = pos.isEmpty() ? 0L : pos.get(0);
            switch (method) {
                case "group":
                    if (pos.size() <= 1) {
                        return groups[index(g)];
                    }
                    List<Object> picked = new ArrayList<>();
                    for (Object p : pos) {
                        picked.add(groups[index(p)]);
                    }
                    return PyTuple.copyOf(picked);
                case "groups": {
                    Object dflt = a.get(0, "default", null);
                    List<Object> out = new ArrayList<>();
                    for (int k = 1; k < groups.length; k++) {
                        out.add(groups[k] == null ? dflt : groups[k]);
                    }
                    return PyTuple.copyOf(out);
                }
                case "groupdict": {
                    Object dflt = a.get(0, "default", null);
                    Map<Object, Object> out = new LinkedHashMap<>();
                    re.names.forEach((k, v) -> out.put(k, groups[v] == null ? dflt : groups[v]));
                    return out;
                }
                case "start":
                    return starts[index(g)];
                case "end":
                    return ends[index(g)];
                case "span":
                    return PyTuple.of(starts[index(g)], ends[index(g)]);
                case "expand": {
                    StringBuilder sb = new StringBuilder();
                    for (Object part : re.template(text(a.require(0, "template", method)))) {
                        sb.append(part instanceof Integer k ? orEmpty(groups[k]) : (String) part);
                    }
                    return sb.toString();
                }
                default:
                    return MISSING;
            }
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }

        @Override
        public String typeName() {
            return "Match";
        }

        @Override
        public String toString() {
            return "<re.Match object; span=(" + starts[0] + ", " + ends[0] + "), match=" + Py.repr(groups[0]) + ">";
        }
    }
}
