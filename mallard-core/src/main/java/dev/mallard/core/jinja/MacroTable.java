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

    /** A macro defined by a package (null or "dbt" for dbt's library). */
    void define(String packageName, String name, Object macro) {
        ids.put(macro, "macro." + (packageName == null ? "dbt" : packageName) + "." + name);
        if (packageName == null || packageName.equals("dbt")) {
            libraryMacros.put(name, macro);
        } else if (packageName.equals(root)) {
            rootMacros.put(name, macro);
        }
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
}
