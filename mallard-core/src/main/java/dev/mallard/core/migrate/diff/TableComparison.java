package dev.mallard.core.migrate.diff;

import dev.mallard.core.engine.SqlDialect.Catalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** How one table differs between two states, and whether DuckDB can ALTER it there. */
final class TableComparison {
    private final TableModel from;
    private final TableModel to;
    private final List<ColumnModel> added = new ArrayList<>();
    private final List<ColumnModel> dropped = new ArrayList<>();
    private final List<ColumnModel> retyped = new ArrayList<>();
    private final List<ColumnModel> renulled = new ArrayList<>();
    private final List<ColumnModel> redefaulted = new ArrayList<>();
    private final Set<ConstraintModel> constraintsAdded;
    private final Set<ConstraintModel> constraintsDropped;

    TableComparison(TableModel from, TableModel to) {
        this.from = from;
        this.to = to;
        for (ColumnModel target : to.columns()) {
            Optional<ColumnModel> current = from.column(target.name());
            if (current.isEmpty()) {
                added.add(target);
                continue;
            }
            ColumnModel source = current.get();
            if (!source.dataType().equals(target.dataType())) {
                retyped.add(target);
            }
            if (source.nullable() != target.nullable()) {
                renulled.add(target);
            }
            if (!Objects.equals(source.defaultExpression(), target.defaultExpression())) {
                redefaulted.add(target);
            }
        }
        from.columns().stream().filter(c -> to.column(c.name()).isEmpty()).forEach(dropped::add);
        constraintsAdded = minus(to.constraints(), from.constraints());
        constraintsDropped = minus(from.constraints(), to.constraints());
    }

    String table() {
        return to.name();
    }

    boolean isEmpty() {
        return added.isEmpty() && dropped.isEmpty() && retyped.isEmpty() && renulled.isEmpty()
                && redefaulted.isEmpty() && !constraintsChanged();
    }

    boolean constraintsChanged() {
        return !constraintsAdded.isEmpty() || !constraintsDropped.isEmpty();
    }

    /**
     * Changes DuckDB refuses while the table has an index or is referenced: all but adding a
     * nullable column and changing a default.
     */
    boolean needsStructuralAlter() {
        return !dropped.isEmpty() || !retyped.isEmpty() || !renulled.isEmpty()
                || added.stream().anyMatch(c -> !c.nullable());
    }

    /**
     * Why this table must be rebuilt rather than altered, given the tables that will still
     * reference it when the ALTERs run and whether it has explicit indexes; empty when ALTER
     * TABLE will do.
     */
    Optional<String> rebuildReason(Set<String> referencingTables, boolean indexed) {
        if (constraintsChanged()) {
            return Optional.of("DuckDB cannot ALTER constraints (PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY)");
        }
        if (!needsStructuralAlter()) {
            return Optional.empty();
        }
        if (!referencingTables.isEmpty()) {
            return Optional.of("DuckDB cannot alter columns of a table referenced by " + referencingTables);
        }
        for (ColumnModel c : retyped) {
            if (from.constrains(c.name())) {
                return Optional.of("DuckDB cannot change the type of constrained column " + c.name());
            }
        }
        if (!dropped.isEmpty() && (from.hasIndexBackedConstraint() || dropped.stream().anyMatch(c -> from.constrains(c.name())))) {
            return Optional.of("DuckDB cannot drop a column of a table with a PRIMARY KEY or UNIQUE constraint");
        }
        // Even after DROP INDEX, DuckDB refuses DROP COLUMN in the same transaction.
        if (!dropped.isEmpty() && indexed) {
            return Optional.of("DuckDB cannot drop a column of an indexed table within a transaction");
        }
        return Optional.empty();
    }

    List<String> alterStatements(String schema) {
        return alterStatements(schema, Catalog.DUCKDB);
    }

    /** The column changes; on Postgres, constraints change in {@link #dropConstraintStatements} and {@link #addConstraintStatements}. */
    List<String> alterStatements(String schema, Catalog catalog) {
        String table = "ALTER TABLE " + SqlNames.qualified(schema, to.name());
        List<String> statements = new ArrayList<>();
        dropped.forEach(c -> statements.add(table + " DROP COLUMN " + SqlNames.quote(c.name())));
        added.forEach(c -> statements.add(table + " ADD COLUMN " + c.definition()));
        for (ColumnModel c : retyped) {
            String column = table + " ALTER COLUMN " + SqlNames.quote(c.name());
            if (catalog != Catalog.POSTGRES) {
                statements.add(column + " TYPE " + c.dataType());
                continue;
            }
            // Postgres: an identity clause is changed on its own, not as part of the type
            String[] now = identitySplit(from.column(c.name()).orElseThrow().dataType());
            String[] next = identitySplit(c.dataType());
            if (!now[0].equals(next[0])) {
                statements.add(column + " TYPE " + next[0]);
            }
            if (now[1].isEmpty() && !next[1].isEmpty()) {
                statements.add(column + " ADD" + next[1]);
            } else if (!now[1].isEmpty() && next[1].isEmpty()) {
                statements.add(column + " DROP IDENTITY");
            } else if (!now[1].equals(next[1])) {
                statements.add(column + " SET" + next[1].replace(" AS IDENTITY", ""));
            }
        }
        for (ColumnModel c : redefaulted) {
            String column = table + " ALTER COLUMN " + SqlNames.quote(c.name());
            statements.add(c.defaultExpression() == null ? column + " DROP DEFAULT"
                    : column + " SET DEFAULT " + c.defaultExpression());
        }
        renulled.forEach(c -> statements.add(table + " ALTER COLUMN " + SqlNames.quote(c.name())
                + (c.nullable() ? " DROP NOT NULL" : " SET NOT NULL")));
        return statements;
    }

    /** Postgres: {@code DROP CONSTRAINT} for each constraint that goes (its name is in its text). */
    List<String> dropConstraintStatements(String schema) {
        String table = "ALTER TABLE " + SqlNames.qualified(schema, to.name());
        return constraintsDropped.stream().sorted(java.util.Comparator.comparing(ConstraintModel::text))
                .map(c -> table + " DROP CONSTRAINT " + PostgresCatalogReader.constraintName(c.text())).toList();
    }

    /** Postgres: {@code ADD CONSTRAINT} for each constraint that comes. */
    List<String> addConstraintStatements(String schema) {
        String table = "ALTER TABLE " + SqlNames.qualified(schema, to.name());
        return constraintsAdded.stream().sorted(java.util.Comparator.comparing(ConstraintModel::isForeignKey)
                .thenComparing(ConstraintModel::text)).map(c -> table + " ADD " + c.text()).toList();
    }

    /** A Postgres column type and its {@code GENERATED ... AS IDENTITY} clause (empty when none). */
    private static String[] identitySplit(String dataType) {
        int i = dataType.indexOf(" GENERATED ");
        return i < 0 || !dataType.endsWith(" AS IDENTITY") ? new String[] {dataType, ""}
                : new String[] {dataType.substring(0, i), dataType.substring(i)};
    }

    List<Change> changes() {
        String t = to.name();
        List<Change> changes = new ArrayList<>();
        added.forEach(c -> changes.add(new Change(Change.Kind.COLUMN_ADDED, t, c.definition()
                + (!c.nullable() && c.defaultExpression() == null ? " (fails if the table has rows: no DEFAULT)" : ""))));
        dropped.forEach(c -> changes.add(new Change(Change.Kind.COLUMN_DROPPED, t, c.name())));
        retyped.forEach(c -> changes.add(new Change(Change.Kind.COLUMN_TYPE_CHANGED, t,
                c.name() + " " + from.column(c.name()).orElseThrow().dataType() + " -> " + c.dataType())));
        renulled.forEach(c -> changes.add(new Change(Change.Kind.COLUMN_NULLABILITY_CHANGED, t,
                c.name() + (c.nullable() ? " NULL" : " NOT NULL"))));
        redefaulted.forEach(c -> changes.add(new Change(Change.Kind.COLUMN_DEFAULT_CHANGED, t,
                c.name() + " DEFAULT " + (c.defaultExpression() == null ? "none" : c.defaultExpression()))));
        constraintsAdded.forEach(c -> changes.add(new Change(Change.Kind.CONSTRAINT_ADDED, t, c.text())));
        constraintsDropped.forEach(c -> changes.add(new Change(Change.Kind.CONSTRAINT_DROPPED, t, c.text())));
        return changes;
    }

    private static Set<ConstraintModel> minus(Set<ConstraintModel> a, Set<ConstraintModel> b) {
        Set<ConstraintModel> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }
}
