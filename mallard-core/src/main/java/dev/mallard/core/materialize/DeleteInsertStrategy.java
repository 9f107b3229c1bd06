package dev.mallard.core.materialize;

import dev.mallard.core.engine.Relation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code incremental_strategy='delete+insert'} (dbt-duckdb's default): delete the rows whose
 * unique key is in the batch, then insert the batch. Without a unique key it only inserts.
 * As in dbt-duckdb, a key written as a list (even of one column) aliases the table
 * DBT_INCREMENTAL_TARGET, a key written as a string leaves it unaliased.
 */
final class DeleteInsertStrategy implements IncrementalStrategy {
    @Override
    public List<String> statements(Relation target, Relation batch, List<String> columns, IncrementalConfig config) {
        List<String> out = new ArrayList<>();
        List<String> key = config.uniqueKey();
        StringBuilder extra = new StringBuilder();
        for (String p : config.predicates()) {
            extra.append("\n    and ").append(p);
        }
        if (!key.isEmpty() && !config.keyIsList()) {
            out.add("delete from " + target.render() + "\nwhere (" + key.get(0) + ") in (\n    select ("
                    + key.get(0) + ")\n    from " + batch.render() + "\n)" + extra);
        } else if (!key.isEmpty()) {
            List<String> matches = new ArrayList<>();
            for (String k : key) {
                matches.add(batch.render() + "." + k + " = DBT_INCREMENTAL_TARGET." + k);
            }
            out.add("delete from " + target.render() + " as DBT_INCREMENTAL_TARGET\nusing " + batch.render()
                    + "\nwhere (\n    " + String.join("\n    and ", matches) + extra + "\n)");
        }
        out.add(IncrementalStrategy.insert(target, batch, columns));
        return out;
    }
}
