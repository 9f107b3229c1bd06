package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python's {@code re} module basics: search, match, fullmatch, sub, findall, split, compile,
 * and the IGNORECASE/MULTILINE/DOTALL flags. Python's pattern and replacement syntax
 * ({@code (?P<name>...)}, {@code \1}, {@code \g<name>}) is translated to Java's.
 */
final class ReModule implements PyObject {

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "I", "IGNORECASE" -> (long) Pattern.CASE_INSENSITIVE;
            case "M", "MULTILINE" -> (long) Pattern.MULTILINE;
            case "S", "DOTALL" -> (long) Pattern.DOTALL;
            case "X", "VERBOSE" -> (long) Pattern.COMMENTS;
            default -> MISSING;
        };
    }

    @Override
    public Object call(String method, DbtFunctions.Args a) {
        if ("compile".equals(method)) {
            return new CompiledPattern(compile(a.get(0, "pattern"), a.get(1, "flags")));
        }
        if ("escape".equals(method)) {
            return String.valueOf(a.get(0, "pattern")).replaceAll("([^A-Za-z0-9_])", "\\\\$1");
        }
        int flagsAt = "sub".equals(method) ? 4 : "split".equals(method) ? 3 : 2;
        Pattern p = compile(a.get(0, "pattern"), a.get(flagsAt, "flags"));
        return apply(p, method, shift(a));
    }

    private static DbtFunctions.Args shift(DbtFunctions.Args a) {
        List<Object> rest = a.positional().isEmpty() ? List.of() : a.positional().subList(1, a.positional().size());
        return new DbtFunctions.Args(new ArrayList<>(rest), a.named());
    }

    static Object apply(Pattern p, String method, DbtFunctions.Args a) {
        switch (method) {
            case "search": {
                Matcher m = p.matcher(String.valueOf(a.get(0, "string")));
                return m.find() ? new MatchObject(m) : null;
            }
            case "match": {
                Matcher m = p.matcher(String.valueOf(a.get(0, "string")));
                return m.lookingAt() ? new MatchObject(m) : null;
            }
            case "fullmatch": {
                Matcher m = p.matcher(String.valueOf(a.get(0, "string")));
                return m.matches() ? new MatchObject(m) : null;
            }
            case "sub": {
                Matcher m = p.matcher(String.valueOf(a.get(1, "string")));
                String repl = replacement(String.valueOf(a.get(0, "repl")));
                long count = a.has(2, "count") ? PyTypes.toLong(a.get(2, "count")) : 0;
                StringBuilder sb = new StringBuilder();
                long n = 0;
                while ((count == 0 || n < count) && m.find()) {
                    m.appendReplacement(sb, repl);
                    n++;
                }
                m.appendTail(sb);
                return sb.toString();
            }
            case "findall": {
                Matcher m = p.matcher(String.valueOf(a.get(0, "string")));
                List<Object> out = new ArrayList<>();
                while (m.find()) {
                    if (m.groupCount() == 0) {
                        out.add(m.group());
                    } else if (m.groupCount() == 1) {
                        out.add(m.group(1));
                    } else {
                        out.add(DataFunctions.tuple(MatchObject.groups(m)));
                    }
                }
                return out;
            }
            case "split": {
                List<Object> out = new ArrayList<>();
                for (String s : p.split(String.valueOf(a.get(0, "string")), -1)) {
                    out.add(s);
                }
                return out;
            }
            default:
                return MISSING;
        }
    }

    private static Pattern compile(Object pattern, Object flags) {
        String py = String.valueOf(pattern).replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        try {
            return Pattern.compile(py, flags == null ? 0 : (int) PyTypes.toLong(flags));
        } catch (PatternSyntaxException e) {
            throw new MallardException(ErrorCode.JINJA, "re: bad pattern " + PyStr.repr(pattern) + ": "
                    + e.getDescription());
        }
    }

    /** Python's \1 and \g<name> become Java's $1 and ${name}; a literal $ is escaped. */
    private static String replacement(String repl) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < repl.length(); i++) {
            char c = repl.charAt(i);
            if (c == '$') {
                sb.append("\\$");
            } else if (c == '\\' && i + 1 < repl.length()) {
                char n = repl.charAt(i + 1);
                if (Character.isDigit(n)) {
                    sb.append('$').append(n);
                    i++;
                } else if (n == 'g' && repl.startsWith("<", i + 2)) {
                    int close = repl.indexOf('>', i);
                    String g = repl.substring(i + 3, close);
                    sb.append(g.chars().allMatch(Character::isDigit) ? "$" + g : "${" + g + "}");
                    i = close;
                } else if (n == 'n') {
                    sb.append('\n');
                    i++;
                } else if (n == 't') {
                    sb.append('\t');
                    i++;
                } else {
                    sb.append("\\\\");
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code re.compile(...)}: the same methods, with the pattern bound. */
    record CompiledPattern(Pattern pattern) implements PyObject {
        @Override
        public Object call(String method, DbtFunctions.Args a) {
            return apply(pattern, method, a);
        }

        @Override
        public Object attribute(String name) {
            return "pattern".equals(name) ? pattern.pattern() : MISSING;
        }
    }

    /** A match: group(n or name), groups(), start(), end(), span(). */
    static final class MatchObject implements PyObject {
        private final String[] groups;
        private final int[] starts;
        private final int[] ends;
        private final Matcher named;

        MatchObject(Matcher m) {
            int n = m.groupCount() + 1;
            groups = new String[n];
            starts = new int[n];
            ends = new int[n];
            for (int i = 0; i < n; i++) {
                groups[i] = m.group(i);
                starts[i] = m.start(i);
                ends[i] = m.end(i);
            }
            named = m;
        }

        static List<Object> groups(Matcher m) {
            List<Object> out = new ArrayList<>();
            for (int i = 1; i <= m.groupCount(); i++) {
                out.add(m.group(i));
            }
            return out;
        }

        @Override
        public Object call(String method, DbtFunctions.Args a) {
            Object g = a.positional().isEmpty() ? 0 : a.positional().get(0);
            int i = g instanceof Number num ? num.intValue() : -1;
            return switch (method) {
                case "group" -> i >= 0 ? groups[i] : named.group(String.valueOf(g));
                case "groups" -> {
                    List<Object> out = new ArrayList<>();
                    for (int k = 1; k < groups.length; k++) {
                        out.add(groups[k]);
                    }
                    yield DataFunctions.tuple(out);
                }
                case "start" -> starts[Math.max(i, 0)];
                case "end" -> ends[Math.max(i, 0)];
                case "span" -> DataFunctions.tuple(new ArrayList<>(List.of(starts[Math.max(i, 0)], ends[Math.max(i, 0)])));
                default -> MISSING;
            };
        }

        @Override
        public String toString() {
            return "<re.Match object; span=(" + starts[0] + ", " + ends[0] + "), match=" + PyStr.repr(groups[0]) + ">";
        }
    }
}
