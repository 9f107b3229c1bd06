package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Python's list and dict methods, on Java lists and maps. */
final class PyCollectionMethods {
    private PyCollectionMethods() {
    }

    @SuppressWarnings("unchecked")
    static Object callList(List<?> target, String method, DbtFunctions.Args a) {
        List<Object> list = (List<Object>) target;
        try {
            switch (method) {
                case "append": list.add(a.get(0, "object")); return null;
                case "extend": list.addAll(PyTypes.items(a.get(0, "iterable"))); return null;
                case "insert": {
                    int i = (int) PyTypes.toLong(a.get(0, "index"));
                    i = i < 0 ? Math.max(0, list.size() + i) : Math.min(i, list.size());
                    list.add(i, a.get(1, "object"));
                    return null;
                }
                case "pop": {
                    if (list.isEmpty()) {
                        throw error("IndexError: pop from empty list");
                    }
                    int i = a.has(0, "index") ? (int) PyTypes.toLong(a.get(0, "index")) : -1;
                    return list.remove(i < 0 ? list.size() + i : i);
                }
                case "remove": {
                    int at = indexOf(list, a.get(0, "value"));
                    if (at < 0) {
                        throw error("ValueError: list.remove(x): x not in list");
                    }
                    list.remove(at);
                    return null;
                }
                case "index": {
                    int at = indexOf(list, a.get(0, "value"));
                    if (at < 0) {
                        throw error("ValueError: " + PyStr.repr(a.get(0, "value")) + " is not in list");
                    }
                    return at;
                }
                case "count": return list.stream().filter(o -> PyCompare.equal(o, a.get(0, "value"))).count();
                case "sort": {
                    Comparator<Object> order = PyCompare::compare;
                    list.sort(PyTypes.truthy(a.named().get("reverse")) ? order.reversed() : order);
                    return null;
                }
                case "reverse": Collections.reverse(list); return null;
                case "copy": return new ArrayList<>(list);
                case "clear": list.clear(); return null;
                default: return PyStringMethods.NOT_HANDLED;
            }
        } catch (UnsupportedOperationException e) {
            throw error("this list cannot be changed (a tuple or a read-only value): " + method + "()");
        }
    }

    @SuppressWarnings("unchecked")
    static Object callDict(Map<?, ?> target, String method, DbtFunctions.Args a) {
        Map<Object, Object> map = (Map<Object, Object>) target;
        try {
            switch (method) {
                case "items": {
                    List<Object> out = new ArrayList<>(map.size());
                    map.entrySet().forEach(e -> out.add(new PyPair(e.getKey(), e.getValue())));
                    return out;
                }
                case "keys": return new ArrayList<>(map.keySet());
                case "values": return new ArrayList<>(map.values());
                case "get": {
                    Object key = a.get(0, "key");
                    return map.containsKey(key) ? map.get(key) : a.get(1, "default");
                }
                case "update": {
                    for (Object p : a.positional()) {
                        if (p instanceof Map<?, ?> other) {
                            map.putAll(other);
                        } else {
                            for (Object pair : PyTypes.items(p)) {
                                List<Object> kv = PyTypes.items(pair);
                                map.put(kv.get(0), kv.get(1));
                            }
                        }
                    }
                    map.putAll(a.named());
                    return null;
                }
                case "pop": {
                    Object key = a.get(0, "key");
                    if (map.containsKey(key)) {
                        return map.remove(key);
                    }
                    if (a.has(1, "default")) {
                        return a.get(1, "default");
                    }
                    throw error("KeyError: " + PyStr.repr(key));
                }
                case "setdefault": {
                    Object key = a.get(0, "key");
                    if (!map.containsKey(key)) {
                        map.put(key, a.get(1, "default"));
                    }
                    return map.get(key);
                }
                case "copy": return new LinkedHashMap<>(map);
                case "clear": map.clear(); return null;
                case "has_key": return map.containsKey(a.get(0, "key"));
                default: return PyStringMethods.NOT_HANDLED;
            }
        } catch (UnsupportedOperationException e) {
            throw error("this dict cannot be changed (a read-only value): " + method + "()");
        }
    }

    private static int indexOf(List<Object> list, Object value) {
        for (int i = 0; i < list.size(); i++) {
            if (PyCompare.equal(list.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    private static MallardException error(String message) {
        return new MallardException(ErrorCode.JINJA, message);
    }

    /** A dict item: a 2-tuple that also unpacks in {@code for k, v in d.items()}. */
    static final class PyPair extends java.util.AbstractList<Object> implements Map.Entry<Object, Object> {
        private final Object key;
        private final Object value;

        PyPair(Object key, Object value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public Object get(int index) {
            return switch (index) {
                case 0, -2 -> key;
                case 1, -1 -> value;
                default -> throw new IndexOutOfBoundsException(index);
            };
        }

        @Override
        public int size() {
            return 2;
        }

        @Override
        public Object getKey() {
            return key;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public Object setValue(Object v) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof List<?> l && l.size() == 2 && Objects.equals(key, l.get(0)) && Objects.equals(value, l.get(1));
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, value);
        }

        @Override
        public String toString() {
            return "(" + PyStr.repr(key) + ", " + PyStr.repr(value) + ")";
        }
    }
}
