package dev.mallard.spark;

import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.materialize.Materialization;
import dev.mallard.core.materialize.MaterializationContext;
import java.util.Optional;

/**
 * {@code materialized='table'} on Spark, as dbt-spark builds a Parquet table: the old relation
 * is dropped, then {@code CREATE TABLE ... USING parquet ... AS <select>}. Spark has no
 * transactions, so (as with dbt-spark) a failed build leaves no table; a table with a
 * {@code location_root} gets its directory cleared when the table it replaces lived there.
 */
final class SparkTableMaterialization implements Materialization {
    @Override
    public String build(MaterializationContext ctx) {
        Relation target = ctx.node().relation();
        SparkTableDdl ddl = SparkTableDdl.of(ctx.node());
        ctx.ensureSchema(target);
        ctx.runHooks(ctx.node().config().preHooks());
        replace(ctx, target, ddl, SparkTableDdl.select(ctx.compiledSql()));
        ctx.runHooks(ctx.node().config().postHooks());
        return "OK";
    }

    /** Drops what is at {@code target} and creates the table there from {@code select}. */
    static void replace(MaterializationContext ctx, Relation target, SparkTableDdl ddl, String select) {
        SparkEngineSession session = ctx.session().unwrap(SparkEngineSession.class);
        Optional<ExistingRelation> existing = ctx.existing(target);
        if (existing.isPresent()) {
            if (existing.get().kind() == RelationKind.VIEW) {
                ctx.run("DROP VIEW IF EXISTS " + target.render());
            } else {
                String oldLocation = session.externalLocation(target);
                ctx.run("DROP TABLE IF EXISTS " + target.render());
                if (oldLocation != null && ddl.location() != null && session.sameLocation(oldLocation, ddl.location())) {
                    session.deleteLocation(oldLocation);
                }
            }
            ctx.recordBuilt(target, null);
        }
        ctx.run(ddl.createAs(target, select));
        ctx.recordBuilt(target, RelationKind.TABLE);
    }

    @Override
    public String kind() {
        return "table";
    }
}
