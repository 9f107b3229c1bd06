package dev.mallard.spark;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.materialize.IncrementalMaterialization;
import dev.mallard.core.materialize.Materialization;
import dev.mallard.core.materialize.MaterializationContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code materialized='incremental'} on Spark, as dbt-spark runs it on a Parquet table. The
 * first run, a full refresh or a view in the way builds the table ({@link
 * SparkTableMaterialization#replace}); later runs put the model's rows in a temporary view and
 * run the strategy: {@code append} (the default: {@code insert into}) or {@code
 * insert_overwrite} ({@code insert overwrite}, of the partitions the new rows fall in when
 * {@code partition_by} is set, with Spark's dynamic partition overwrite; else of the whole
 * table). {@code merge} needs a file format that can merge (delta, iceberg, hudi) and is
 * refused with dbt-spark's message otherwise.
 */
final class SparkIncrementalMaterialization implements Materialization {
    static final List<String> STRATEGIES = List.of("append", "merge", "insert_overwrite", "microbatch");

    private final boolean fullRefreshFlag;

    SparkIncrementalMaterialization(boolean fullRefreshFlag) {
        this.fullRefreshFlag = fullRefreshFlag;
    }

    @Override
    public String build(MaterializationContext ctx) {
        Node node = ctx.node();
        Relation target = node.relation();
        SparkTableDdl ddl = SparkTableDdl.of(node);
        String strategy = strategy(node, ddl);
        ctx.ensureSchema(target);
        ctx.runHooks(node.config().preHooks());
        String select = SparkTableDdl.select(ctx.compiledSql());
        Optional<ExistingRelation> existing = ctx.session().findRelation(target);
        if (existing.isEmpty() || existing.get().kind() == RelationKind.VIEW
                || IncrementalMaterialization.rebuildsFromScratch(node, fullRefreshFlag)) {
            SparkTableMaterialization.replace(ctx, target, ddl, select);
        } else {
            String mode = node.config().string("on_schema_change", "ignore").strip();
            if (!mode.equals("ignore") && List.of("fail", "append_new_columns", "sync_all_columns").contains(mode)) {
                throw new MallardException(ErrorCode.PROJECT, "model '" + node.name() + "': on_schema_change '" + mode
                        + "' is not supported on Spark yet (only 'ignore')", node.originalFilePath(), 0);
            }
            Relation batch = new Relation(null, null, target.identifier() + "__dbt_tmp");
            ctx.run("CREATE OR REPLACE TEMPORARY VIEW " + batch.render() + "\nAS\n" + select);
            try {
                List<ColumnInfo> columns = ctx.session().columns(target);
                String list = String.join(", ", columns.stream().map(c -> Relation.quote(c.name())).toList());
                if (strategy.equals("insert_overwrite")) {
                    String partition = "";
                    if (!ddl.partitionBy().isEmpty()) {
                        ctx.run("SET spark.sql.sources.partitionOverwriteMode = DYNAMIC");
                        partition = " PARTITION (" + String.join(", ", ddl.partitionBy()) + ")";
                    }
                    ctx.run("INSERT OVERWRITE TABLE " + target.render() + partition + "\nSELECT " + list + " FROM "
                            + batch.render());
                } else {
                    ctx.run("INSERT INTO TABLE " + target.render() + "\nSELECT " + list + " FROM " + batch.render());
                }
            } finally {
                ctx.session().execute("DROP VIEW IF EXISTS " + batch.render());
            }
        }
        ctx.runHooks(node.config().postHooks());
        return "OK";
    }

    /** dbt-spark's strategy check: the default is append; merge only where the file format merges. */
    static String strategy(Node node, SparkTableDdl ddl) {
        Object raw = node.config().get("incremental_strategy");
        String strategy = raw == null || String.valueOf(raw).isBlank() ? "append"
                : String.valueOf(raw).strip().toLowerCase(Locale.ROOT);
        if (!STRATEGIES.contains(strategy)) {
            throw new MallardException(ErrorCode.PROJECT, "Invalid incremental strategy provided: " + raw
                    + "\n    Expected one of: 'append', 'merge', 'insert_overwrite', 'microbatch'",
                    node.originalFilePath(), 0);
        }
        if (strategy.equals("merge") && !ddl.merges()) {
            throw new MallardException(ErrorCode.PROJECT, "Invalid incremental strategy provided: " + raw
                    + "\n    You can only choose this strategy when file_format is set to 'delta' or 'iceberg' or 'hudi'",
                    node.originalFilePath(), 0);
        }
        if (strategy.equals("merge") || strategy.equals("microbatch")) {
            throw new MallardException(ErrorCode.PROJECT, "model '" + node.name() + "': incremental_strategy '"
                    + strategy + "' is not supported on Spark yet (supported: append, insert_overwrite)",
                    node.originalFilePath(), 0);
        }
        return strategy;
    }

    @Override
    public String kind() {
        return "incremental";
    }
}
