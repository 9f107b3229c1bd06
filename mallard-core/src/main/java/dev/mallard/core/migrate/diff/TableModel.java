package dev.mallard.core.migrate.diff;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A table: its CREATE statement as DuckDB prints it, its columns in order and its constraints. */
public record TableModel(String name, String createSql, List<ColumnModel> columns, Set<ConstraintModel> constraints) {
    public TableModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createSql, "createSql");
        columns = List.copyOf(columns);
        constraints = Set.copyOf(constraints);
    }

    Optional<ColumnModel> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Tables this one references through a foreign key, itself excluded. */
    Set<String> referencedTables() {
        return constraints.stream()
                .filter(ConstraintModel::isForeignKey)
                .map(ConstraintModel::referencedTable)
                .filter(t -> t != null && !t.equals(name))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    boolean constrains(String columnName) {
        return constraints.stream().anyMatch(c -> c.columns().contains(columnName));
    }

    boolean hasIndexBackedConstraint() {
        return constraints.stream().anyMatch(ConstraintModel::isIndexBacked);
    }
}
