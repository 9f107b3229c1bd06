package dev.mallard.jinja.value;

/**
 * markupsafe's Markup: text already safe for HTML, as the {@code escape}, {@code safe} and
 * {@code tojson} filters return it even with autoescaping off. A str to every operation, but
 * it prints as {@code Markup('...')} in a repr, is not escaped again, and escapes plain text
 * combined with it ({@code +}, {@code %}, {@code join}, {@code format}).
 */
public final class Markup extends StrSubclass {
    public Markup(String text) {
        super(text);
    }

    /** {@code Markup(value)}: the value's text, trusted as it is. */
    public static Markup of(Object value) {
        if (value instanceof Markup m) {
            return m;
        }
        if (value instanceof PyObject o) {
            Object html = o.getAttr("__html__");
            if (html != Py.NOT_FOUND) {
                return new Markup(Py.str(html));
            }
        }
        return new Markup(Py.str(value));
    }

    /** markupsafe's {@code escape}: Markup stays as it is; anything else is escaped text. */
    public static Markup escape(Object value) {
        if (value instanceof Markup m) {
            return m;
        }
        if (value instanceof PyObject o) {
            Object html = o.getAttr("__html__");
            if (html != Py.NOT_FOUND) {
                return new Markup(Py.str(html));
            }
        }
        return new Markup(escapeText(Py.str(value)));
    }

    /** {@code & < > " '} as the entities markupsafe writes. */
    public static String escapeText(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&#34;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * markupsafe's {@code striptags}: comments and tags removed in one pass (an unclosed one
     * ends the removal), whitespace collapsed, entities decoded.
     */
    public static String striptags(String value) {
        StringBuilder parts = new StringBuilder();
        int pos = 0;
        int start;
        while ((start = value.indexOf('<', pos)) >= 0) {
            int end;
            if (value.startsWith("<!--", start)) {
                end = value.indexOf("-->", start + 4);
                if (end < 0) {
                    break;
                }
                end += 3;
            } else {
                end = value.indexOf('>', start);
                if (end < 0) {
                    break;
                }
                end += 1;
            }
            parts.append(value, pos, start);
            pos = end;
        }
        if (pos > 0) {
            value = parts.append(value, pos, value.length()).toString();
        }
        return unescape(String.join(" ", StrSplit.splitWhitespace(value, Long.MAX_VALUE).stream()
                .map(Object::toString).toList()));
    }

    /** Python's {@code html.unescape}, as markupsafe's {@code unescape} uses it. */
    public static String unescape(String s) {
        return HtmlEntities.unescape(s);
    }
}
