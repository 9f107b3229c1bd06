package dev.mallard.core.materialize;

import dev.mallard.core.engine.Relation;

/** {@code materialized='table'}: build into a temporary table, then swap atomically. */
public final class TableMaterialization implements Materialization {
    @Override
    public String build(MaterializationContext ctx) {
        Relation target = ctx.node().relation();
        ctx.session().createSchemaIfMissing(target.database(), target.schema());
        RelationSwap.clearLeftovers(ctx, target);
        ctx.runHooks(ctx.node().config().preHooks());
        try {
            ctx.run("CREATE TABLE " + RelationSwap.temporary(target).render() + " AS (\n"
                    + SqlText.selectOf(ctx.compiledSql(), target) + "\n)");
        } catch (RuntimeException e) {
            ctx.session().execute("DROP TABLE IF EXISTS " + RelationSwap.temporary(target).render());
            throw e;
        }
        RelationSwap.swapIn(ctx, target);
        ctx.runHooks(ctx.node().config().postHooks());
        return "OK";
    }

    @Override
    public String kind() {
        return "table";
    }
}
