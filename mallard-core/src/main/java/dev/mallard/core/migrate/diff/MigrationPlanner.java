package dev.mallard.core.migrate.diff;

import dev.mallard.core.engine.SqlDialect.Catalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The statements that take one {@link SchemaModel} to another, in an order DuckDB accepts:
 * new sequences; indexes that go; tables that go or are rebuilt (referencing tables first);
 * ALTERs; tables that come or are rebuilt (referenced tables first); indexes that come; old
 * sequences. Run from live to declared it is the up migration, the other way the down.
 */
final class MigrationPlanner {
    private final SchemaModel from;
    private final SchemaModel to;
    private final String schema;
    private final Catalog catalog;
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, TableComparison> altered = new LinkedHashMap<>();
    private final Map<String, String> rebuilt = new LinkedHashMap<>();

    private MigrationPlanner(SchemaModel from, SchemaModel to, Catalog catalog) {
        this.from = from;
        this.to = to;
        this.schema = to.schema();
        this.catalog = catalog;
    }

    static PlannedMigration plan(SchemaModel from, SchemaModel to) {
        return plan(from, to, Catalog.DUCKDB);
    }

    /**
     * On {@link Catalog#POSTGRES} every table change is an ALTER (no rebuilds), constraints are
     * dropped before the tables that go and added after the tables that come.
     */
    static PlannedMigration plan(SchemaModel from, SchemaModel to, Catalog catalog) {
        return new MigrationPlanner(from, to, catalog).plan();
    }

    private boolean postgres() {
        return catalog == Catalog.POSTGRES;
    }

    private PlannedMigration plan() {
        Set<String> addedTables = minus(to.tables().keySet(), from.tables().keySet());
        Set<String> droppedTables = minus(from.tables().keySet(), to.tables().keySet());
        decideAlterOrRebuild(droppedTables);

        List<String> statements = new ArrayList<>();
        if (!from.exists() && to.exists() && !schema.isEmpty()) {
            statements.add("CREATE SCHEMA " + SqlNames.quote(schema));
            changes.add(new Change(Change.Kind.SCHEMA_ADDED, schema, ""));
        }
        for (String name : minus(to.sequences().keySet(), from.sequences().keySet())) {
            statements.add(to.sequences().get(name).createSql());
            changes.add(new Change(Change.Kind.SEQUENCE_ADDED, name, ""));
        }
        if (postgres()) {
            altered.values().forEach(c -> statements.addAll(c.dropConstraintStatements(schema)));
        }
        statements.addAll(dropIndexes(droppedTables));
        statements.addAll(dropTables(droppedTables));
        altered.values().forEach(c -> statements.addAll(c.alterStatements(schema, catalog)));
        statements.addAll(createTables(addedTables));
        if (postgres()) {
            altered.values().forEach(c -> statements.addAll(c.addConstraintStatements(schema)));
        }
        statements.addAll(createIndexes(addedTables));
        for (String name : minus(from.sequences().keySet(), to.sequences().keySet())) {
            statements.add("DROP SEQUENCE " + SqlNames.qualified(schema, name));
            changes.add(new Change(Change.Kind.SEQUENCE_DROPPED, name, ""));
        }
        if (from.exists() && !to.exists() && !DiffScope.DEFAULT_SCHEMA.equals(schema) && !schema.isEmpty()) {
            statements.add("DROP SCHEMA " + SqlNames.quote(schema));
            changes.add(new Change(Change.Kind.SCHEMA_DROPPED, schema, ""));
        }
        // Stable: within a kind, the order the planner found them in.
        changes.sort(java.util.Comparator.comparing(Change::kind));
        return new PlannedMigration(changes, statements);
    }

    /**
     * Rebuilding a table means dropping it, which DuckDB refuses while another table references
     * it, so those tables are rebuilt too; and an ALTER refused because of a referencing table
     * becomes a rebuild. Repeat until nothing moves.
     */
    private void decideAlterOrRebuild(Set<String> droppedTables) {
        Map<String, TableComparison> comparisons = new LinkedHashMap<>();
        for (String name : to.tables().keySet()) {
            if (from.tables().containsKey(name)) {
                TableComparison c = new TableComparison(from.tables().get(name), to.tables().get(name));
                if (!c.isEmpty()) {
                    comparisons.put(name, c);
                    changes.addAll(c.changes());
                }
            }
        }
        boolean moved = !postgres(); // Postgres ALTERs whatever changed
        while (moved) {
            moved = false;
            for (String name : List.copyOf(rebuilt.keySet())) {
                for (String child : ForeignKeyOrder.children(name, from.tables())) {
                    if (!droppedTables.contains(child) && !rebuilt.containsKey(child)) {
                        rebuilt.put(child, "it references " + name + ", which is rebuilt");
                        moved = true;
                    }
                }
            }
            for (TableComparison c : comparisons.values()) {
                if (rebuilt.containsKey(c.table())) {
                    continue;
                }
                Set<String> referencing = new TreeSet<>(ForeignKeyOrder.children(c.table(), from.tables()));
                referencing.removeAll(droppedTables);
                referencing.removeAll(rebuilt.keySet());
                boolean indexed = from.indexes().values().stream().anyMatch(i -> i.table().equals(c.table()));
                Optional<String> reason = c.rebuildReason(referencing, indexed);
                if (reason.isPresent()) {
                    rebuilt.put(c.table(), reason.get());
                    moved = true;
                }
            }
        }
        comparisons.forEach((name, c) -> {
            if (!rebuilt.containsKey(name)) {
                altered.put(name, c);
            }
        });
        rebuilt.forEach((name, reason) -> changes.add(new Change(Change.Kind.TABLE_REBUILT, name, reason)));
    }

    private List<String> dropIndexes(Set<String> droppedTables) {
        List<String> statements = new ArrayList<>();
        for (IndexModel index : from.indexes().values()) {
            String table = index.table();
            if (droppedTables.contains(table)) {
                continue; // goes with its table, and so does the change
            }
            IndexModel target = to.indexes().get(index.name());
            if (target == null) {
                changes.add(new Change(Change.Kind.INDEX_DROPPED, index.name(), index.createSql()));
            } else if (!target.equals(index)) {
                changes.add(new Change(Change.Kind.INDEX_CHANGED, index.name(), target.createSql()));
            }
            // DuckDB refuses most ALTERs on an indexed table: drop its indexes first, create them after.
            boolean reindexed = !postgres() && altered.containsKey(table) && altered.get(table).needsStructuralAlter();
            if (!rebuilt.containsKey(table) && (target == null || !target.equals(index) || reindexed)) {
                statements.add("DROP INDEX " + SqlNames.qualified(schema, index.name()));
            }
        }
        return statements;
    }

    private List<String> createIndexes(Set<String> addedTables) {
        List<String> statements = new ArrayList<>();
        for (IndexModel index : to.indexes().values()) {
            String table = index.table();
            IndexModel current = from.indexes().get(index.name());
            boolean tableRecreated = addedTables.contains(table) || rebuilt.containsKey(table)
                    || (!postgres() && altered.containsKey(table) && altered.get(table).needsStructuralAlter());
            if (current == null || !current.equals(index) || tableRecreated) {
                statements.add(index.createSql());
            }
            if (current == null) {
                changes.add(new Change(Change.Kind.INDEX_ADDED, index.name(), index.createSql()));
            }
        }
        return statements;
    }

    private List<String> dropTables(Set<String> droppedTables) {
        Set<String> going = new HashSet<>(droppedTables);
        going.addAll(rebuilt.keySet());
        List<String> statements = new ArrayList<>();
        for (String name : ForeignKeyOrder.childrenFirst(going, from.tables())) {
            if (rebuilt.containsKey(name)) {
                statements.addAll(rebuild(name).stashAndDrop());
            } else {
                statements.add("DROP TABLE " + SqlNames.qualified(schema, name));
                changes.add(new Change(Change.Kind.TABLE_DROPPED, name, ""));
            }
        }
        return statements;
    }

    private List<String> createTables(Set<String> addedTables) {
        Set<String> coming = new HashSet<>(addedTables);
        coming.addAll(rebuilt.keySet());
        List<String> statements = new ArrayList<>();
        for (String name : ForeignKeyOrder.parentsFirst(coming, to.tables())) {
            if (rebuilt.containsKey(name)) {
                statements.addAll(rebuild(name).createAndRestore());
            } else {
                statements.add(to.tables().get(name).createSql());
                changes.add(new Change(Change.Kind.TABLE_ADDED, name, ""));
            }
        }
        return statements;
    }

    private TableRebuild rebuild(String name) {
        return new TableRebuild(schema, from.tables().get(name), to.tables().get(name));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
