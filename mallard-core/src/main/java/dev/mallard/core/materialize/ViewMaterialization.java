package dev.mallard.core.materialize;

import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import java.util.Optional;

/** {@code materialized='view'}: replace the view atomically (in one transaction where a table gives way). */
public final class ViewMaterialization implements Materialization {
    @Override
    public String build(MaterializationContext ctx) {
        Relation target = ctx.node().relation();
        ctx.ensureSchema(target);
        ctx.runHooks(ctx.node().config().preHooks());
        if (ctx.node() instanceof dev.mallard.core.manifest.ModelNode m && m.contractEnforced()) {
            // a view's contract checks its columns only; DuckDB views carry no constraints
            ContractCheck.verify(m, SqlText.selectOf(ctx.compiledSql(), target), ctx.session());
        }
        Optional<ExistingRelation> existing = ctx.existing(target);
        String create = "CREATE OR REPLACE VIEW " + target.render() + " AS (\n" + SqlText.selectOf(ctx.compiledSql(), target)
                + "\n)";
        boolean dropFirst = existing.isPresent()
                && (existing.get().kind() == RelationKind.TABLE || !ctx.session().dialect().replacesViewColumns());
        if (dropFirst) {
            // one transaction: readers see the old relation or the new view (Postgres: its columns may change)
            ctx.session().begin();
            boolean committed = false;
            try {
                ctx.run(ctx.session().dialect().dropReplaced(existing.get().kind(), target));
                ctx.run(create);
                ctx.session().commit();
                committed = true;
            } finally {
                if (!committed) {
                    ctx.session().rollback();
                }
            }
        } else {
            ctx.run(create); // one statement: atomic on its own
        }
        ctx.recordBuilt(target, RelationKind.VIEW);
        ctx.runHooks(ctx.node().config().postHooks());
        return "OK";
    }

    @Override
    public String kind() {
        return "view";
    }
}
