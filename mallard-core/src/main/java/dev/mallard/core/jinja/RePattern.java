package dev.mallard.core.jinja;

import static dev.mallard.core.jinja.ReModule.ASCII;
import static dev.mallard.core.jinja.ReModule.DOTALL;
import static dev.mallard.core.jinja.ReModule.IGNORECASE;
import static dev.mallard.core.jinja.ReModule.LOCALE;
import static dev.mallard.core.jinja.ReModule.MULTILINE;
import static dev.mallard.core.jinja.ReModule.UNICODE;
import static dev.mallard.core.jinja.ReModule.VERBOSE;
import static dev.mallard.core.jinja.ReModule.count;
import static dev.mallard.core.jinja.ReModule.text;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyTuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A compiled pattern ({@code re.compile(...)}), with the module's functions as methods. */
final class RePattern implements PyObject {
    private static final Set<String> PATTERN_METHODS = Set.of("match", "search", "fullmatch", "findall",
            "finditer", "sub", "subn", "split");
    private final Pattern pattern;
    private final String source;
    private final long flags;
    private final int groups;
    private final Map<String, Integer> names;

    RePattern(Pattern pattern, String source, long flags, int groups, Map<String, Integer> names) {
        this.pattern = pattern;
        this.source = source;
        this.flags = flags;
        this.groups = groups;
        this.names = names;
    }

    /** Group numbers by group name. */
    Map<String, Integer> names() {
        return names;
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
                return m.lookingAt() ? new ReMatch(this, s, m, p, e) : null;
            case "search":
                return m.find() ? new ReMatch(this, s, m, p, e) : null;
            case "fullmatch":
                m.useAnchoringBounds(true);
                return m.matches() ? new ReMatch(this, s, m, p, e) : null;
            case "finditer": {
                List<Object> out = new ArrayList<>();
                while (m.find()) {
                    out.add(new ReMatch(this, s, m, p, e));
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

    static String orEmpty(String s) {
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
                sb.append(Py.str(site.call(repl, Args.of(new ReMatch(this, s, m, 0, e)))));
            }
            last = m.end();
            n++;
        }
        sb.append(s, last, s.length());
        return withCount ? PyTuple.of(sb.toString(), n) : sb.toString();
    }

    /** A replacement template as literal strings and group numbers, parsed as Python does. */
    List<Object> template(String repl) {
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
