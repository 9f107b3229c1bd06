package dev.mallard.jinja.value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's dict methods on the Java map a template holds. {@code keys()}, {@code values()}
 * and {@code items()} return lists (items as 2-tuples) rather than live views.
 */
final class DictMethods {
    private DictMethods() {
    }

    @SuppressWarnings("unchecked")
    static Object lookup(Map<?, ?> target, String name) {
        Map<Object, Object> map = (Map<Object, Object>) target;
        return switch (name) {
            case "keys" -> Methods.bind(map, name, 0, (site, a) -> new DictView(map, DictView.Kind.KEYS));
            case "values" -> Methods.bind(map, name, 0, (site, a) -> new DictView(map, DictView.Kind.VALUES));
            case "items" -> Methods.bind(map, name, 0, (site, a) -> new DictView(map, DictView.Kind.ITEMS));
            case "fromkeys" -> Methods.bind(map, name, 2, (site, a) -> fromkeys(a));
            case "get" -> Methods.bind(map, name, 2, (site, a) -> {
                Object key = Containers.dictKey(map, hashable(a.require(0, "key", name)));
                return key == Py.NOT_FOUND ? a.get(1, "default", null) : map.get(key);
            });
            case "pop" -> mutator(map, name, 2, (site, a) -> {
                Object wanted = hashable(a.require(0, "key", name));
                Object key = Containers.dictKey(map, wanted);
                if (key != Py.NOT_FOUND) {
                    return map.remove(key);
                }
                if (a.has(1, "default")) {
                    return a.find(1, "default");
                }
                throw new JinjaError(Py.repr(wanted));
            });
            case "popitem" -> mutator(map, name, 0, (site, a) -> {
                if (map.isEmpty()) {
                    throw new JinjaError("'popitem(): dictionary is empty'");
                }
                Map.Entry<Object, Object> last = null;
                for (Map.Entry<Object, Object> e : map.entrySet()) {
                    last = e;
                }
                PyTuple item = PyTuple.of(last.getKey(), last.getValue());
                map.remove(last.getKey());
                return item;
            });
            case "setdefault" -> mutator(map, name, 2, (site, a) -> {
                Object wanted = hashable(a.require(0, "key", name));
                Object key = Containers.dictKey(map, wanted);
                if (key != Py.NOT_FOUND) {
                    return map.get(key);
                }
                Object value = a.get(1, "default", null);
                map.put(wanted, value);
                return value;
            });
            case "update" -> Methods.bind(map, name, 1, null, (site, a) -> {
                try {
                    if (a.size() > 0) {
                        update(map, a.positional().get(0));
                    }
                    for (Map.Entry<String, Object> e : a.named().entrySet()) {
                        put(map, e.getKey(), e.getValue());
                    }
                } catch (UnsupportedOperationException e) {
                    throw new JinjaError("'dict' object is read-only here: update() cannot change it");
                }
                return null;
            });
            case "copy" -> Methods.bind(map, name, 0, (site, a) -> new LinkedHashMap<>(map));
            case "clear" -> mutator(map, name, 0, (site, a) -> {
                map.clear();
                return null;
            });
            default -> Py.NOT_FOUND;
        };
    }

    /** {@code dict.fromkeys(iterable, value=None)}. */
    static Map<Object, Object> fromkeys(Args a) {
        Map<Object, Object> out = new LinkedHashMap<>();
        Object value = a.get(1, "value", null);
        for (Object key : Containers.iterate(a.require(0, "iterable", "fromkeys"))) {
            put(out, hashable(key), value);
        }
        return out;
    }

    /** {@code dict.update(other)}: a mapping, or an iterable of key/value pairs. */
    static void update(Map<Object, Object> map, Object other) {
        if (other instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                put(map, e.getKey(), e.getValue());
            }
            return;
        }
        if (other instanceof Undefined u) {
            throw u.error();
        }
        int index = 0;
        for (Object pair : iterable(other)) {
            List<Object> kv;
            if (pair instanceof List<?> || pair instanceof CharSequence) {
                kv = Containers.toList(pair);
            } else {
                throw new JinjaError("cannot convert dictionary update sequence element #" + index + " to a sequence");
            }
            if (kv.size() != 2) {
                throw new JinjaError("dictionary update sequence element #" + index + " has length " + kv.size()
                        + "; 2 is required");
            }
            put(map, hashable(kv.get(0)), kv.get(1));
            index++;
        }
    }

    private static Iterable<?> iterable(Object v) {
        if (v instanceof Iterable<?> || v instanceof CharSequence) {
            return Containers.iterate(v);
        }
        throw new JinjaError("'" + Py.typeName(v) + "' object is not iterable");
    }

    private static void put(Map<Object, Object> map, Object key, Object value) {
        Object existing = Containers.dictKey(map, key);
        map.put(existing == Py.NOT_FOUND ? key : existing, value);
    }

    /** Python refuses lists, dicts and sets as keys. */
    static Object hashable(Object key) {
        if ((key instanceof List<?> && !(key instanceof PyTuple)) || key instanceof Map<?, ?>
                || key instanceof java.util.Set<?>) {
            throw new JinjaError("unhashable type: '" + Py.typeName(key) + "'");
        }
        return key instanceof CharSequence cs && !(key instanceof String) ? cs.toString() : key;
    }

    private static PyCallable mutator(Map<Object, Object> map, String name, int maxArgs, PyCallable body) {
        return Methods.bind(map, name, maxArgs, (site, a) -> {
            try {
                return body.call(site, a);
            } catch (UnsupportedOperationException e) {
                throw new JinjaError("'dict' object is read-only here: " + name + "() cannot change it");
            }
        });
    }
}
