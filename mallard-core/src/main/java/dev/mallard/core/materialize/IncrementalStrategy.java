package dev.mallard.core.materialize;

import dev.mallard.core.engine.Relation;
import java.util.List;

/**
 * The statements that fold a batch of new rows (already in a temporary table) into the
 * existing table, as dbt-duckdb's strategy macros write them. They run inside the
 * materialization's transaction.
 */
interface IncrementalStrategy {

    List<String> statements(Relation target, Relation batch, List<String> columns, IncrementalConfig config);

    static IncrementalStrategy named(String name, dev.mallard.core.engine.SqlDialect dialect) {
        return switch (name) {
            case "append" -> new AppendStrategy();
            case "delete+insert" -> new DeleteInsertStrategy();
            case "merge" -> new MergeStrategy(dialect.mergesByName());
            default -> throw new IllegalArgumentException(name);
        };
    }

    static String quotedCsv(List<String> columns) {
        return String.join(", ", columns.stream().map(Relation::quote).toList());
    }

    static String insert(Relation target, Relation batch, List<String> columns) {
        String cols = quotedCsv(columns);
        return "insert into " + target.render() + " (" + cols + ")\n(\n    select " + cols + "\n    from "
                + batch.render() + "\n)";
    }
}
