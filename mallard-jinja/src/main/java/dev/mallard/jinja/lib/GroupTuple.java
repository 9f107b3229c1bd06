package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.PyObject;
import dev.mallard.jinja.value.PyTuple;
import java.util.List;

/** One group of the {@code groupby} filter: a 2-tuple that also has {@code .grouper} and {@code .list}. */
final class GroupTuple extends PyTuple implements PyObject {
    GroupTuple(Object grouper, List<Object> list) {
        super(new Object[] {grouper, list});
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "grouper" -> get(0);
            case "list" -> get(1);
            default -> Py.NOT_FOUND;
        };
    }

    /** Index reads, for evaluators that ask a PyObject before treating it as a tuple. */
    @Override
    public Object getItem(Object key) {
        if (Py.isInt(key) || key instanceof Boolean) {
            long i = PyNumbers.toLong(key);
            i = i < 0 ? i + 2 : i;
            return i >= 0 && i < 2 ? get((int) i) : Py.NOT_FOUND;
        }
        return Py.NOT_FOUND;
    }

    @Override
    public String typeName() {
        return "tuple";
    }
}
