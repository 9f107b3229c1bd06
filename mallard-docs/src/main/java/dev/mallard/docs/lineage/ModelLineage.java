package dev.mallard.docs.lineage;

import java.util.List;
import java.util.Objects;

/**
 * The column lineage of one model, in the model's column order.
 *
 * @param error why the model's SQL could not be analysed at all (no compiled SQL, not a
 *     query, a parse error), or {@code null}
 */
public record ModelLineage(String node, List<ColumnLineage> columns, String error) {
    public ModelLineage {
        Objects.requireNonNull(node, "node");
        columns = List.copyOf(columns);
    }

    public static ModelLineage failed(String node, String error) {
        return new ModelLineage(node, List.of(), error);
    }
}
