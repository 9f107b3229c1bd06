package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyObject;

/** The {@code joiner(sep)} global: a callable that returns '' the first time and the separator after. */
final class Joiner implements PyCallable, PyObject {
    private final Object sep;
    private boolean used;

    Joiner(Object sep) {
        this.sep = sep;
    }

    @Override
    public Object call(CallSite site, Args args) {
        if (!used) {
            used = true;
            return "";
        }
        return sep;
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "sep" -> sep;
            case "used" -> used;
            default -> Py.NOT_FOUND;
        };
    }

    @Override
    public String typeName() {
        return "Joiner";
    }

    @Override
    public String toString() {
        return "<jinja2.utils.Joiner object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
