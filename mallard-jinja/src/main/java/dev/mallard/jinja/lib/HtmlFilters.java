package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Markup;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyChars;
import dev.mallard.jinja.value.PyObject;
import dev.mallard.jinja.value.Undefined;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's filters for HTML and URLs. Autoescaping is off, as dbt configures it, yet
 * {@code escape}, {@code safe} and {@code tojson} still return markupsafe's {@link Markup},
 * while {@code xmlattr} and {@code urlize} return plain text.
 */
final class HtmlFilters {
    private HtmlFilters() {
    }

    static void register(Library lib) {
        Filter escape = (site, v, a) -> {
            Params.bind(a, "escape");
            return Markup.escape(v);
        };
        lib.filter("escape", escape);
        lib.filter("e", escape);
        lib.filter("forceescape", (site, v, a) -> {
            Params.bind(a, "do_forceescape");
            return Markup.escape(html(v));
        });
        lib.filter("striptags", (site, v, a) -> {
            Params.bind(a, "do_striptags");
            return Markup.striptags(html(v));
        });
        lib.filter("safe", (site, v, a) -> {
            Params.bind(a, "do_mark_safe");
            return Markup.of(v);
        });
        lib.filter("urlencode", (site, v, a) -> {
            Params.bind(a, "do_urlencode");
            return urlencode(v);
        });
        lib.filter("xmlattr", (site, v, a) -> {
            Params p = Params.bind(a, "do_xmlattr", "autospace");
            return xmlattr(v, p.bool(0, true));
        });
        lib.filter("urlize", (site, v, a) -> {
            Params p = Params.bind(a, "do_urlize", "trim_url_limit", "nofollow", "target", "rel", "extra_schemes");
            Object limit = p.get(0, null);
            Object target = p.get(2, null);
            Object rel = p.get(3, null);
            Object schemes = p.get(4, null);
            return Urlize.urlize(v, limit == null ? -1 : Params.integer(limit), p.bool(1, false),
                    target == null ? null : Py.str(target), rel == null ? null : Py.str(rel),
                    schemes == null ? List.of() : Containers.toList(schemes));
        });
        lib.filter("tojson", (site, v, a) -> {
            Params p = Params.bind(a, "do_tojson", "indent");
            return new Markup(Json.htmlSafe(v, p.get(0, null)));
        });
    }

    /** The text of a value, through its {@code __html__} when it has one. */
    static String html(Object v) {
        if (v instanceof PyObject o) {
            Object html = o.getAttr("__html__");
            if (html != Py.NOT_FOUND) {
                return Py.str(html);
            }
        }
        return Py.str(v);
    }

    /** {@code str.split()}: the runs of non-whitespace. */
    static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && PyChars.isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            int start = i;
            while (i < s.length() && !PyChars.isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            if (i > start) {
                words.add(s.substring(start, i));
            }
        }
        return words;
    }

    static String urlencode(Object value) {
        if (value instanceof CharSequence || !(value instanceof Iterable<?> || value instanceof Map<?, ?>
                || value instanceof Undefined)) {
            return quote(Py.str(value), false);
        }
        List<String> parts = new ArrayList<>();
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                parts.add(quote(Py.str(e.getKey()), true) + "=" + quote(Py.str(e.getValue()), true));
            }
        } else {
            for (Object pair : Containers.iterate(value)) {
                List<Object> kv = Containers.toList(pair);
                if (kv.size() != 2) {
                    throw new JinjaError(kv.size() < 2 ? "not enough values to unpack (expected 2, got "
                            + kv.size() + ")" : "too many values to unpack (expected 2)");
                }
                parts.add(quote(Py.str(kv.get(0)), true) + "=" + quote(Py.str(kv.get(1)), true));
            }
        }
        return String.join("&", parts);
    }

    /** Jinja2's url_quote: UTF-8 percent-encoding; "/" kept in paths, spaces as "+" in queries. */
    static String quote(String s, boolean forQuery) {
        StringBuilder sb = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                    || c == '-' || c == '~' || (c == '/' && !forQuery)) {
                sb.append((char) c);
            } else if (c == ' ' && forQuery) {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    private static String xmlattr(Object value, boolean autospace) {
        if (!(value instanceof Map<?, ?> d)) {
            if (value instanceof Undefined u) {
                throw u.error();
            }
            throw new JinjaError("'" + Py.typeName(value) + "' object has no attribute 'items'");
        }
        List<String> items = new ArrayList<>();
        for (Map.Entry<?, ?> e : d.entrySet()) {
            Object v = e.getValue();
            if (v == null || v instanceof Undefined) {
                continue;
            }
            if (!(e.getKey() instanceof CharSequence)) {
                throw new JinjaError("expected string or bytes-like object, got '" + Py.typeName(e.getKey()) + "'");
            }
            String key = e.getKey().toString();
            if (key.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
                    || c == 0x0b || c == '/' || c == '>' || c == '=')) {
                throw new JinjaError("Invalid character in attribute name: " + Py.repr(e.getKey()));
            }
            items.add(Markup.escape(key) + "=\"" + Markup.escape(v) + "\"");
        }
        String rv = String.join(" ", items);
        return autospace && !rv.isEmpty() ? " " + rv : rv;
    }
}
