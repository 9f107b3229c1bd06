package dev.mallard.core.materialize;

import dev.mallard.core.engine.Relation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code incremental_strategy='merge'} with dbt-duckdb's default clauses: rows matching on
 * the unique key (and the incremental predicates) are updated by name, others inserted by
 * name. Without a unique key nothing matches and every row is inserted.
 */
final class MergeStrategy implements IncrementalStrategy {
    private final boolean byName;

    /** @param byName whether the engine's MERGE takes UPDATE/INSERT BY NAME */
    MergeStrategy(boolean byName) {
        this.byName = byName;
    }

    @Override
    public List<String> statements(Relation target, Relation batch, List<String> columns, IncrementalConfig config) {
        List<String> on = new ArrayList<>();
        for (String k : config.uniqueKey()) {
            on.add("DBT_INTERNAL_SOURCE." + k + " = DBT_INTERNAL_DEST." + k);
        }
        if (on.isEmpty()) {
            on.add("FALSE");
        }
        on.addAll(config.predicates());
        String head = "MERGE INTO " + target.render() + " AS DBT_INTERNAL_DEST\n    USING " + batch.render()
                + " AS DBT_INTERNAL_SOURCE\n    ON (" + String.join(") AND (", on) + ")\n";
        if (byName) {
            return List.of(head + "WHEN MATCHED THEN UPDATE BY NAME\nWHEN NOT MATCHED THEN INSERT BY NAME");
        }
        // dbt-postgres' clauses: every column set from the source, and inserted by name
        List<String> sets = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String c : columns) {
            sets.add(Relation.quote(c) + " = DBT_INTERNAL_SOURCE." + Relation.quote(c));
            values.add("DBT_INTERNAL_SOURCE." + Relation.quote(c));
        }
        return List.of(head + "WHEN MATCHED THEN UPDATE SET " + String.join(", ", sets) + "\nWHEN NOT MATCHED THEN INSERT ("
                + IncrementalStrategy.quotedCsv(columns) + ")\nVALUES (" + String.join(", ", values) + ")");
    }
}
