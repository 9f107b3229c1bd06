package dev.mallard.core.materialize;

import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.manifest.ModelNode;
import java.util.Optional;

/**
 * {@code materialized='table'}: build and swap in one transaction ({@link RelationSwap#build}). With an
 * enforced contract the columns are checked first and the table is created with its
 * declared columns and constraints, then filled by INSERT ... SELECT, so a violating row
 * fails the build and the previous table stays. A table with foreign keys is replaced
 * under its own name in one transaction instead (see {@link RelationSwap#replaceInPlace}).
 */
public final class TableMaterialization implements Materialization {
    @Override
    public String build(MaterializationContext ctx) {
        Relation target = ctx.node().relation();
        ctx.ensureSchema(target);
        RelationSwap.clearLeftovers(ctx, target);
        ctx.runHooks(ctx.node().config().preHooks());
        String select = SqlText.selectOf(ctx.compiledSql(), target);
        ModelNode contracted = ctx.node() instanceof ModelNode m && m.contractEnforced() ? m : null;
        if (contracted != null) {
            ContractCheck.verify(contracted, select, ctx.session());
        }
        Runnable postHooksInside = () -> ctx.runHooks(ctx.node().config().postHooksInTransaction());
        // a rename carries foreign keys along where the engine allows it (Postgres): then the swap serves
        boolean keysBlockRename = ctx.session().dialect().renameNeedsKeysDetached();
        if ((keysBlockRename && contracted != null && TableDefinition.declaresForeignKey(contracted))
                || existingHasForeignKeys(ctx, target)) {
            RelationSwap.replaceInPlace(ctx, target, () -> create(ctx, target, select, contracted), postHooksInside);
        } else if (contracted != null || !ctx.node().config().postHooksInTransaction().isEmpty()) {
            // filled outside the swap's transaction: DuckDB checks constraints (a contract's, or those post-hooks
            // add) at once on a committed table and names the violation a Constraint Error, where on a table of
            // the open transaction it reports a failed commit
            Relation tmp = RelationSwap.temporary(target);
            try {
                create(ctx, tmp, select, contracted);
            } catch (RuntimeException e) {
                ctx.session().execute("DROP TABLE IF EXISTS " + tmp.render());
                throw e;
            }
            RelationSwap.swapIn(ctx, target, postHooksInside);
        } else {
            RelationSwap.build(ctx, target, table -> create(ctx, table, select, null), postHooksInside);
        }
        TableIndexes.create(ctx, target);
        ctx.runHooks(ctx.node().config().postHooksAfterCommit());
        return "OK";
    }

    private static void create(MaterializationContext ctx, Relation table, String select, ModelNode contracted) {
        if (contracted == null) {
            ctx.run("CREATE TABLE " + table.render() + " AS (\n" + select + "\n)");
            return;
        }
        String columns = TableDefinition.columnNames(contracted);
        ctx.run("CREATE TABLE " + table.render() + " "
                + TableDefinition.columnsAndConstraints(contracted, ctx.hookRenderer()));
        ctx.run("INSERT INTO " + table.render() + " (" + columns + ")\nSELECT " + columns + " FROM (\n" + select
                + "\n) AS model_subq");
    }

    private static boolean existingHasForeignKeys(MaterializationContext ctx, Relation target) {
        Optional<ExistingRelation> existing = ctx.existing(target);
        return existing.isPresent() && existing.get().kind() == RelationKind.TABLE && ctx.keysOrIndexesPossible()
                && ForeignKeyDependents.hasForeignKeys(ctx, target);
    }

    @Override
    public String kind() {
        return "table";
    }
}
