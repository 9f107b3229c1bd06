package dev.mallard.jinja.value;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Python's set methods on the Java set a template holds; membership follows Python's equality. */
final class SetMethods {
    private SetMethods() {
    }

    @SuppressWarnings("unchecked")
    static Object lookup(Set<?> target, String name) {
        Set<Object> set = (Set<Object>) target;
        return switch (name) {
            case "add" -> mutator(set, name, 1, (site, a) -> {
                add(set, a.require(0, "elem", name));
                return null;
            });
            case "update" -> mutator(set, name, Integer.MAX_VALUE, (site, a) -> {
                for (Object other : a.positional()) {
                    for (Object o : Containers.iterate(other)) {
                        add(set, o);
                    }
                }
                return null;
            });
            case "remove" -> mutator(set, name, 1, (site, a) -> {
                Object elem = a.require(0, "elem", name);
                if (!discard(set, elem)) {
                    throw new JinjaError(Py.repr(elem));
                }
                return null;
            });
            case "discard" -> mutator(set, name, 1, (site, a) -> {
                discard(set, a.require(0, "elem", name));
                return null;
            });
            case "pop" -> mutator(set, name, 0, (site, a) -> {
                Iterator<Object> it = set.iterator();
                if (!it.hasNext()) {
                    throw new JinjaError("'pop from an empty set'");
                }
                Object first = it.next();
                it.remove();
                return first;
            });
            case "clear" -> mutator(set, name, 0, (site, a) -> {
                set.clear();
                return null;
            });
            case "copy" -> Methods.bind(set, name, 0, (site, a) -> new LinkedHashSet<>(set));
            case "union" -> Methods.bind(set, name, Integer.MAX_VALUE, (site, a) -> {
                Set<Object> out = new LinkedHashSet<>(set);
                for (Object other : a.positional()) {
                    for (Object o : Containers.iterate(other)) {
                        add(out, o);
                    }
                }
                return out;
            });
            case "intersection" -> Methods.bind(set, name, Integer.MAX_VALUE, (site, a) -> {
                Set<Object> out = new LinkedHashSet<>(set);
                for (Object other : a.positional()) {
                    List<Object> items = Containers.toList(other);
                    out.removeIf(o -> !containsEq(items, o));
                }
                return out;
            });
            case "difference" -> Methods.bind(set, name, Integer.MAX_VALUE, (site, a) -> {
                Set<Object> out = new LinkedHashSet<>(set);
                for (Object other : a.positional()) {
                    List<Object> items = Containers.toList(other);
                    out.removeIf(o -> containsEq(items, o));
                }
                return out;
            });
            case "symmetric_difference" -> Methods.bind(set, name, 1, (site, a) -> {
                List<Object> items = Containers.toList(a.require(0, "other", name));
                Set<Object> out = new LinkedHashSet<>();
                for (Object o : set) {
                    if (!containsEq(items, o)) {
                        out.add(o);
                    }
                }
                for (Object o : items) {
                    if (!containsEq(set, o)) {
                        add(out, o);
                    }
                }
                return out;
            });
            case "issubset" -> Methods.bind(set, name, 1, (site, a) -> {
                List<Object> items = Containers.toList(a.require(0, "other", name));
                return set.stream().allMatch(o -> containsEq(items, o));
            });
            case "issuperset" -> Methods.bind(set, name, 1, (site, a) ->
                    Containers.toList(a.require(0, "other", name)).stream().allMatch(o -> containsEq(set, o)));
            case "isdisjoint" -> Methods.bind(set, name, 1, (site, a) ->
                    Containers.toList(a.require(0, "other", name)).stream().noneMatch(o -> containsEq(set, o)));
            default -> Py.NOT_FOUND;
        };
    }

    private static boolean containsEq(Iterable<?> items, Object value) {
        for (Object o : items) {
            if (Py.eq(o, value)) {
                return true;
            }
        }
        return false;
    }

    private static void add(Set<Object> set, Object value) {
        DictMethods.hashable(value);
        if (!containsEq(set, value)) {
            set.add(value);
        }
    }

    private static boolean discard(Set<Object> set, Object value) {
        Iterator<Object> it = set.iterator();
        while (it.hasNext()) {
            if (Py.eq(it.next(), value)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private static PyCallable mutator(Set<Object> set, String name, int maxArgs, PyCallable body) {
        return Methods.bind(set, name, maxArgs, (site, a) -> {
            try {
                return body.call(site, a);
            } catch (UnsupportedOperationException e) {
                throw new JinjaError("'set' object is read-only here: " + name + "() cannot change it");
            }
        });
    }
}
