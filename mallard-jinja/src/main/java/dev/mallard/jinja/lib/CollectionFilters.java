package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.Arithmetic;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.DictView;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Markup;
import dev.mallard.jinja.value.Methods;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyIterator;
import dev.mallard.jinja.value.PyObject;
import dev.mallard.jinja.value.PyRange;
import dev.mallard.jinja.value.PyTuple;
import dev.mallard.jinja.value.Undefined;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Jinja2's filters that take items out of a sequence or reshape it: first, last, random,
 * length, list, join, batch, slice, reverse, items, sum, plus default, attr and pprint.
 * Where Jinja2 returns a generator, so does this ({@link PyIterator}).
 */
final class CollectionFilters {
    private CollectionFilters() {
    }

    static void register(Library lib) {
        Filter length = (site, v, a) -> {
            Params.bind(a, "len");
            return (long) Containers.len(v);
        };
        lib.filter("length", length);
        lib.filter("count", length);
        Filter fallback = (site, v, a) -> {
            Params p = Params.bind(a, "do_default", "default_value", "boolean");
            return v instanceof Undefined || (p.bool(1, false) && !Py.truthy(v)) ? p.get(0, "") : v;
        };
        lib.filter("default", fallback);
        lib.filter("d", fallback);
        lib.filter("first", (site, v, a) -> {
            Params.bind(a, "do_first");
            Iterator<?> it = Containers.iterate(v).iterator();
            return it.hasNext() ? it.next() : empty(site, "No first item, sequence was empty.");
        });
        lib.filter("last", (site, v, a) -> {
            Params.bind(a, "do_last");
            List<Object> items = reversible(v);
            return items.isEmpty() ? empty(site, "No last item, sequence was empty.") : items.get(items.size() - 1);
        });
        lib.filter("random", (site, v, a) -> {
            Params.bind(a, "do_random");
            return random(site, v);
        });
        lib.filter("list", (site, v, a) -> {
            Params.bind(a, "do_list");
            return Containers.toList(v);
        });
        lib.filter("join", (site, v, a) -> {
            Params p = Params.bind(a, "do_join", "d", "attribute");
            return join(site, v, Py.str(p.get(0, "")), p.get(1, null));
        });
        lib.filter("batch", (site, v, a) -> {
            Params p = Params.bind(a, "do_batch", "linecount", "fill_with");
            long size = Params.integer(p.require(0, "do_batch", "linecount"));
            Object fill = p.get(1, null);
            return PyIterator.generator("do_batch", () -> batch(v, size, fill).iterator());
        });
        lib.filter("slice", (site, v, a) -> {
            Params p = Params.bind(a, "do_slice", "slices", "fill_with");
            long slices = Params.integer(p.require(0, "do_slice", "slices"));
            Object fill = p.get(1, null);
            return PyIterator.generator("sync_do_slice", () -> slice(v, slices, fill).iterator());
        });
        lib.filter("reverse", (site, v, a) -> {
            Params.bind(a, "do_reverse");
            return reverse(v);
        });
        lib.filter("items", (site, v, a) -> {
            Params.bind(a, "do_items");
            return PyIterator.generator("do_items", () -> {
                if (v instanceof Undefined) {
                    return Collections.emptyIterator();
                }
                if (!(v instanceof Map<?, ?> m)) {
                    throw new JinjaError("Can only get item pairs from a mapping.");
                }
                List<Object> pairs = new ArrayList<>(m.size());
                m.forEach((key, value) -> pairs.add(PyTuple.of(key, value)));
                return pairs.iterator();
            });
        });
        lib.filter("sum", (site, v, a) -> {
            Params p = Params.bind(a, "do_sum", "attribute", "start");
            return sum(site, v, p.get(0, null), p.get(1, 0L));
        });
        lib.filter("attr", (site, v, a) -> {
            Params p = Params.bind(a, "do_attr", "name");
            return attr(site, v, Py.str(p.require(0, "do_attr", "name")));
        });
        lib.filter("pprint", (site, v, a) -> {
            Params.bind(a, "do_pprint");
            return Pprint.pformat(v);
        });
    }

    static Undefined empty(CallSite site, String hint) {
        return Undefined.hint(hint, site.lenientUndefined());
    }

    /** The items {@code reversed()} would visit backwards; a TypeError for what Python cannot reverse. */
    private static List<Object> reversible(Object v) {
        if (v instanceof List<?> || v instanceof CharSequence || v instanceof Map<?, ?> || v instanceof Undefined
                || v instanceof PyRange || v instanceof DictView) {
            return Containers.toList(v);
        }
        throw new JinjaError("'" + Py.typeName(v) + "' object is not reversible");
    }

    private static Object random(CallSite site, Object v) {
        if (v instanceof Undefined || v instanceof List<?> || v instanceof CharSequence || v instanceof Map<?, ?>
                || v instanceof PyRange) {
            int n = Containers.len(v);
            if (n == 0) {
                return empty(site, "No random item, sequence was empty.");
            }
            int i = ThreadLocalRandom.current().nextInt(n);
            if (v instanceof Map<?, ?> m) {
                Object key = Containers.dictKey(m, (long) i);
                if (key == Py.NOT_FOUND) {
                    throw new JinjaError(String.valueOf(i));
                }
                return m.get(key);
            }
            return Containers.toList(v).get(i);
        }
        if (v instanceof java.util.Set<?>) {
            throw new JinjaError("'set' object is not subscriptable");
        }
        throw new JinjaError("object of type '" + Py.typeName(v) + "' has no len()");
    }

    static String join(CallSite site, Object value, String separator, Object attribute) {
        UnaryOperator<Object> getter = attribute == null ? UnaryOperator.identity()
                : Attributes.getter(site, attribute, false, null);
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Object item : Containers.iterate(value)) {
            if (!first) {
                sb.append(separator);
            }
            first = false;
            sb.append(Py.str(getter.apply(item)));
        }
        return sb.toString();
    }

    private static List<Object> batch(Object value, long size, Object fill) {
        List<Object> out = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        for (Object item : Containers.iterate(value)) {
            if (current.size() == size) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(item);
        }
        if (!current.isEmpty()) {
            if (fill != null) {
                while (current.size() < size) {
                    current.add(fill);
                }
            }
            out.add(current);
        }
        return out;
    }

    private static List<Object> slice(Object value, long slices, Object fill) {
        List<Object> seq = Containers.toList(value);
        if (slices == 0) {
            throw new JinjaError("integer division or modulo by zero");
        }
        long length = seq.size();
        long perSlice = Math.floorDiv(length, slices);
        long withExtra = Math.floorMod(length, slices);
        long offset = 0;
        List<Object> out = new ArrayList<>();
        for (long n = 0; n < slices; n++) {
            long start = offset + n * perSlice;
            if (n < withExtra) {
                offset++;
            }
            long end = offset + (n + 1) * perSlice;
            List<Object> part = new ArrayList<>(seq.subList(clamp(start, length), Math.max(clamp(start, length),
                    clamp(end, length))));
            if (fill != null && n >= withExtra) {
                part.add(fill);
            }
            out.add(part);
        }
        return out;
    }

    private static int clamp(long i, long length) {
        return (int) Math.max(0, Math.min(i < 0 ? i + length : i, length));
    }

    private static Object reverse(Object v) {
        if (v instanceof CharSequence s) {
            String reversed = new StringBuilder(s.toString()).reverse().toString();
            return v instanceof Markup ? new Markup(reversed) : reversed;
        }
        String type = v instanceof PyTuple ? "reversed" : v instanceof List<?> ? "list_reverseiterator"
                : v instanceof Map<?, ?> ? "dict_reversekeyiterator" : v instanceof Undefined ? "reversed"
                : v instanceof PyRange ? "range_iterator" : v instanceof DictView view ? reverseViewType(view) : null;
        if (type != null) {
            return new PyIterator(type, null, () -> {
                List<Object> items = Containers.toList(v);
                Collections.reverse(items);
                return items.iterator();
            });
        }
        if (v instanceof Iterable<?>) {
            List<Object> items = Containers.toList(v);
            Collections.reverse(items);
            return items;
        }
        throw new JinjaError("argument must be iterable");
    }

    private static String reverseViewType(DictView view) {
        return switch (view.kind()) {
            case KEYS -> "dict_reversekeyiterator";
            case VALUES -> "dict_reversevalueiterator";
            case ITEMS -> "dict_reverseitemiterator";
        };
    }

    static Object sum(CallSite site, Object iterable, Object attribute, Object start) {
        if (start instanceof CharSequence) {
            throw new JinjaError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        UnaryOperator<Object> getter = attribute == null ? UnaryOperator.identity()
                : Attributes.getter(site, attribute, false, null);
        Object total = start;
        for (Object item : Containers.iterate(iterable)) {
            total = Arithmetic.add(total, getter.apply(item));
        }
        return total;
    }

    /** {@code obj|attr(name)}: Python's getattr only, never the item of the same name. */
    private static Object attr(CallSite site, Object obj, String name) {
        if (obj instanceof Undefined u) {
            throw u.error();
        }
        Object found = obj instanceof PyObject o ? o.getAttr(name) : Py.NOT_FOUND;
        if (found == Py.NOT_FOUND) {
            found = Methods.lookup(obj, name);
        }
        if (found == Py.NOT_FOUND) {
            return Undefined.member(obj, name, site.lenientUndefined());
        }
        return found;
    }
}
