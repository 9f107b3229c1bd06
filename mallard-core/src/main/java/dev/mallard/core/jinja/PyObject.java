package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import java.util.Set;

/**
 * A dbt context object ({@code adapter}, {@code exceptions}, {@code modules.datetime}, a
 * relation, ...): attributes plus named methods, seen by templates as a Jinja object whose
 * methods are callables bound to it.
 */
interface PyObject extends dev.mallard.jinja.value.PyObject {
    /** Returned by {@link #attribute} and {@link #call} for names the object does not have. */
    Object MISSING = Py.NOT_FOUND;

    default Object attribute(String name) {
        return MISSING;
    }

    /** The method names {@link #call} answers. */
    default Set<String> methods() {
        return Set.of();
    }

    default Object call(CallSite site, String method, Args args) {
        return MISSING;
    }

    @Override
    default Object getAttr(String name) {
        Object v = attribute(name);
        if (v != MISSING) {
            return v;
        }
        if (methods().contains(name)) {
            return (PyCallable) (site, args) -> call(site, name, args);
        }
        return MISSING;
    }
}
