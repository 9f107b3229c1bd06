package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.Arithmetic;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Markup;
import dev.mallard.jinja.value.Methods;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyChars;
import dev.mallard.jinja.value.PyTuple;
import dev.mallard.jinja.value.Undefined;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/** Jinja2's filters on text: case, padding, trimming, truncation, indentation, formatting. */
final class TextFilters {
    private TextFilters() {
    }

    static void register(Library lib) {
        lib.filter("lower", (site, v, a) -> {
            Params.bind(a, "do_lower");
            return strMethod(site, v, "lower", Args.EMPTY);
        });
        lib.filter("upper", (site, v, a) -> {
            Params.bind(a, "do_upper");
            return strMethod(site, v, "upper", Args.EMPTY);
        });
        lib.filter("capitalize", (site, v, a) -> {
            Params.bind(a, "do_capitalize");
            return strMethod(site, v, "capitalize", Args.EMPTY);
        });
        lib.filter("title", (site, v, a) -> {
            Params.bind(a, "do_title");
            return title(Py.str(v));
        });
        lib.filter("center", (site, v, a) -> {
            Params p = Params.bind(a, "do_center", "width");
            return strMethod(site, v, "center", Args.of(p.get(0, 80L)));
        });
        lib.filter("trim", (site, v, a) -> {
            Params p = Params.bind(a, "do_trim", "chars");
            return strMethod(site, v, "strip", Args.of(p.get(0, null)));
        });
        lib.filter("replace", (site, v, a) -> {
            Params p = Params.bind(a, "do_replace", "old", "new", "count");
            Object count = p.get(2, null);
            return strMethod(site, Py.str(v), "replace", Args.of(Py.str(p.require(0, "do_replace", "old")),
                    Py.str(p.require(1, "do_replace", "new")), count == null ? -1L : count));
        });
        lib.filter("string", (site, v, a) -> {
            Params.bind(a, "soft_str");
            return v instanceof CharSequence ? v : Py.str(v);
        });
        lib.filter("format", TextFilters::format);
        lib.filter("truncate", TextFilters::truncate);
        lib.filter("indent", TextFilters::indent);
        lib.filter("wordcount", (site, v, a) -> {
            Params.bind(a, "do_wordcount");
            return wordcount(Py.str(v));
        });
        lib.filter("wordwrap", (site, v, a) -> {
            Params p = Params.bind(a, "do_wordwrap", "width", "break_long_words", "wrapstring", "break_on_hyphens");
            String s = requireStr(v, "splitlines");
            Object wrapstring = p.get(2, null);
            return WordWrap.wrap(s, (int) p.integer(0, 79), p.bool(1, true),
                    wrapstring == null ? "\n" : Py.str(wrapstring), p.bool(3, true));
        });
    }

    /**
     * Calls the str method on {@code soft_str(value)}, as Jinja2's filters do: a str (or Markup,
     * whose methods keep it Markup) as it is, anything else converted with str().
     */
    static Object strMethod(CallSite site, Object value, String name, Args args) {
        Object s = value instanceof CharSequence ? value : Py.str(value);
        return ((PyCallable) Methods.lookup(s, name)).call(site, args);
    }

    /** A value a str-only operation needs: Undefined raises, other types are an AttributeError. */
    static String requireStr(Object v, String attribute) {
        if (v instanceof CharSequence cs) {
            return cs.toString();
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError("'" + Py.typeName(v) + "' object has no attribute '" + attribute + "'");
    }

    /** Jinja2's title: each run after {@code -}, whitespace or an opening bracket starts a word. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int start = i;
            boolean separator = isTitleSeparator(s.codePointAt(i));
            while (i < s.length() && isTitleSeparator(s.codePointAt(i)) == separator) {
                i += Character.charCount(s.codePointAt(i));
            }
            String item = s.substring(start, i);
            int first = item.codePointAt(0);
            out.append(PyChars.upper(first)).append(item.substring(Character.charCount(first)).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static boolean isTitleSeparator(int cp) {
        return cp == '-' || cp == '(' || cp == '{' || cp == '[' || cp == '<' || PyChars.isSpace(cp);
    }

    static long wordcount(String s) {
        long count = 0;
        boolean inWord = false;
        for (int cp : s.codePoints().toArray()) {
            boolean word = PyChars.isWord(cp);
            if (word && !inWord) {
                count++;
            }
            inWord = word;
        }
        return count;
    }

    private static Object format(CallSite site, Object value, Args a) {
        if (!a.positional().isEmpty() && !a.named().isEmpty()) {
            throw new JinjaError("can't handle positional and keyword arguments at the same time");
        }
        Object s = value instanceof CharSequence ? value : Py.str(value);
        Object args = a.named().isEmpty() ? PyTuple.copyOf(a.positional()) : new LinkedHashMap<>(a.named());
        return Arithmetic.mod(s, args);
    }

    private static Object truncate(CallSite site, Object s, Args a) {
        Params p = Params.bind(a, "do_truncate", "length", "killwords", "end", "leeway");
        long length = p.integer(0, 255);
        boolean killwords = p.bool(1, false);
        String end = Py.str(p.get(2, "..."));
        Object leewayArg = p.get(3, null);
        long leeway = leewayArg == null ? 5 : Params.integer(leewayArg);
        int endLength = end.codePointCount(0, end.length());
        if (length < endLength) {
            throw new JinjaError("expected length >= " + endLength + ", got " + length);
        }
        if (leeway < 0) {
            throw new JinjaError("expected leeway >= 0, got " + leeway);
        }
        if (Containers.len(s) <= length + leeway) {
            return s;
        }
        if (!(s instanceof CharSequence)) {
            throw new JinjaError("can only concatenate " + Py.typeName(s) + " (not \"str\") to " + Py.typeName(s));
        }
        String text = s.toString();
        String head = text.substring(0, text.offsetByCodePoints(0, (int) (length - endLength)));
        if (!killwords) {
            int space = head.lastIndexOf(' ');
            head = space < 0 ? head : head.substring(0, space);
        }
        // Markup's slices stay Markup, and Markup + str escapes the str
        return s instanceof Markup ? Arithmetic.add(new Markup(head), end) : head + end;
    }

    private static Object indent(CallSite site, Object value, Args a) {
        Params p = Params.bind(a, "do_indent", "width", "first", "blank");
        Object width = p.get(0, 4L);
        String indention = width instanceof CharSequence cs ? cs.toString()
                : " ".repeat((int) Math.max(0, Params.integer(width)));
        if (!(value instanceof CharSequence)) {
            if (value instanceof Undefined u) {
                throw u.error();
            }
            throw new JinjaError("unsupported operand type(s) for +=: '" + Py.typeName(value) + "' and 'str'");
        }
        String s = value + "\n";
        @SuppressWarnings("unchecked")
        List<Object> lines = (List<Object>) strMethod(site, s, "splitlines", Args.EMPTY);
        boolean markup = value instanceof Markup;
        StringBuilder rv = new StringBuilder();
        if (p.bool(2, false)) {
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    rv.append('\n').append(indention);
                }
                rv.append(lines.get(i));
            }
        } else {
            rv.append(lines.get(0));
            for (int i = 1; i < lines.size(); i++) {
                String line = (String) lines.get(i);
                rv.append('\n');
                if (!line.isEmpty()) {
                    rv.append(indention);
                }
                rv.append(line);
            }
        }
        String result = p.bool(1, false) ? indention + rv : rv.toString();
        return markup ? new Markup(result) : result;
    }
}
