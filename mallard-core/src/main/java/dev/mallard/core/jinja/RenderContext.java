package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import java.util.Map;

/**
 * The root context of one render. Jinjava only calls names that are defined macros or
 * registered functions; dbt code also calls variables that hold a macro
 * ({@code {% set impl = adapter.dispatch('x') %}{{ impl() }}}). Macro lookups from every
 * scope of the render end here, so this is where such variables are found.
 */
final class RenderContext extends Context {

    RenderContext(Context parent, Map<String, ?> bindings) {
        super(parent, bindings);
    }

    @Override
    public MacroFunction getGlobalMacro(String name) {
        MacroFunction macro = super.getGlobalMacro(name);
        if (macro != null) {
            return macro;
        }
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        Object value = interpreter == null ? null : interpreter.getContext().get(name);
        return value instanceof MacroFunction held ? held : null;
    }
}
