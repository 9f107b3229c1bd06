package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.PyCallable;
import java.util.Map;
import java.util.Set;

/**
 * A class of the module: callable as its constructor, with class attributes
 * ({@code datetime.max}) and class methods ({@code datetime.now()}).
 */
final class PyType implements PyObject, PyCallable {
    private final String name;
    private final PyCallable constructor;
    private final Map<String, Object> attributes;
    private final Map<String, PyCallable> classMethods;

    PyType(String name, PyCallable constructor, Map<String, Object> attributes,
           Map<String, PyCallable> classMethods) {
        this.name = name;
        this.constructor = constructor;
        this.attributes = Map.copyOf(attributes);
        this.classMethods = Map.copyOf(classMethods);
    }

    @Override
    public Object call(CallSite site, Args args) {
        return constructor.call(site, args);
    }

    @Override
    public Object attribute(String attr) {
        return attributes.getOrDefault(attr, MISSING);
    }

    @Override
    public Set<String> methods() {
        return classMethods.keySet();
    }

    @Override
    public Object call(CallSite site, String method, Args args) {
        PyCallable m = classMethods.get(method);
        return m == null ? MISSING : m.call(site, args);
    }

    @Override
    public String typeName() {
        return "type";
    }

    @Override
    public String toString() {
        return "<class '" + name + "'>";
    }
}
