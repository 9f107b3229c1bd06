package dev.mallard.core.materialize;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * When a project (or a package) defines one of the macros dbt's built-in append and
 * delete+insert strategies go through, dbt runs the project's macro: a project may override
 * {@code get_delete_insert_merge_sql} to change the DELETE it writes (or break it, when its
 * signature is older than the call). Mallard writes those strategies in Java
 * ({@link IncrementalStrategy}) and takes the macro path only then, through its own copies of
 * dbt's macros (incremental_macros.sql) so that the override is called where dbt calls it.
 */
final class OverriddenStrategyMacros {
    private static final List<String> INSERT = List.of("get_insert_into_sql", "get_quoted_csv");
    private static final Map<String, List<String>> CHAINS = Map.of(
            "append", concat(List.of("get_incremental_append_sql"), INSERT),
            "delete+insert", concat(List.of("get_incremental_delete_insert_sql", "get_delete_insert_merge_sql",
                    "default__get_delete_insert_merge_sql", "duckdb__get_delete_insert_merge_sql"), INSERT));
    /** dbt-duckdb's strategy when the model names none: get_incremental_default_sql, which is delete+insert. */
    private static final String DEFAULT_ENTRY = "get_incremental_default_sql";

    private OverriddenStrategyMacros() {
    }

    /**
     * The strategy macro to call for a built-in strategy whose macros the project overrides, or
     * null when none is overridden (the Java strategy then runs).
     *
     * @param configured the model's incremental_strategy as written, or null
     * @param strategy the strategy it resolves to
     * @param definedOutsideDbt whether a macro name is defined by the project or a package (not dbt's own)
     */
    static String entryMacro(Object configured, String strategy, Predicate<String> definedOutsideDbt) {
        List<String> chain = CHAINS.get(strategy);
        if (chain == null) {
            return null;
        }
        if (configured == null && definedOutsideDbt.test(DEFAULT_ENTRY)) {
            return DEFAULT_ENTRY;
        }
        if (chain.stream().noneMatch(definedOutsideDbt)) {
            return null;
        }
        return configured == null ? DEFAULT_ENTRY : CustomIncrementalStrategy.macroName(strategy);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
