package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;

/**
 * A package name used as a macro namespace: {@code dbt.current_timestamp()},
 * {@code dbt_utils.star(...)}, {@code my_project.helper()}. Mallard keeps one macro table,
 * so every namespace resolves names in it; the namespace only documents intent.
 */
final class MacroNamespace implements PyObject {
    private final String name;

    MacroNamespace(String name) {
        this.name = name;
    }

    @Override
    public Object attribute(String macro) {
        MacroFunction found = JinjavaInterpreter.getCurrent().getContext().getGlobalMacro(macro);
        return found == null ? MISSING : found;
    }

    /** Reached only when {@link #attribute} found no macro of that name. */
    @Override
    public Object call(String method, DbtFunctions.Args args) {
        throw new MallardException(ErrorCode.JINJA, "'" + name + "." + method + "' is undefined (no macro of that name)");
    }

    @Override
    public String toString() {
        return name;
    }
}
