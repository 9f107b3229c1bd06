package dev.mallard.jinja.value;

import java.util.List;
import java.util.Map;

/**
 * Python's {@code str.format} and {@code str.format_map}: {@code {}}, {@code {0}}, {@code {name}},
 * {@code {x.attr}}, {@code {x[0]}}, conversions {@code !r !s !a}, nested fields in the spec,
 * and the format-spec mini-language ({@link FormatSpec}).
 */
final class StrFormat {
    private final CallSite site;
    private final List<Object> positional;
    private final Object mapping;
    private final boolean escape;
    private int auto;
    private boolean manual;

    private StrFormat(CallSite site, List<Object> positional, Object mapping, boolean escape) {
        this.site = site;
        this.positional = positional;
        this.mapping = mapping;
        this.escape = escape;
    }

    static String format(CallSite site, String template, Args args) {
        return new StrFormat(site, args.positional(), args.named(), false).render(template, 2);
    }

    static String formatMap(CallSite site, String template, Object mapping) {
        return new StrFormat(site, List.of(), mapping, false).render(template, 2);
    }

    /** Markup's format: each field's text escaped unless the value is Markup itself. */
    static String formatEscaped(CallSite site, String template, Args args) {
        return new StrFormat(site, args.positional(), args.named(), true).render(template, 2);
    }

    static String formatMapEscaped(CallSite site, String template, Object mapping) {
        return new StrFormat(site, List.of(), mapping, true).render(template, 2);
    }

    private String render(String template, int depth) {
        if (depth < 0) {
            throw new JinjaError("Max string recursion exceeded");
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < n && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < n && template.charAt(i + 1) == '}') {
                out.append('}');
                i += 2;
            } else if (c == '}') {
                throw new JinjaError("Single '}' encountered in format string");
            } else if (c == '{') {
                if (i + 1 >= n) {
                    throw new JinjaError("Single '{' encountered in format string");
                }
                int close = closingBrace(template, i);
                out.append(field(template.substring(i + 1, close), depth));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int closingBrace(String s, int open) {
        int depth = 0;
        boolean inBracket = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[' && depth == 1) {
                inBracket = true;
            } else if (c == ']') {
                inBracket = false;
            } else if (c == '{' && !inBracket) {
                depth++;
            } else if (c == '}' && !inBracket && --depth == 0) {
                return i;
            }
        }
        throw new JinjaError("expected '}' before end of string");
    }

    private String field(String field, int depth) {
        int end = 0;
        boolean inBracket = false;
        while (end < field.length()) {
            char c = field.charAt(end);
            if (c == '[') {
                inBracket = true;
            } else if (c == ']') {
                inBracket = false;
            } else if (!inBracket && (c == ':' || c == '!')) {
                break;
            }
            end++;
        }
        String name = field.substring(0, end);
        char conversion = 0;
        String spec = "";
        if (end < field.length() && field.charAt(end) == '!') {
            if (end + 1 >= field.length()) {
                throw new JinjaError("end of string while looking for conversion specifier");
            }
            conversion = field.charAt(end + 1);
            end += 2;
            if (end < field.length() && field.charAt(end) != ':') {
                throw new JinjaError("expected ':' after conversion specifier");
            }
        }
        if (end < field.length()) {
            spec = field.substring(end + 1);
        }
        Object value = resolve(name);
        value = switch (conversion) {
            case 0 -> value;
            case 's' -> Py.str(value);
            case 'r' -> Py.repr(value);
            case 'a' -> ascii(Py.repr(value));
            default -> throw new JinjaError("Unknown conversion specifier " + conversion);
        };
        if (spec.indexOf('{') >= 0) {
            spec = render(spec, depth - 1);
        }
        if (!escape) {
            return FormatSpec.format(value, spec);
        }
        if (value instanceof Markup m) {
            if (!spec.isEmpty()) {
                throw new JinjaError("Unsupported format specification for Markup.");
            }
            return m.toString();
        }
        return Markup.escapeText(FormatSpec.format(value, spec));
    }

    private Object resolve(String name) {
        int end = 0;
        while (end < name.length() && name.charAt(end) != '.' && name.charAt(end) != '[') {
            end++;
        }
        String head = name.substring(0, end);
        Object value;
        if (head.isEmpty()) {
            if (manual) {
                throw new JinjaError("cannot switch from manual field specification to automatic field numbering");
            }
            value = positional(auto++);
        } else if (head.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            if (auto > 0) {
                throw new JinjaError("cannot switch from automatic field numbering to manual field specification");
            }
            manual = true;
            value = positional(Integer.parseInt(head));
        } else {
            value = item(mapping, head);
        }
        int i = end;
        while (i < name.length()) {
            if (name.charAt(i) == '.') {
                int j = i + 1;
                while (j < name.length() && name.charAt(j) != '.' && name.charAt(j) != '[') {
                    j++;
                }
                String attr = name.substring(i + 1, j);
                if (attr.isEmpty()) {
                    throw new JinjaError("Empty attribute in format string");
                }
                value = attribute(value, attr);
                i = j;
            } else if (name.charAt(i) == '[') {
                int close = name.indexOf(']', i);
                if (close < 0) {
                    throw new JinjaError("Missing ']' in format string");
                }
                String key = name.substring(i + 1, close);
                if (key.isEmpty()) {
                    throw new JinjaError("Empty attribute in format string");
                }
                boolean digits = key.chars().allMatch(ch -> ch >= '0' && ch <= '9');
                value = item(value, digits ? (Object) Long.parseLong(key) : key);
                i = close + 1;
            } else {
                throw new JinjaError("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return value;
    }

    private Object positional(int index) {
        if (index >= positional.size()) {
            // dbt's sandbox formats with string.Formatter, whose positional lookup is a plain tuple index
            throw new JinjaError("tuple index out of range");
        }
        return positional.get(index);
    }

    /** Jinja2's sandbox formats with the environment's getattr: a missing attribute is Undefined. */
    private Object attribute(Object value, String name) {
        if (site != null) {
            return site.getAttr(value, name);
        }
        Object found = Methods.lookup(value, name);
        if (found == Py.NOT_FOUND) {
            throw new JinjaError("'" + Py.typeName(value) + "' object has no attribute '" + name + "'");
        }
        return found;
    }

    private Object item(Object value, Object key) {
        if (site != null && value != mapping) {
            return site.getItem(value, key);
        }
        if (value instanceof Map<?, ?> m) {
            Object k = Containers.dictKey(m, key);
            if (k == Py.NOT_FOUND) {
                throw new JinjaError(Py.repr(key));
            }
            return m.get(k);
        }
        if (value instanceof PyObject o) {
            Object v = o.getItem(key);
            if (v != Py.NOT_FOUND) {
                return v;
            }
            throw new JinjaError(Py.repr(key));
        }
        if (value instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError("'" + Py.typeName(value) + "' object is not subscriptable");
    }

    /** Python's ascii(): the repr with non-ASCII characters escaped. */
    static String ascii(String repr) {
        StringBuilder sb = new StringBuilder(repr.length());
        repr.codePoints().forEach(cp -> {
            if (cp < 128) {
                sb.append((char) cp);
            } else if (cp <= 0xff) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        });
        return sb.toString();
    }
}
