package dev.mallard.core.materialize;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB refuses to rename or drop a table that a foreign key references. Before such a
 * table is replaced, the tables whose foreign keys point at it (directly or through a
 * chain) are copied to plain backups and dropped, and the backups are renamed back after
 * the swap, all in the swap's transaction: their rows survive, and their constraints
 * come back when their own models are rebuilt later in the run (a foreign key's
 * {@code to: ref(...)} makes them children of the table). This is dbt-duckdb's approach.
 */
final class ForeignKeyDependents {
    private ForeignKeyDependents() {
    }

    /** The referencing tables, deepest first (the order they must be dropped in). */
    static List<String> of(MaterializationContext ctx, Relation target) {
        String sql = "with recursive fks as (select table_name, referenced_table from duckdb_constraints() "
                + "where constraint_type = 'FOREIGN KEY' and lower(database_name) = lower(" + literal(target.database())
                + ") and lower(schema_name) = lower(" + literal(target.schema()) + ") "
                + "and lower(table_name) <> lower(referenced_table)), "
                + "deps(table_name, depth) as (select table_name, 1 from fks where lower(referenced_table) = lower("
                + literal(target.identifier()) + ") union select fks.table_name, deps.depth + 1 from fks "
                + "join deps on lower(fks.referenced_table) = lower(deps.table_name) where deps.depth < 50) "
                + "select table_name, max(depth) d from deps group by table_name order by d desc, table_name";
        List<String> out = new ArrayList<>();
        List<String> notRebuilt = new ArrayList<>();
        for (List<Object> row : ctx.session().query(sql).rows()) {
            String table = String.valueOf(row.get(0));
            out.add(table);
            Relation dependent = target.withIdentifier(table);
            if (!ctx.rebuildsLater(dependent) && ctx.contractDefinition(dependent) == null) {
                notRebuilt.add(table);
            }
        }
        if (!notRebuilt.isEmpty()) {
            throw new MallardException(ErrorCode.SQL, "cannot replace " + target.render() + ": "
                    + String.join(", ", notRebuilt) + (notRebuilt.size() == 1 ? " has a foreign key" : " have foreign keys")
                    + " referencing it and " + (notRebuilt.size() == 1 ? "is" : "are")
                    + " not rebuilt as a table in this run; DuckDB cannot replace a table that a foreign key references",
                    ctx.node().originalFilePath(), 0, "select the referencing models too, e.g. --select "
                    + ctx.node().name() + "+", null);
        }
        return out;
    }

    /** Whether the existing table declares foreign keys: then it must be rebuilt under its own name. */
    static boolean hasForeignKeys(MaterializationContext ctx, Relation table) {
        String sql = "select count(*) from duckdb_constraints() where constraint_type = 'FOREIGN KEY' "
                + "and lower(database_name) = lower(" + literal(table.database()) + ") and lower(schema_name) = lower("
                + literal(table.schema()) + ") and lower(table_name) = lower(" + literal(table.identifier()) + ")";
        return ((Number) ctx.session().query(sql).rows().get(0).get(0)).longValue() > 0;
    }

    /** Inside the open transaction: copies each dependent to a backup and drops it. */
    static void detach(MaterializationContext ctx, Relation target, List<String> dependents) {
        for (String table : dependents) {
            Relation dependent = target.withIdentifier(table);
            ctx.run("DROP TABLE IF EXISTS " + backup(dependent).render());
            ctx.run("CREATE TABLE " + backup(dependent).render() + " AS SELECT * FROM " + dependent.render());
            ctx.run("DROP TABLE " + dependent.render());
        }
    }

    /**
     * Inside the open transaction: puts the dependents' rows back under their names. A
     * dependent this run does not rebuild (an incremental model) is re-created from its
     * contract, constraints included, and refilled: its foreign keys then hold against the
     * new table, or the whole swap fails and rolls back.
     */
    static void reattach(MaterializationContext ctx, Relation target, List<String> dependents) {
        for (int i = dependents.size() - 1; i >= 0; i--) {
            Relation dependent = target.withIdentifier(dependents.get(i));
            String definition = ctx.rebuildsLater(dependent) ? null : ctx.contractDefinition(dependent);
            if (definition != null) {
                ctx.run("CREATE TABLE " + dependent.render() + " " + definition);
                ctx.run("INSERT INTO " + dependent.render() + " BY NAME SELECT * FROM " + backup(dependent).render());
                ctx.run("DROP TABLE " + backup(dependent).render());
            } else {
                ctx.run("ALTER TABLE " + backup(dependent).render() + " RENAME TO " + Relation.quote(dependent.identifier()));
            }
        }
    }

    private static Relation backup(Relation dependent) {
        return dependent.withIdentifier(dependent.identifier() + "__mallard_fk_backup");
    }

    static String literal(String s) {
        return s == null ? "current_database()" : "'" + s.replace("'", "''") + "'";
    }
}
