package dev.mallard.spark;

import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.materialize.Materialization;
import dev.mallard.core.materialize.MaterializationContext;
import java.util.Optional;

/** {@code materialized='view'} on Spark: {@code CREATE OR REPLACE VIEW}, a table in the way dropped first (as dbt does). */
final class SparkViewMaterialization implements Materialization {
    @Override
    public String build(MaterializationContext ctx) {
        Relation target = ctx.node().relation();
        ctx.ensureSchema(target);
        ctx.runHooks(ctx.node().config().preHooks());
        Optional<ExistingRelation> existing = ctx.existing(target);
        if (existing.isPresent() && existing.get().kind() == RelationKind.TABLE) {
            ctx.run("DROP TABLE IF EXISTS " + target.render());
        }
        ctx.run("CREATE OR REPLACE VIEW " + target.render() + "\nAS\n" + SparkTableDdl.select(ctx.compiledSql()));
        ctx.recordBuilt(target, RelationKind.VIEW);
        ctx.runHooks(ctx.node().config().postHooks());
        return "OK";
    }

    @Override
    public String kind() {
        return "view";
    }
}
