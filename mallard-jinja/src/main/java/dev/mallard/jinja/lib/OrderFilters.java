package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyIterator;
import dev.mallard.jinja.value.PyTuple;
import dev.mallard.jinja.value.Undefined;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Jinja2's filters that compare items: sort, dictsort, unique, min, max, groupby. Strings
 * compare case-insensitively unless {@code case_sensitive} is set; sorts are stable.
 */
final class OrderFilters {
    private OrderFilters() {
    }

    static void register(Library lib) {
        lib.filter("sort", (site, v, a) -> {
            Params p = Params.bind(a, "do_sort", "reverse", "case_sensitive", "attribute");
            UnaryOperator<Object> key = Attributes.multiGetter(site, p.get(2, null), !p.bool(1, false));
            return sorted(Containers.toList(v), key, p.bool(0, false));
        });
        lib.filter("dictsort", (site, v, a) -> {
            Params p = Params.bind(a, "do_dictsort", "case_sensitive", "by", "reverse");
            return dictsort(v, p.bool(0, false), p.get(1, "key"), p.bool(2, false));
        });
        lib.filter("unique", (site, v, a) -> {
            Params p = Params.bind(a, "do_unique", "case_sensitive", "attribute");
            UnaryOperator<Object> key = Attributes.getter(site, p.get(1, null), !p.bool(0, false), null);
            return PyIterator.generator("sync_do_unique", () -> unique(v, key));
        });
        lib.filter("min", (site, v, a) -> {
            Params p = Params.bind(a, "do_min", "case_sensitive", "attribute");
            return extreme(site, v, Attributes.getter(site, p.get(1, null), !p.bool(0, false), null), false);
        });
        lib.filter("max", (site, v, a) -> {
            Params p = Params.bind(a, "do_max", "case_sensitive", "attribute");
            return extreme(site, v, Attributes.getter(site, p.get(1, null), !p.bool(0, false), null), true);
        });
        lib.filter("groupby", (site, v, a) -> {
            Params p = Params.bind(a, "do_groupby", "attribute", "default", "case_sensitive");
            return groupby(site, v, p.require(0, "do_groupby", "attribute"), p.get(1, null), p.bool(2, false));
        });
    }

    /** Python's {@code sorted(items, key=key, reverse=reverse)}: stable, keys compared with {@code <}. */
    static List<Object> sorted(List<Object> items, UnaryOperator<Object> key, boolean reverse) {
        List<Object[]> decorated = new ArrayList<>(items.size());
        for (Object item : items) {
            decorated.add(new Object[] {key.apply(item), item});
        }
        Comparator<Object[]> order = (x, y) -> Py.compare(x[0], y[0], "<");
        decorated.sort(reverse ? order.reversed() : order);
        List<Object> out = new ArrayList<>(items.size());
        for (Object[] d : decorated) {
            out.add(d[1]);
        }
        return out;
    }

    private static List<Object> dictsort(Object value, boolean caseSensitive, Object by, boolean reverse) {
        int pos;
        if (Py.eq(by, "key")) {
            pos = 0;
        } else if (Py.eq(by, "value")) {
            pos = 1;
        } else {
            throw new JinjaError("You can only sort by either \"key\" or \"value\"");
        }
        if (!(value instanceof Map<?, ?> m)) {
            if (value instanceof Undefined u) {
                throw u.error();
            }
            throw new JinjaError("'" + Py.typeName(value) + "' object has no attribute 'items'");
        }
        List<Object> items = new ArrayList<>(m.size());
        m.forEach((k, v) -> items.add(PyTuple.of(k, v)));
        return sorted(items, item -> {
            Object v = ((PyTuple) item).get(pos);
            return caseSensitive ? v : Attributes.lower(v);
        }, reverse);
    }

    private static Iterator<Object> unique(Object value, UnaryOperator<Object> key) {
        Iterator<?> items = Containers.iterate(value).iterator();
        Set<Object> seen = new HashSet<>();
        return new Iterator<>() {
            private Object next;
            private boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready && items.hasNext()) {
                    Object item = items.next();
                    if (seen.add(hashKey(key.apply(item)))) {
                        next = item;
                        ready = true;
                    }
                }
                return ready;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                ready = false;
                return next;
            }
        };
    }

    /** A value as a Java set member with Python's hash equality (1 == 1.0 == True); lists refused. */
    static Object hashKey(Object v) {
        if (v instanceof Undefined) {
            return Undefined.class;
        }
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 63 ? (Object) b.longValue() : b;
        }
        if (v instanceof PyTuple t) {
            List<Object> keys = new ArrayList<>(t.size());
            for (Object o : t) {
                keys.add(hashKey(o));
            }
            return new TupleKey(keys);
        }
        if (v instanceof List<?> || v instanceof Map<?, ?> || v instanceof Set<?>) {
            throw new JinjaError("unhashable type: '" + Py.typeName(v) + "'");
        }
        return Containers.key(v);
    }

    private record TupleKey(List<Object> items) {
    }

    private static Object extreme(CallSite site, Object value, UnaryOperator<Object> key, boolean max) {
        Iterator<?> it = Containers.iterate(value).iterator();
        if (!it.hasNext()) {
            return CollectionFilters.empty(site, "No aggregated item, sequence was empty.");
        }
        Object best = it.next();
        Object bestKey = key.apply(best);
        while (it.hasNext()) {
            Object item = it.next();
            Object k = key.apply(item);
            boolean better = max ? Py.compare(k, bestKey, ">") > 0 : Py.compare(k, bestKey, "<") < 0;
            if (better) {
                best = item;
                bestKey = k;
            }
        }
        return best;
    }

    private static List<Object> groupby(CallSite site, Object value, Object attribute, Object fallback,
                                        boolean caseSensitive) {
        UnaryOperator<Object> key = Attributes.getter(site, attribute, !caseSensitive, fallback);
        List<Object> sorted = sorted(Containers.toList(value), key, false);
        List<Object> out = new ArrayList<>();
        Object currentKey = null;
        List<Object> group = null;
        for (Object item : sorted) {
            Object k = key.apply(item);
            if (group == null || !Py.eq(k, currentKey)) {
                if (group != null) {
                    out.add(new GroupTuple(currentKey, group));
                }
                currentKey = k;
                group = new ArrayList<>();
            }
            group.add(item);
        }
        if (group != null) {
            out.add(new GroupTuple(currentKey, group));
        }
        if (!caseSensitive) {
            UnaryOperator<Object> original = Attributes.getter(site, attribute, false, fallback);
            List<Object> renamed = new ArrayList<>(out.size());
            for (Object g : out) {
                @SuppressWarnings("unchecked")
                List<Object> items = (List<Object>) ((GroupTuple) g).get(1);
                renamed.add(new GroupTuple(original.apply(items.get(0)), items));
            }
            return renamed;
        }
        return out;
    }
}
