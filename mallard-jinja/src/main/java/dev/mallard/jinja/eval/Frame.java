package dev.mallard.jinja.eval;

import dev.mallard.jinja.value.Py;
import java.util.HashMap;
import java.util.Map;

/**
 * One scope of a render: a template's top level, one loop iteration, a macro call, a with
 * block. Reads walk outwards; writes stay in this scope (Jinja2's scoping rules).
 */
final class Frame {
    final Frame parent;
    private Map<String, Object> vars;

    Frame(Frame parent) {
        this.parent = parent;
    }

    Object lookup(String name) {
        for (Frame f = this; f != null; f = f.parent) {
            if (f.vars != null) {
                Object v = f.vars.get(name);
                if (v != null || f.vars.containsKey(name)) {
                    return v;
                }
            }
        }
        return Py.NOT_FOUND;
    }

    void set(String name, Object value) {
        if (vars == null) {
            vars = new HashMap<>(8);
        }
        vars.put(name, value);
    }

    /** The names set in this scope itself (a template's exports). */
    Map<String, Object> own() {
        return vars == null ? Map.of() : vars;
    }
}
