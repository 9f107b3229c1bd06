package dev.mallard.core.materialize;

import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import java.util.List;
import java.util.Optional;

/**
 * The atomic replacement of a relation by a freshly built table: the old relation is
 * renamed away and the new one renamed into place in one transaction, and the old one is
 * dropped only after commit. A crash leaves the old or the new, never neither.
 */
final class RelationSwap {
    private RelationSwap() {
    }

    private static final Object FOREIGN_KEY_DDL = new Object();

    static Relation temporary(Relation target) {
        return target.withIdentifier(target.identifier() + "__mallard_tmp");
    }

    static Relation backup(Relation target) {
        return target.withIdentifier(target.identifier() + "__mallard_backup");
    }

    /** Drops leftovers of an earlier crashed run. */
    static void clearLeftovers(MaterializationContext ctx, Relation target) {
        // with the run's catalog, only names that exist are dropped (each DROP is a commit)
        for (Relation leftover : List.of(temporary(target), backup(target))) {
            if (ctx.catalog() == null || ctx.existing(leftover).isPresent()) {
                ctx.run("DROP TABLE IF EXISTS " + leftover.render());
                ctx.recordBuilt(leftover, null);
            }
        }
    }

    /**
     * Builds a table and puts it in place in one transaction: {@code create} fills a new
     * table under the name it is given, the target's own name when there is nothing to
     * replace, else the temporary name, renamed into place after the old relation is moved
     * away. Readers see the old relation until the commit, and a failure anywhere rolls
     * back to it; the old table is dropped after the commit. {@code insideTransaction} (the
     * post-hooks dbt runs before its commit) runs before the commit.
     */
    static void build(MaterializationContext ctx, Relation target, java.util.function.Consumer<Relation> create,
                      Runnable insideTransaction) {
        swap(ctx, target, create, insideTransaction);
    }

    static void swapIn(MaterializationContext ctx, Relation target) {
        swapIn(ctx, target, () -> { });
    }

    /**
     * Renames the temporary table into place; {@code insideTransaction} (the post-hooks
     * that dbt runs before its commit) runs in the same transaction, so its failure
     * leaves the previous table. Indexes of the old table are dropped and tables whose
     * foreign keys reference it detached, both of which DuckDB requires for the rename.
     */
    static void swapIn(MaterializationContext ctx, Relation target, Runnable insideTransaction) {
        swap(ctx, target, null, insideTransaction);
    }

    /**
     * The one transaction of {@link #build} (with {@code create}) and {@link #swapIn} (without:
     * the temporary table is already filled, and is dropped if the swap fails).
     */
    private static void swap(MaterializationContext ctx, Relation target, java.util.function.Consumer<Relation> create,
                             Runnable insideTransaction) {
        Relation tmp = temporary(target);
        Relation backup = backup(target);
        Optional<ExistingRelation> existing = ctx.existing(target);
        boolean wasTable = existing.isPresent() && existing.get().kind() == RelationKind.TABLE;
        boolean keys = wasTable && ctx.keysOrIndexesPossible();
        List<String> dependents = keys ? ForeignKeyDependents.of(ctx, target) : List.of();
        List<ReferencingKeys.Key> referencing = wasTable ? ReferencingKeys.of(ctx, target) : List.of();
        ctx.session().begin();
        boolean committed = false;
        try {
            if (create != null && existing.isEmpty()) {
                create.accept(target); // nothing to replace: built under its own name
            } else {
                if (create != null) {
                    create.accept(tmp);
                }
                if (existing.isPresent()) {
                    if (existing.get().kind() == RelationKind.VIEW) {
                        ctx.run(ctx.session().dialect().dropReplaced(RelationKind.VIEW, target));
                    } else {
                        if (keys) {
                            TableIndexes.dropOn(ctx, target);
                            ForeignKeyDependents.detach(ctx, target, dependents);
                        }
                        ctx.run("ALTER TABLE " + target.render() + " RENAME TO " + Relation.quote(backup.identifier()));
                    }
                }
                ctx.run("ALTER TABLE " + tmp.render() + " RENAME TO " + Relation.quote(target.identifier()));
                ForeignKeyDependents.reattach(ctx, target, dependents);
                ReferencingKeys.repoint(ctx, referencing);
            }
            insideTransaction.run();
            ctx.session().commit();
            committed = true;
        } finally {
            if (!committed) {
                ctx.session().rollback();
                if (create == null) {
                    ctx.session().execute("DROP TABLE IF EXISTS " + tmp.render());
                }
            }
        }
        ctx.recordBuilt(target, RelationKind.TABLE);
        if (wasTable) {
            ctx.run("DROP TABLE IF EXISTS " + backup.render() + ctx.session().dialect().dropDependents());
        }
    }

    /**
     * Replaces a table that has (or will have) foreign keys under its own name, in one
     * transaction: DuckDB keeps the name a foreign-key table was created under on the
     * table it references (duckdb/duckdb#24648), so such a table is never renamed. The
     * old table is dropped, {@code create} builds the new one, and a failure anywhere
     * rolls back to the old table with its rows.
     */
    static void replaceInPlace(MaterializationContext ctx, Relation target, Runnable create, Runnable insideTransaction) {
        // creating a foreign key alters the referenced table's catalog entry: two at once conflict
        synchronized (FOREIGN_KEY_DDL) {
            replaceInPlaceLocked(ctx, target, create, insideTransaction);
        }
    }

    private static void replaceInPlaceLocked(MaterializationContext ctx, Relation target, Runnable create,
                                             Runnable insideTransaction) {
        Optional<ExistingRelation> existing = ctx.existing(target);
        boolean wasTable = existing.isPresent() && existing.get().kind() == RelationKind.TABLE;
        List<String> dependents = wasTable ? ForeignKeyDependents.of(ctx, target) : List.of();
        ctx.session().begin();
        boolean committed = false;
        try {
            if (existing.isPresent()) {
                if (wasTable) {
                    TableIndexes.dropOn(ctx, target);
                    ForeignKeyDependents.detach(ctx, target, dependents);
                    ctx.run(ctx.session().dialect().dropReplaced(RelationKind.TABLE, target));
                } else {
                    ctx.run(ctx.session().dialect().dropReplaced(RelationKind.VIEW, target));
                }
            }
            create.run();
            ForeignKeyDependents.reattach(ctx, target, dependents);
            insideTransaction.run();
            ctx.session().commit();
            committed = true;
        } finally {
            if (!committed) {
                ctx.session().rollback();
            }
        }
        ctx.recordBuilt(target, RelationKind.TABLE);
    }
}
