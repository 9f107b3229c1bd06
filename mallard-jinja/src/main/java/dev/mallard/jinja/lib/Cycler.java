package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyObject;
import dev.mallard.jinja.value.PyTuple;
import java.util.List;

/** The {@code cycler(...)} global: {@code next()} returns the items in turn, {@code current} peeks. */
final class Cycler implements PyObject {
    private final PyTuple items;
    private int pos;

    Cycler(List<Object> items) {
        if (items.isEmpty()) {
            throw new JinjaError("at least one item has to be provided");
        }
        this.items = PyTuple.copyOf(items);
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "current" -> items.get(pos);
            case "items" -> items;
            case "pos" -> (long) pos;
            case "next", "__next__" -> (PyCallable) (site, a) -> next();
            case "reset" -> (PyCallable) (site, a) -> {
                pos = 0;
                return null;
            };
            default -> Py.NOT_FOUND;
        };
    }

    private Object next() {
        Object current = items.get(pos);
        pos = (pos + 1) % items.size();
        return current;
    }

    @Override
    public String typeName() {
        return "Cycler";
    }

    @Override
    public String toString() {
        return "<jinja2.utils.Cycler object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
