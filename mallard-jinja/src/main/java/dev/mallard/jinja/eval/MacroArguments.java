package dev.mallard.jinja.eval;

import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyTuple;
import dev.mallard.jinja.value.Undefined;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a macro call's arguments to its parameters as Jinja2's Macro does: positional then
 * keyword, defaults evaluated in the macro's scope, {@code caller}, {@code varargs} and
 * {@code kwargs} only for macros that read them, and Jinja2's errors otherwise.
 */
final class MacroArguments {
    private MacroArguments() {
    }

    static void bind(Renderer r, Stmt.Macro def, Args args, Frame frame) {
        List<Object> positional = args.positional();
        Map<String, Object> named = args.named().isEmpty() ? Map.of() : new LinkedHashMap<>(args.named());
        Object caller = Py.NOT_FOUND;
        if (def.usesCaller() && named.containsKey("caller")) {
            caller = named.remove("caller");
        }
        List<Stmt.Param> params = def.params();
        for (int i = 0; i < params.size(); i++) {
            Stmt.Param p = params.get(i);
            Object value;
            if (i < positional.size()) {
                if (named.containsKey(p.name())) {
                    throw new JinjaError("macro '" + def.name() + "' got multiple values for argument '"
                            + p.name() + "'");
                }
                value = positional.get(i);
            } else if (named.containsKey(p.name())) {
                value = named.remove(p.name());
            } else if (p.defaultValue() != null) {
                value = r.eval(p.defaultValue(), frame);
            } else {
                value = Undefined.hint("parameter '" + p.name() + "' was not provided", r.lenient);
            }
            frame.set(p.name(), value);
        }
        if (def.usesCaller()) {
            frame.set("caller", caller != Py.NOT_FOUND ? caller : Undefined.hint("No caller defined", r.lenient));
        }
        if (def.usesKwargs()) {
            frame.set("kwargs", named.isEmpty() ? new LinkedHashMap<>() : named);
        } else if (!named.isEmpty()) {
            String first = named.keySet().iterator().next();
            throw new JinjaError("macro '" + def.name() + "' takes no keyword argument '" + first + "'");
        }
        if (def.usesVarargs()) {
            frame.set("varargs", positional.size() > params.size()
                    ? PyTuple.copyOf(positional.subList(params.size(), positional.size())) : PyTuple.EMPTY);
        } else if (positional.size() > params.size()) {
            throw new JinjaError("macro '" + def.name() + "' takes not more than " + params.size()
                    + " argument(s)");
        }
    }
}
