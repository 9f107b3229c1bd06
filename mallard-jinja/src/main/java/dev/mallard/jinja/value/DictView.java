package dev.mallard.jinja.value;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;

/**
 * What {@code d.keys()}, {@code d.values()} and {@code d.items()} return: a live view of the
 * dict that iterates its keys, values or (key, value) tuples and prints as
 * {@code dict_items([('a', 1)])}. Not a list, as in Python.
 */
public final class DictView extends AbstractCollection<Object> implements PyObject {
    /** Which part of the entries the view shows. */
    public enum Kind { KEYS, VALUES, ITEMS }

    private final Map<?, ?> map;
    private final Kind kind;

    public DictView(Map<?, ?> map, Kind kind) {
        this.map = map;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public Iterator<Object> iterator() {
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Object next() {
                Map.Entry<?, ?> e = entries.next();
                return switch (kind) {
                    case KEYS -> e.getKey();
                    case VALUES -> e.getValue();
                    case ITEMS -> PyTuple.of(e.getKey(), e.getValue());
                };
            }
        };
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean contains(Object o) {
        if (kind == Kind.KEYS) {
            return Containers.dictKey(map, o) != Py.NOT_FOUND;
        }
        for (Object item : this) {
            if (Py.eq(item, o)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String typeName() {
        return switch (kind) {
            case KEYS -> "dict_keys";
            case VALUES -> "dict_values";
            case ITEMS -> "dict_items";
        };
    }

    /** Keys and items views equal views with the same members; a values view only itself. */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (kind == Kind.VALUES || !(o instanceof DictView v) || v.kind != kind || v.size() != size()) {
            return false;
        }
        for (Object item : v) {
            if (!contains(item)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return typeName() + "(" + Py.repr(new ArrayList<>(this)) + ")";
    }
}
