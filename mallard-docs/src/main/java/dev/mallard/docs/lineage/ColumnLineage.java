package dev.mallard.docs.lineage;

import java.util.List;
import java.util.Objects;

/**
 * Where one output column of a model comes from.
 *
 * @param column the column's name, as the catalog (or the SQL) names it
 * @param upstream the columns of other nodes it is computed from (sorted)
 * @param direct the column is one upstream column passed through, perhaps renamed
 * @param unresolved what in its expression could not be traced, each a short reason; empty
 *     when the whole expression was traced. Nothing unresolved is ever guessed into {@code upstream}.
 */
public record ColumnLineage(String column, List<ColumnRef> upstream, boolean direct, List<String> unresolved) {
    public ColumnLineage {
        Objects.requireNonNull(column, "column");
        upstream = List.copyOf(upstream);
        unresolved = List.copyOf(unresolved);
    }

    public boolean resolved() {
        return unresolved.isEmpty();
    }
}
