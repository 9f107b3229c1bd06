package dev.mallard.core.materialize;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code incremental_strategy='microbatch'}: the model is rendered once per batch, with
 * inputs that have an event_time filtered to the batch, and each batch replaces the
 * target's rows of its event_time window (delete+insert in one transaction, as
 * dbt-duckdb does; on Postgres each batch is merged on the unique_key instead, as dbt-postgres
 * does). On a first run or full refresh the first batch builds the table.
 * Batches run in order; a failed batch leaves its window as it was, the following
 * batches still run, and the model then fails naming the failed batches (dbt reports
 * "partial success" instead).
 */
public final class MicrobatchMaterialization implements Materialization {

    /** Renders the model for one batch; {@code incremental} is what is_incremental() returns. */
    @FunctionalInterface
    public interface BatchCompiler {
        String compile(BatchWindow batch, boolean incremental);
    }

    private final boolean fullRefreshFlag;
    private final EventTimeWindow window;
    private final BatchCompiler compiler;
    private final LocalDateTime now;

    /**
     * @param window --event-time-start/--event-time-end, or null
     * @param now    the invocation time, which the default window ends with
     */
    public MicrobatchMaterialization(boolean fullRefreshFlag, EventTimeWindow window, BatchCompiler compiler,
                                     java.time.Instant now) {
        this.fullRefreshFlag = fullRefreshFlag;
        this.window = window;
        this.compiler = compiler;
        this.now = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    @Override
    public String build(MaterializationContext ctx) {
        Relation target = ctx.node().relation();
        MicrobatchConfig config = MicrobatchConfig.of(ctx.node(), ctx.session().dialect());
        IncrementalConfig incremental = IncrementalConfig.of(ctx.node());
        ctx.session().createSchemaIfMissing(target.database(), target.schema());
        Optional<ExistingRelation> existing = ctx.session().findRelation(target);
        boolean tableExists = IncrementalMaterialization.isIncremental(ctx.node(), existing, fullRefreshFlag);
        List<BatchWindow> batches = config.batches(tableExists, window, now, ctx.node().name());
        List<String> failed = new ArrayList<>();
        RuntimeException firstFailure = null;
        // a table-building first batch runs the hooks around itself; otherwise they wrap all batches
        boolean startedIncremental = tableExists;
        if (startedIncremental) {
            ctx.runHooks(ctx.node().config().preHooks());
        }
        for (BatchWindow batch : batches) {
            String sql = compiler.compile(batch, tableExists);
            if (!tableExists) {
                // the table-building batch: a failure here leaves nothing for later batches to fill
                new TableMaterialization().build(withSql(ctx, sql));
                tableExists = true;
                continue;
            }
            try {
                apply(ctx, sql, batch, config, incremental);
            } catch (RuntimeException e) {
                failed.add(batch.toString());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (!failed.isEmpty()) {
            throw new MallardException(ErrorCode.SQL, failed.size() + " of " + batches.size() + " batches failed ("
                    + String.join(", ", failed) + "); their windows keep their previous rows: "
                    + firstFailure.getMessage(), null, 0,
                    "rerun with --event-time-start/--event-time-end covering the failed batches", firstFailure);
        }
        if (startedIncremental) {
            ctx.runHooks(ctx.node().config().postHooks());
        }
        return "OK " + batches.size() + (batches.size() == 1 ? " batch" : " batches");
    }

    private static MaterializationContext withSql(MaterializationContext ctx, String sql) {
        return new MaterializationContext(ctx.node(), sql, ctx.session(), ctx.hookRenderer(), ctx.executed(),
                ctx.tablesRebuiltThisRun(), ctx.contractDefinitions(), ctx.catalog());
    }

    private static void apply(MaterializationContext ctx, String sql, BatchWindow batch, MicrobatchConfig config,
                              IncrementalConfig incremental) {
        Relation target = ctx.node().relation();
        Relation temp = RelationSwap.temporary(target);
        RelationSwap.clearLeftovers(ctx, target);
        if (ctx.node() instanceof dev.mallard.core.manifest.ModelNode m && m.contractEnforced()) {
            ContractCheck.verify(m, SqlText.selectOf(sql, target), ctx.session());
        }
        try {
            ctx.run("CREATE TABLE " + temp.render() + " AS (\n" + SqlText.selectOf(sql, target) + "\n)");
            List<ColumnInfo> batchColumns = ctx.session().columns(temp);
            List<ColumnInfo> existingColumns = ctx.session().columns(target);
            ctx.session().begin();
            boolean committed = false;
            try {
                List<String> columns = SchemaChanges.apply(incremental.onSchemaChange(), ctx.node().name(), ctx, target,
                        batchColumns, existingColumns);
                StringBuilder where = new StringBuilder(batch.predicate(config.eventTime()));
                for (String p : incremental.predicates()) {
                    where.append("\n    and (").append(p).append(")");
                }
                if (ctx.session().dialect().microbatchMerges()) {
                    // dbt-postgres merges the whole batch on the unique_key, with the incremental predicates
                    for (String merge : IncrementalStrategy.named("merge", ctx.session().dialect())
                            .statements(target, temp, columns, incremental)) {
                        ctx.run(merge);
                    }
                } else {
                    String cols = IncrementalStrategy.quotedCsv(columns);
                    ctx.run("delete from " + target.render() + "\nwhere " + where);
                    ctx.run("insert into " + target.render() + " (" + cols + ")\nselect " + cols + "\nfrom "
                            + temp.render() + "\nwhere " + batch.predicate(config.eventTime()));
                }
                ctx.session().commit();
                committed = true;
            } finally {
                if (!committed) {
                    ctx.session().rollback();
                }
            }
        } finally {
            ctx.session().execute("DROP TABLE IF EXISTS " + temp.render());
        }
    }

    @Override
    public String kind() {
        return "incremental";
    }
}
