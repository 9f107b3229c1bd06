package dev.mallard.core.artifacts;

import dev.mallard.core.manifest.ColumnSpec;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.TestNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * dbt's {@code primary_key} of a model in manifest.json: the columns of a primary_key
 * constraint (the model's, else a column's), else the columns that have both a unique and a
 * not_null test (unique or dbt_utils' unique_combination_of_columns), else those with a
 * unique test; empty when none. Columns of several tests are listed sorted.
 */
final class PrimaryKeys {
    private final Manifest manifest;
    private Map<NodeId, List<TestNode>> testsByModel;

    PrimaryKeys(Manifest manifest) {
        this.manifest = manifest;
    }

    List<String> of(ModelNode model) {
        for (Object c : model.constraints()) {
            if (c instanceof Map<?, ?> m && "primary_key".equals(m.get("type")) && m.get("columns") instanceof List<?> l) {
                return l.stream().map(String::valueOf).toList();
            }
        }
        for (ColumnSpec column : model.columns().values()) {
            for (Object c : column.constraints()) {
                if (c instanceof Map<?, ?> m && "primary_key".equals(m.get("type"))) {
                    return List.of(column.name());
                }
            }
        }
        TreeSet<String> unique = new TreeSet<>();
        TreeSet<String> notNull = new TreeSet<>();
        for (TestNode test : tests().getOrDefault(model.id(), List.of())) {
            if (test.metadata() == null) {
                continue;
            }
            Map<String, Object> kwargs = test.metadata().kwargs();
            List<String> columns = new ArrayList<>();
            if (kwargs.get("column_name") instanceof String s) {
                columns.add(s);
            } else if (kwargs.get("combination_of_columns") instanceof List<?> l) {
                l.forEach(c -> columns.add(String.valueOf(c)));
            }
            String name = test.metadata().name();
            if (name.equals("unique") || name.equals("unique_combination_of_columns")) {
                unique.addAll(columns);
            } else if (name.equals("not_null")) {
                notNull.addAll(columns);
            }
        }
        List<String> both = notNull.stream().filter(unique::contains).toList();
        return !both.isEmpty() ? both : List.copyOf(unique);
    }

    /** Built on first use; synchronized: manifest entries are made on several threads. */
    private synchronized Map<NodeId, List<TestNode>> tests() {
        if (testsByModel == null) {
            testsByModel = new HashMap<>();
            for (Node n : manifest.nodes().values()) {
                if (n instanceof TestNode t && t.attachedNode() != null) {
                    testsByModel.computeIfAbsent(t.attachedNode(), k -> new ArrayList<>()).add(t);
                }
            }
        }
        return testsByModel;
    }
}
