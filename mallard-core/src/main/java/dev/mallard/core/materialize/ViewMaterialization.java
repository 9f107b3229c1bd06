package dev.mallard.core.materialize;

import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import java.util.Optional;

/** {@code materialized='view'}: replace the view in one transaction. */
public final class ViewMaterialization implements Materialization {
    @Override
    public String build(MaterializationContext ctx) {
        Relation target = ctx.node().relation();
        ctx.session().createSchemaIfMissing(target.database(), target.schema());
        ctx.runHooks(ctx.node().config().preHooks());
        if (ctx.node() instanceof dev.mallard.core.manifest.ModelNode m && m.contractEnforced()) {
            // a view's contract checks its columns only; DuckDB views carry no constraints
            ContractCheck.verify(m, SqlText.selectOf(ctx.compiledSql(), target), ctx.session());
        }
        Optional<ExistingRelation> existing = ctx.session().findRelation(target);
        ctx.session().begin();
        boolean committed = false;
        try {
            if (existing.isPresent() && existing.get().kind() == RelationKind.TABLE) {
                ctx.run("DROP TABLE " + target.render());
            }
            ctx.run("CREATE OR REPLACE VIEW " + target.render() + " AS (\n" + SqlText.selectOf(ctx.compiledSql(), target) + "\n)");
            ctx.session().commit();
            committed = true;
        } finally {
            if (!committed) {
                ctx.session().rollback();
            }
        }
        ctx.runHooks(ctx.node().config().postHooks());
        return "OK";
    }

    @Override
    public String kind() {
        return "view";
    }
}
