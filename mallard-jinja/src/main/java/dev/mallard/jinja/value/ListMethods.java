package dev.mallard.jinja.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Python's list methods on the Java list a template holds, and the two tuple methods.
 * Mutating a list the host handed over read-only is an error rather than a silent copy.
 */
final class ListMethods {
    private ListMethods() {
    }

    @SuppressWarnings("unchecked")
    static Object lookup(List<?> target, String name) {
        if (target instanceof PyTuple) {
            return switch (name) {
                case "count" -> Methods.bind(target, name, 1, (site, a) -> count(target, a.require(0, "value", name)));
                case "index" -> Methods.bind(target, name, 3, (site, a) -> index(target, a, "tuple.index(x): x not in tuple"));
                default -> Py.NOT_FOUND;
            };
        }
        List<Object> list = (List<Object>) target;
        return switch (name) {
            case "append" -> mutator(list, name, 1, (site, a) -> {
                list.add(a.require(0, "object", name));
                return null;
            });
            case "extend" -> mutator(list, name, 1, (site, a) -> {
                list.addAll(Containers.toList(a.require(0, "iterable", name)));
                return null;
            });
            case "insert" -> mutator(list, name, 2, (site, a) -> {
                long i = Methods.integer(a.require(0, "index", name));
                Object item = a.require(1, "object", name);
                int size = list.size();
                i = i < 0 ? Math.max(0, i + size) : Math.min(i, size);
                list.add((int) i, item);
                return null;
            });
            case "pop" -> mutator(list, name, 1, (site, a) -> {
                if (list.isEmpty()) {
                    throw new JinjaError("pop from empty list");
                }
                long i = Methods.integer(a.get(0, "index", -1L));
                long at = i < 0 ? i + list.size() : i;
                if (at < 0 || at >= list.size()) {
                    throw new JinjaError("pop index out of range");
                }
                return list.remove((int) at);
            });
            case "remove" -> mutator(list, name, 1, (site, a) -> {
                int at = indexOf(list, a.require(0, "value", name), 0, list.size());
                if (at < 0) {
                    throw new JinjaError("list.remove(x): x not in list");
                }
                list.remove(at);
                return null;
            });
            case "index" -> Methods.bind(list, name, 3, (site, a) -> index(list, a, null));
            case "count" -> Methods.bind(list, name, 1, (site, a) -> count(list, a.require(0, "value", name)));
            case "reverse" -> mutator(list, name, 0, (site, a) -> {
                Collections.reverse(list);
                return null;
            });
            case "sort" -> Methods.bind(list, name, 0, Set.of("key", "reverse"), (site, a) -> {
                try {
                    sort(site, list, a.named().get("key"), Py.truthy(a.named().get("reverse")));
                } catch (UnsupportedOperationException e) {
                    throw new JinjaError("'list' object is read-only here: sort() cannot change it");
                }
                return null;
            });
            case "copy" -> Methods.bind(list, name, 0, (site, a) -> new ArrayList<>(list));
            case "clear" -> mutator(list, name, 0, (site, a) -> {
                list.clear();
                return null;
            });
            default -> Py.NOT_FOUND;
        };
    }

    private static PyCallable mutator(List<Object> list, String name, int maxArgs, PyCallable body) {
        return Methods.bind(list, name, maxArgs, (site, a) -> {
            try {
                return body.call(site, a);
            } catch (UnsupportedOperationException e) {
                throw new JinjaError("'list' object is read-only here: " + name + "() cannot change it");
            }
        });
    }

    private static long count(List<?> list, Object value) {
        return list.stream().filter(o -> Py.eq(o, value)).count();
    }

    private static int index(List<?> list, Args a, String tupleMessage) {
        Object value = a.require(0, "value", "index");
        int size = list.size();
        int start = bound(a.get(1, "start", 0L), size);
        int stop = bound(a.get(2, "stop", (long) size), size);
        int at = indexOf(list, value, start, stop);
        if (at < 0) {
            throw new JinjaError(tupleMessage != null ? tupleMessage : Py.repr(value) + " is not in list");
        }
        return at;
    }

    private static int bound(Object v, int size) {
        long i = Methods.integer(v);
        if (i < 0) {
            i = Math.max(0, i + size);
        }
        return (int) Math.min(i, size);
    }

    private static int indexOf(List<?> list, Object value, int start, int stop) {
        for (int i = start; i < stop; i++) {
            if (Py.eq(list.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    /** A stable sort by {@code <}, keys computed once, as Python's list.sort. */
    static void sort(CallSite site, List<Object> list, Object key, boolean reverse) {
        List<Object[]> decorated = new ArrayList<>(list.size());
        for (Object item : list) {
            decorated.add(new Object[] {key == null ? item : site.call(key, Args.of(item)), item});
        }
        Comparator<Object[]> order = (x, y) -> Py.compare(x[0], y[0], "<");
        decorated.sort(reverse ? order.reversed() : order);
        for (int i = 0; i < decorated.size(); i++) {
            list.set(i, decorated.get(i)[1]);
        }
    }
}
