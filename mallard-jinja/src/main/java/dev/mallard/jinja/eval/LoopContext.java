package dev.mallard.jinja.eval;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyObject;
import dev.mallard.jinja.value.PyTuple;
import dev.mallard.jinja.value.Undefined;
import java.util.List;

/** The {@code loop} variable of a for loop; callable as {@code loop(children)} in a recursive loop. */
final class LoopContext implements PyObject, PyCallable {
    /** Renders the loop body again over new items, one level deeper. */
    interface Recursion {
        String render(Object items, int depth);
    }

    private final List<Object> items;
    private final int depth0;
    private final Recursion recursion;
    private final boolean lenient;
    int index0;
    private Object lastChanged = Py.NOT_FOUND;

    LoopContext(List<Object> items, int depth0, Recursion recursion, boolean lenient) {
        this.items = items;
        this.depth0 = depth0;
        this.recursion = recursion;
        this.lenient = lenient;
    }

    @Override
    public Object getAttr(String name) {
        int n = items.size();
        switch (name) {
            case "index":
                return (long) index0 + 1;
            case "index0":
                return (long) index0;
            case "revindex":
                return (long) (n - index0);
            case "revindex0":
                return (long) (n - index0 - 1);
            case "first":
                return index0 == 0;
            case "last":
                return index0 == n - 1;
            case "length":
                return (long) n;
            case "depth":
                return (long) depth0 + 1;
            case "depth0":
                return (long) depth0;
            case "previtem":
                return index0 > 0 ? items.get(index0 - 1)
                        : Undefined.hint("there is no previous item", lenient);
            case "nextitem":
                return index0 + 1 < n ? items.get(index0 + 1) : Undefined.hint("there is no next item", lenient);
            case "cycle":
                return (PyCallable) (site, args) -> {
                    if (args.size() == 0) {
                        throw new JinjaError("no items for cycling given");
                    }
                    return args.positional().get(index0 % args.size());
                };
            case "changed":
                return (PyCallable) (site, args) -> {
                    Object now = PyTuple.copyOf(args.positional());
                    if (lastChanged != Py.NOT_FOUND && Py.eq(lastChanged, now)) {
                        return false;
                    }
                    lastChanged = now;
                    return true;
                };
            default:
                return Py.NOT_FOUND;
        }
    }

    @Override
    public Object call(CallSite site, Args args) {
        if (recursion == null) {
            throw new JinjaError("The loop must have the 'recursive' marker to be called recursively.");
        }
        return recursion.render(args.require(0, "iterable", "loop"), depth0 + 1);
    }

    @Override
    public String typeName() {
        return "LoopContext";
    }

    @Override
    public String toString() {
        return "<LoopContext " + (index0 + 1) + "/" + items.size() + ">";
    }
}
