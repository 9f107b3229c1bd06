package dev.mallard.core.materialize;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import java.util.List;
import java.util.Optional;

/**
 * {@code materialized='incremental'}. The first run, a full refresh, or a view in the way
 * builds like a table (atomic swap). Later runs compute the new rows into a temporary
 * table, then apply the schema change and the strategy's statements in one transaction,
 * so a failure leaves the existing table exactly as it was.
 */
public final class IncrementalMaterialization implements Materialization {
    private final boolean fullRefreshFlag;
    private final java.util.function.Predicate<String> definedOutsideDbt;

    /** @param fullRefreshFlag whether --full-refresh was given */
    public IncrementalMaterialization(boolean fullRefreshFlag) {
        this(fullRefreshFlag, name -> false);
    }

    /**
     * @param fullRefreshFlag whether --full-refresh was given
     * @param definedOutsideDbt whether the project or a package defines a macro of this name
     *     (it then overrides dbt's, also inside the built-in strategies)
     */
    public IncrementalMaterialization(boolean fullRefreshFlag, java.util.function.Predicate<String> definedOutsideDbt) {
        this.fullRefreshFlag = fullRefreshFlag;
        this.definedOutsideDbt = definedOutsideDbt;
    }

    /** dbt's is_incremental() for a node, given what exists in the database now. */
    public static boolean isIncremental(dev.mallard.core.manifest.Node node, Optional<ExistingRelation> existing,
                                        boolean fullRefreshFlag) {
        if ("external".equals(node.config().materialized())) {
            return ExternalMaterialization.isIncremental(node, existing, fullRefreshFlag);
        }
        return existing.isPresent() && existing.get().kind() == RelationKind.TABLE
                && "incremental".equals(node.config().materialized())
                && !IncrementalConfig.shouldFullRefresh(node.config(), fullRefreshFlag);
    }

    /** Whether this run rebuilds the incremental model from scratch (--full-refresh or its full_refresh config). */
    public static boolean rebuildsFromScratch(dev.mallard.core.manifest.Node node, boolean fullRefreshFlag) {
        return IncrementalConfig.shouldFullRefresh(node.config(), fullRefreshFlag);
    }

    @Override
    public String build(MaterializationContext ctx) {
        Relation target = ctx.node().relation();
        IncrementalConfig config = IncrementalConfig.of(ctx.node());
        if (!IncrementalConfig.STRATEGIES.contains(config.strategy())) {
            // as dbt, a custom strategy's macro must exist on the first run too
            CustomIncrementalStrategy.requireMacro(ctx, config.strategy());
        }
        ctx.session().createSchemaIfMissing(target.database(), target.schema());
        Optional<ExistingRelation> existing = ctx.session().findRelation(target);
        if (!isIncremental(ctx.node(), existing, fullRefreshFlag)) {
            return new TableMaterialization().build(ctx);
        }
        Relation batch = RelationSwap.temporary(target);
        RelationSwap.clearLeftovers(ctx, target);
        ctx.runHooks(ctx.node().config().preHooks());
        if (ctx.node() instanceof dev.mallard.core.manifest.ModelNode m && m.contractEnforced()) {
            // the table keeps the constraints it was created with; the new rows must fit the contract too
            ContractCheck.verify(m, SqlText.selectOf(ctx.compiledSql(), target), ctx.session());
        }
        try {
            ctx.run("CREATE TABLE " + batch.render() + " AS (\n" + SqlText.selectOf(ctx.compiledSql(), target) + "\n)");
            List<ColumnInfo> batchColumns = ctx.session().columns(batch);
            List<ColumnInfo> existingColumns = ctx.session().columns(target);
            ctx.session().begin();
            boolean committed = false;
            try {
                List<String> columns = SchemaChanges.apply(config.onSchemaChange(), ctx.node().name(), ctx, target,
                        batchColumns, existingColumns);
                String overridden = OverriddenStrategyMacros.entryMacro(
                        ctx.node().config().get("incremental_strategy"), config.strategy(), definedOutsideDbt);
                if (overridden != null) {
                    ctx.run(CustomIncrementalStrategy.macroSql(ctx, overridden, target, batch, columns, batchColumns));
                } else if (IncrementalConfig.STRATEGIES.contains(config.strategy())) {
                    for (String sql : IncrementalStrategy.named(config.strategy(), ctx.session().dialect())
                            .statements(target, batch, columns, config)) {
                        ctx.run(sql);
                    }
                } else {
                    ctx.run(CustomIncrementalStrategy.sql(ctx, config.strategy(), target, batch, columns,
                            batchColumns));
                }
                ctx.session().commit();
                committed = true;
            } finally {
                if (!committed) {
                    ctx.session().rollback();
                }
            }
        } finally {
            ctx.session().execute("DROP TABLE IF EXISTS " + batch.render());
        }
        ctx.runHooks(ctx.node().config().postHooks());
        return "OK";
    }

    @Override
    public String kind() {
        return "incremental";
    }
}
