package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Undefined;
import java.util.Map;

/**
 * A package name used as a macro namespace: {@code dbt.current_timestamp()},
 * {@code dbt_utils.star(...)}, {@code my_project.helper()}. Mallard keeps one macro table,
 * so a namespace resolves a name in its package's own macros first, then in that table;
 * a name it lacks is undefined, as in dbt.
 */
final class MacroNamespace implements PyObject {
    private final String name;
    private final Map<String, Object> own;
    private final Map<String, Object> macros;
    private final Map<String, Object> natives;

    /** {@code own}: the package's own macros, found first; {@code macros}: the shared table. */
    MacroNamespace(String name, Map<String, Object> own, Map<String, Object> macros) {
        this(name, own, macros, Map.of());
    }

    /**
     * {@code natives}: what dbt's global project defines as macros but Mallard as context
     * functions ({@code dbt.is_incremental()}, {@code dbt.run_query(...)}), found last.
     */
    MacroNamespace(String name, Map<String, Object> own, Map<String, Object> macros, Map<String, Object> natives) {
        this.name = name;
        this.own = own;
        this.macros = macros;
        this.natives = natives;
    }

    /** This namespace with {@code overrides} found before its macros (a unit test's overridden macros). */
    MacroNamespace overriding(Map<String, Object> overrides) {
        Map<String, Object> first = new java.util.HashMap<>(own);
        first.putAll(overrides);
        return new MacroNamespace(name, first, macros, natives);
    }

    @Override
    public Object attribute(String macro) {
        Object found = own.get(macro);
        if (found == null) {
            found = macros.get(macro);
        }
        if (found == null) {
            found = natives.get(macro);
        }
        return found == null ? Undefined.hint("'" + name + "." + macro + "' is undefined (no macro of that name)",
                false) : found;
    }

    @Override
    public String typeName() {
        return "MacroNamespace";
    }

    @Override
    public String toString() {
        return name;
    }
}
