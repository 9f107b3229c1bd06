package dev.mallard.jinja.eval;

import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A macro (or a call block's {@code caller}) ready to call: its definition, the scope it
 * closes over (null for a project macro, which sees the calling render's globals, as dbt
 * binds macros to the node being rendered) and the source it came from (for error lines).
 */
public final class MacroValue implements PyCallable, PyObject {
    final Stmt.Macro def;
    final Frame closure;
    final String source;
    /** Whether its body's undefined values absorb reads and calls (see Renderer.lenient). */
    final boolean lenient;

    MacroValue(Stmt.Macro def, Frame closure, String source, boolean lenient) {
        this.def = def;
        this.closure = closure;
        this.source = source;
        this.lenient = lenient;
    }

    /** A project macro: resolves free names in whichever render calls it; plain Undefined in its body. */
    public static MacroValue global(Stmt.Macro def, String source) {
        return new MacroValue(def, null, source, false);
    }

    public Stmt.Macro definition() {
        return def;
    }

    public String name() {
        return def.name();
    }

    @Override
    public Object call(CallSite site, Args args) {
        if (!(site instanceof Renderer r)) {
            throw new JinjaError("macro '" + def.name() + "' called outside a render");
        }
        return r.invokeMacro(this, args);
    }

    @Override
    public Object getAttr(String name) {
        switch (name) {
            case "name":
                return def.name();
            case "arguments": {
                List<Object> names = new ArrayList<>();
                def.params().forEach(p -> names.add(p.name()));
                return dev.mallard.jinja.value.PyTuple.copyOf(names);
            }
            case "catch_kwargs":
                return def.usesKwargs();
            case "catch_varargs":
                return def.usesVarargs();
            case "caller":
                return def.usesCaller();
            default:
                return Py.NOT_FOUND;
        }
    }

    @Override
    public String typeName() {
        return "Macro";
    }

    @Override
    public String toString() {
        return "<Macro '" + def.name() + "'>";
    }
}
