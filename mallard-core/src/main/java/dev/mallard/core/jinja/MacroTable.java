package dev.mallard.core.jinja;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The macros a bare name finds after the rendering node's own package, as dbt's flat
 * namespace: the root project's, then dbt's library; another package's macros are reached
 * only as {@code pkg.macro}. Also each macro's unique id, for the depends_on.macros of the
 * node that calls it.
 */
final class MacroTable {
    private final String root;
    private final Map<String, Object> rootMacros = new HashMap<>();
    private final Map<String, Object> libraryMacros = new HashMap<>();
    private final Map<Object, String> ids = new IdentityHashMap<>();

    /** {@code root}: the root project's name (null when packages are unknown). */
    MacroTable(String root) {
        this.root = root;
    }

    /**
     * A macro defined by a package (null or "dbt" for dbt's library). A package's macro has a unique id;
     * Mallard's own templates of dbt's macros (no package) have none: a node's depends_on lists what dbt's
     * own macros would be, not Mallard's way of writing them.
     */
    void define(String packageName, String name, Object macro) {
        if (packageName != null) {
            ids.put(macro, "macro." + packageName + "." + name);
        }
        if (packageName == null || packageName.equals("dbt")) {
            libraryMacros.put(name, macro);
        } else if (packageName.equals(root)) {
            rootMacros.put(name, macro);
        }
    }

    /** One of dbt's macros that Mallard writes in Java ({@code statement}, {@code run_query}, ...): its unique id. */
    void defineBuiltin(String name, Object macro) {
        ids.put(macro, "macro.dbt." + name);
    }

    /** The macro a bare name finds from outside its package, or null. */
    Object find(String name) {
        Object v = rootMacros.get(name);
        return v != null ? v : libraryMacros.get(name);
    }

    /** The unique id of a defined macro, or null for any other value. */
    String id(Object macro) {
        return ids.get(macro);
    }

    /** The renderer's view of macro calls: the macros with an id, and each outermost call told to {@code runtime}. */
    dev.mallard.jinja.eval.MacroCalls callsReportedTo(DbtRuntime runtime) {
        return new dev.mallard.jinja.eval.MacroCalls() {
            @Override
            public boolean isMacro(Object fn) {
                return ids.containsKey(fn);
            }

            @Override
            public void outermost(Object fn) {
                runtime.macroCalled(ids.get(fn));
            }
        };
    }
}
