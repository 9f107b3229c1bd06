package dev.mallard.core.jinja;

import static dev.mallard.core.jinja.ReModule.text;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.PyTuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/** A match: group(), groups(), groupdict(), start(), end(), span(), {@code m[1]}, {@code m['name']}. */
final class ReMatch implements PyObject {
    private static final Set<String> MATCH_METHODS = Set.of("group", "groups", "groupdict", "start", "end",
            "span", "expand");
    private final RePattern re;
    private final String string;
    private final String[] groups;
    private final long[] starts;
    private final long[] ends;
    private final long pos;
    private final long endpos;

    ReMatch(RePattern re, String string, Matcher m, long pos, long endpos) {
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
            Integer i = re.names().get(name.toString());
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
                for (Map.Entry<String, Integer> e : re.names().entrySet()) {
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
                re.names().forEach((k, v) -> out.put(k, groups[v] == null ? dflt : groups[v]));
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
                    sb.append(part instanceof Integer k ? RePattern.orEmpty(groups[k]) : (String) part);
                }
                return sb.toString();
            }
            default:
                return MISSING;
        }
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
