package dev.mallard.core.jinja;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a project's macros are organised in packages: the root project's name, every
 * namespace callable as {@code name.macro}, the package each macro file belongs to
 * (null for dbt's own library), the {@code dispatch:} search orders of
 * dbt_project.yml by macro namespace, its {@code flags:} (for {@code adapter.behavior}), and the
 * target's adapter type ({@code adapter.type()}; {@code adapter.dispatch} tries {@code <type>__x}
 * before {@code default__x}) and the {@code quoting:} of dbt_project.yml.
 */
public record JinjaPackages(String root, Set<String> names, java.util.function.Function<String, String> packageOf,
                            Map<String, List<String>> dispatch, Map<String, Object> flags, String adapterType,
                            Map<String, Object> quoting) {
    public JinjaPackages {
        names = Set.copyOf(names);
        dispatch = Map.copyOf(dispatch);
        flags = Collections.unmodifiableMap(new HashMap<>(flags));
        quoting = Collections.unmodifiableMap(new HashMap<>(quoting));
        adapterType = adapterType == null || adapterType.isBlank() ? AdapterObject.DEFAULT_TYPE
                : adapterType.toLowerCase(java.util.Locale.ROOT);
    }

    /** Without a {@code quoting:} block: every part quoted. */
    public JinjaPackages(String root, Set<String> names, java.util.function.Function<String, String> packageOf,
                         Map<String, List<String>> dispatch, Map<String, Object> flags, String adapterType) {
        this(root, names, packageOf, dispatch, flags, adapterType, Map.of());
    }

    /** For the default adapter, DuckDB. */
    public JinjaPackages(String root, Set<String> names, java.util.function.Function<String, String> packageOf,
                         Map<String, List<String>> dispatch, Map<String, Object> flags) {
        this(root, names, packageOf, dispatch, flags, null);
    }

    static JinjaPackages none(Set<String> names) {
        return new JinjaPackages(null, names, file -> null, Map.of(), Map.of());
    }
}
