package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyChars;
import dev.mallard.jinja.value.PyObject;
import dev.mallard.jinja.value.PyTuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code pprint} filter: Python's {@code pprint.pformat} (width 80, indent 1, dicts sorted),
 * which keeps a value's repr on one line when it fits and otherwise puts one item per line.
 */
final class Pprint {
    private static final int WIDTH = 80;
    private final StringBuilder out = new StringBuilder();

    private Pprint() {
    }

    static String pformat(Object value) {
        Pprint p = new Pprint();
        p.format(value, 0, 0, 0);
        return p.out.toString();
    }

    private static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    /** pprint's _safe_repr: like repr, but dict items sorted. */
    private static String repr(Object v) {
        if (v instanceof Map<?, ?> m && !(v instanceof PyObject)) {
            if (m.isEmpty()) {
                return "{}";
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<?, ?> e : sortedItems(m)) {
                parts.add(repr(e.getKey()) + ": " + repr(e.getValue()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l && !(v instanceof GroupTuple) && !(v instanceof PyObject)) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                parts.add(repr(o));
            }
            if (v instanceof PyTuple) {
                return "(" + String.join(", ", parts) + (l.size() == 1 ? ",)" : ")");
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return Py.repr(v);
    }

    /** pprint's _safe_key: Python's order, else by type name, so mixed types still sort. */
    private static final Comparator<Object> SAFE_ORDER = (a, b) -> {
        try {
            return Py.compare(a, b, "<");
        } catch (JinjaError e) {
            return ("<class '" + Py.typeName(a) + "'>").compareTo("<class '" + Py.typeName(b) + "'>");
        }
    };

    private static List<Map.Entry<?, ?>> sortedItems(Map<?, ?> m) {
        List<Map.Entry<?, ?>> items = new ArrayList<>(m.entrySet());
        items.sort((x, y) -> SAFE_ORDER.compare(x.getKey(), y.getKey()));
        return items;
    }

    private void format(Object v, int indent, int allowance, int level) {
        String rep = repr(v);
        if (len(rep) > WIDTH - indent - allowance && !(v instanceof PyObject)) {
            if (v instanceof Map<?, ?> m) {
                dict(m, indent, allowance, level + 1);
                return;
            }
            if (v instanceof PyTuple t) {
                String end = t.size() == 1 ? ",)" : ")";
                out.append('(');
                items(t, indent, allowance + end.length(), level + 1);
                out.append(end);
                return;
            }
            if (v instanceof List<?> l) {
                out.append('[');
                items(l, indent, allowance + 1, level + 1);
                out.append(']');
                return;
            }
            if (v instanceof Set<?> s && !s.isEmpty()) {
                List<Object> sorted = new ArrayList<>(s);
                sorted.sort(SAFE_ORDER);
                out.append('{');
                items(sorted, indent, allowance + 1, level + 1);
                out.append('}');
                return;
            }
            if (v instanceof CharSequence s && s.length() > 0) {
                str(s.toString(), indent, allowance, level + 1);
                return;
            }
        }
        out.append(rep);
    }

    private void dict(Map<?, ?> m, int indent, int allowance, int level) {
        out.append('{');
        List<Map.Entry<?, ?>> items = sortedItems(m);
        int inner = indent + 1;
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            String keyRepr = repr(items.get(i).getKey());
            out.append(keyRepr).append(": ");
            format(items.get(i).getValue(), inner + len(keyRepr) + 2, last ? allowance + 1 : 1, level);
            if (!last) {
                out.append(",\n").append(" ".repeat(inner));
            }
        }
        out.append('}');
    }

    private void items(List<?> items, int indent, int allowance, int level) {
        int inner = indent + 1;
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            if (i > 0) {
                out.append(",\n").append(" ".repeat(inner));
            }
            format(items.get(i), inner, last ? allowance : 1, level);
        }
    }

    private void str(String s, int indent, int allowance, int level) {
        List<String> chunks = new ArrayList<>();
        List<String> lines = splitlinesKeepends(s);
        if (level == 1) {
            indent += 1;
            allowance += 1;
        }
        int maxWidth = WIDTH - indent;
        int maxWidth1 = maxWidth;
        String rep = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            rep = Py.repr(line);
            boolean lastLine = i == lines.size() - 1;
            if (lastLine) {
                maxWidth1 -= allowance;
            }
            if (len(rep) <= maxWidth1) {
                chunks.add(rep);
                continue;
            }
            List<String> parts = spaceRuns(line);
            int maxWidth2 = maxWidth;
            String current = "";
            for (int j = 0; j < parts.size(); j++) {
                String candidate = current + parts.get(j);
                if (j == parts.size() - 1 && lastLine) {
                    maxWidth2 -= allowance;
                }
                if (len(Py.repr(candidate)) > maxWidth2) {
                    if (!current.isEmpty()) {
                        chunks.add(Py.repr(current));
                    }
                    current = parts.get(j);
                } else {
                    current = candidate;
                }
            }
            if (!current.isEmpty()) {
                chunks.add(Py.repr(current));
            }
        }
        if (chunks.size() == 1) {
            out.append(rep);
            return;
        }
        if (level == 1) {
            out.append('(');
        }
        for (int i = 0; i < chunks.size(); i++) {
            if (i > 0) {
                out.append('\n').append(" ".repeat(indent));
            }
            out.append(chunks.get(i));
        }
        if (level == 1) {
            out.append(')');
        }
    }

    /** {@code re.findall(r'\S*\s*', line)} without the empty last match. */
    private static List<String> spaceRuns(String line) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            int start = i;
            while (i < line.length() && !PyChars.isSpace(line.codePointAt(i))) {
                i += Character.charCount(line.codePointAt(i));
            }
            while (i < line.length() && PyChars.isSpace(line.codePointAt(i))) {
                i += Character.charCount(line.codePointAt(i));
            }
            parts.add(line.substring(start, i));
        }
        return parts;
    }

    private static List<String> splitlinesKeepends(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (PyChars.isLineBreak(cp)) {
                if (cp == '\r' && next < s.length() && s.charAt(next) == '\n') {
                    next++;
                }
                lines.add(s.substring(start, next));
                start = next;
            }
            i = next;
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }
}
