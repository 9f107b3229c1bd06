package dev.mallard.jinja.value;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jinja2's {@code namespace()}: an object whose attributes can be assigned from inside
 * loops and blocks ({@code {% set ns.total = ns.total + 1 %}}).
 */
public final class Namespace implements PyObject, MutableAttrs {
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    /** A namespace holding {@code initial}'s entries. */
    public Namespace(Map<String, Object> initial) {
        attributes.putAll(initial);
    }

    public Namespace() {
    }

    @Override
    public Object getAttr(String name) {
        return attributes.containsKey(name) ? attributes.get(name) : Py.NOT_FOUND;
    }

    /** Jinja2 falls back from {@code ns['x']} to the attribute; this answers the same. */
    @Override
    public Object getItem(Object key) {
        return key instanceof CharSequence s ? getAttr(s.toString()) : Py.NOT_FOUND;
    }

    /** Assigns an attribute, as {@code {% set ns.name = value %}} does. */
    @Override
    public void setAttr(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public String typeName() {
        return "Namespace";
    }

    @Override
    public String toString() {
        return "<Namespace " + Py.repr(attributes) + ">";
    }
}
