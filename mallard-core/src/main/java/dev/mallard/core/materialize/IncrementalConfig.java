package dev.mallard.core.materialize;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An incremental model's settings, read from its config and checked once: the strategy,
 * the unique key columns (and whether they were written as a list, which changes the SQL
 * dbt-duckdb writes), the extra match predicates and the on_schema_change mode.
 */
record IncrementalConfig(String strategy, List<String> uniqueKey, boolean keyIsList, List<String> predicates,
                         String onSchemaChange) {
    static final List<String> STRATEGIES = List.of("append", "delete+insert", "merge");
    /** dbt-duckdb's merge options beyond the default clauses; refused rather than ignored. */
    static final List<String> MERGE_OPTIONS = List.of("merge_on_using_columns", "merge_update_condition",
            "merge_insert_condition", "merge_update_columns", "merge_exclude_columns", "merge_update_set_expressions",
            "merge_returning_columns", "merge_clauses");
    static final List<String> SCHEMA_CHANGE_MODES = List.of("ignore", "fail", "append_new_columns", "sync_all_columns");

    IncrementalConfig {
        uniqueKey = List.copyOf(uniqueKey);
        predicates = List.copyOf(predicates);
    }

    static IncrementalConfig of(Node node) {
        NodeConfig c = node.config();
        List<String> key = strings(c.get("unique_key"));
        // dbt-duckdb's default strategy is delete+insert, which without a unique_key only inserts
        String strategy = c.get("incremental_strategy") == null ? "delete+insert"
                : String.valueOf(c.get("incremental_strategy")).trim().toLowerCase(Locale.ROOT);
        // dbt's built-in strategies that dbt-duckdb does not offer are refused; another name is a custom
        // strategy: the macro get_incremental_<name>_sql (CustomIncrementalStrategy)
        if (strategy.equals("insert_overwrite")) {
            throw new MallardException(ErrorCode.PROJECT, "model '" + node.name() + "': The incremental strategy '"
                    + strategy + "' is not valid for this adapter (valid: " + String.join(", ", STRATEGIES)
                    + ", microbatch)", node.originalFilePath(), 0);
        }
        if (!strategy.matches("[a-z0-9_+]+")) {
            throw new MallardException(ErrorCode.PROJECT, "model '" + node.name() + "': incremental_strategy '"
                    + strategy + "' is not a strategy name (built in: " + String.join(", ", STRATEGIES)
                    + ", microbatch; or a macro get_incremental_<name>_sql)", node.originalFilePath(), 0);
        }
        if (strategy.equals("merge")) {
            for (String option : MERGE_OPTIONS) {
                Object v = c.get(option);
                boolean empty = v == null || (v instanceof java.util.Collection<?> col && col.isEmpty())
                        || (v instanceof java.util.Map<?, ?> m && m.isEmpty());
                if (!empty) {
                    throw new MallardException(ErrorCode.PROJECT, "model '" + node.name() + "': the merge option '"
                            + option + "' is not supported yet (merge updates and inserts every column by name)",
                            node.originalFilePath(), 0);
                }
            }
        }
        Object predicates = c.get("incremental_predicates") != null ? c.get("incremental_predicates") : c.get("predicates");
        String mode = c.string("on_schema_change", "ignore").trim();
        // dbt logs an invalid value and falls back to 'ignore'
        if (!SCHEMA_CHANGE_MODES.contains(mode)) {
            mode = "ignore";
        }
        return new IncrementalConfig(strategy, key, c.get("unique_key") instanceof List<?>, strings(predicates), mode);
    }

    /** dbt's should_full_refresh(): the model's full_refresh config wins over the --full-refresh flag. */
    static boolean shouldFullRefresh(NodeConfig config, boolean fullRefreshFlag) {
        Object v = config.get("full_refresh");
        if (v == null) {
            return fullRefreshFlag;
        }
        return config.bool("full_refresh", fullRefreshFlag);
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o != null && !String.valueOf(o).isBlank()) {
                    out.add(String.valueOf(o).trim());
                }
            }
        } else if (v != null && !String.valueOf(v).isBlank()) {
            out.add(String.valueOf(v).trim());
        }
        return out;
    }
}
