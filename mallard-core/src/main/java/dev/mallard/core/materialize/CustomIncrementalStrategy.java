package dev.mallard.core.materialize;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * dbt's custom incremental strategies: {@code incremental_strategy='x'} for a name that is not
 * built in calls the project's (or a package's) macro {@code get_incremental_x_sql} with dbt's
 * argument dict (target_relation, temp_relation, unique_key, dest_columns, incremental_predicates)
 * and runs the SQL it returns. The call is rendered as a template in the model's context.
 */
final class CustomIncrementalStrategy {
    private CustomIncrementalStrategy() {
    }

    /** dbt's macro name for a strategy: {@code get_incremental_<strategy>_sql}, '+' written as '_'. */
    static String macroName(String strategy) {
        return "get_incremental_" + strategy.replace('+', '_') + "_sql";
    }

    /** dbt's error when the project and its packages define no macro for the strategy. */
    static void requireMacro(MaterializationContext ctx, String strategy) {
        String macro = macroName(strategy);
        if (!"True".equals(ctx.renderHook("{{ " + macro + " is defined }}").strip())) {
            throw new MallardException(ErrorCode.PROJECT, "model '" + ctx.node().name() + "': dbt could not find an "
                    + "incremental strategy macro with the name \"" + macro + "\"", ctx.node().originalFilePath(), 0,
                    "define the macro " + macro + "(arg_dict), or use a built-in strategy (append, delete+insert, "
                    + "merge, microbatch)", null);
        }
    }

    /** The statements the strategy's macro returns, rendered in the model's context. */
    static String sql(MaterializationContext ctx, String strategy, Relation target, Relation batch,
                      List<String> columns, List<ColumnInfo> batchColumns) {
        return macroSql(ctx, macroName(strategy), target, batch, columns, batchColumns);
    }

    /** The statements a strategy macro ({@code get_incremental_..._sql(arg_dict)}) returns, rendered in the model's context. */
    static String macroSql(MaterializationContext ctx, String macro, Relation target, Relation batch,
                           List<String> columns, List<ColumnInfo> batchColumns) {
        Map<String, String> types = batchColumns.stream().collect(Collectors.toMap(
                c -> c.name().toLowerCase(java.util.Locale.ROOT), ColumnInfo::type, (a, b) -> a));
        String destColumns = columns.stream().map(c -> "api.Column(" + literal(c) + ", "
                + literal(types.getOrDefault(c.toLowerCase(java.util.Locale.ROOT), "")) + ")")
                .collect(Collectors.joining(", ", "[", "]"));
        Object key = ctx.node().config().get("unique_key");
        Object predicates = ctx.node().config().get("incremental_predicates") != null
                ? ctx.node().config().get("incremental_predicates") : ctx.node().config().get("predicates");
        String template = "{{- " + macro + "({'target_relation': " + relation(target, "table")
                + ", 'temp_relation': " + relation(batch, "table")
                + ", 'unique_key': " + value(key)
                + ", 'dest_columns': " + destColumns
                + ", 'incremental_predicates': " + value(predicates) + "}) -}}";
        String sql = ctx.renderHook(template);
        if (sql == null || sql.isBlank()) {
            throw new MallardException(ErrorCode.JINJA, "model '" + ctx.node().name() + "': " + macro
                    + " returned no SQL", ctx.node().originalFilePath(), 0);
        }
        return sql;
    }

    private static String relation(Relation r, String type) {
        return "api.Relation.create(database=" + value(r.database()) + ", schema=" + value(r.schema())
                + ", identifier=" + literal(r.identifier()) + ", type=" + literal(type) + ")";
    }

    /** A config value (null, string, number, boolean, list of those) as a Jinja literal. */
    private static String value(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Number) {
            return String.valueOf(v);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(CustomIncrementalStrategy::value).collect(Collectors.joining(", ", "[", "]"));
        }
        return literal(String.valueOf(v));
    }

    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }
}
