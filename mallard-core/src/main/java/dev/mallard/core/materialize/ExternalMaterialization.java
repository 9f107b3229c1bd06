package dev.mallard.core.materialize;

import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.manifest.Node;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code materialized='external'}: the model's rows are written to a Parquet, CSV or JSON
 * file (or a partitioned directory) published atomically by {@link ExternalPublish}, and
 * the database gets a view over the published output so that downstream models can ref it.
 * With {@code incremental_strategy} append or merge (on {@code unique_key}) the new output
 * is the rows already published plus, or merged with, the model's new rows; the first run,
 * a full refresh, or a missing view builds it from the model alone.
 */
public final class ExternalMaterialization implements Materialization {
    private final Path projectDir;
    private final String externalRoot;
    private final boolean fullRefreshFlag;

    /**
     * @param projectDir the folder relative locations are resolved against
     * @param externalRoot the profile output's {@code external_root}, or null for "."
     * @param fullRefreshFlag whether --full-refresh was given
     */
    public ExternalMaterialization(Path projectDir, String externalRoot, boolean fullRefreshFlag) {
        this.projectDir = projectDir;
        this.externalRoot = externalRoot;
        this.fullRefreshFlag = fullRefreshFlag;
    }

    /** is_incremental() of an external model: it has a strategy, its view exists, and no full refresh. */
    static boolean isIncremental(Node node, Optional<ExistingRelation> existing, boolean fullRefreshFlag) {
        return node.config().get("incremental_strategy") != null
                && existing.isPresent() && existing.get().kind() == RelationKind.VIEW
                && !IncrementalConfig.shouldFullRefresh(node.config(), fullRefreshFlag);
    }

    @Override
    public String build(MaterializationContext ctx) {
        Relation target = ctx.node().relation();
        if (!ctx.session().dialect().writesExternalFiles()) {
            // refused before any statement: Postgres' COPY TO would write the file on the server
            String type = ctx.session().dialect().adapterType();
            throw new MallardException(ErrorCode.PROJECT, "model '" + ctx.node().name() + "' is materialized as "
                    + "'external', which writes a file through DuckDB; a " + type + " target cannot (dbt-" + type
                    + " has no 'external' materialization either)", ctx.node().originalFilePath(), 0,
                    "materialize it as a table here, or build it on a DuckDB target", null);
        }
        ExternalConfig config = ExternalConfig.of(ctx.node(), projectDir, externalRoot);
        ctx.session().createSchemaIfMissing(target.database(), target.schema());
        RelationSwap.clearLeftovers(ctx, target);
        ExternalPublish.clearLeftovers(config);
        ctx.runHooks(ctx.node().config().preHooks());
        Optional<ExistingRelation> existing = ctx.session().findRelation(target);
        boolean incremental = config.strategy() != null && isIncremental(ctx.node(), existing, fullRefreshFlag);
        String readLocation;
        String select = SqlText.selectOf(ctx.compiledSql(), target);
        if (!incremental) {
            // one pass: the model's query straight into the temporary file, then renamed
            readLocation = ExternalPublish.publish(ctx, "(\n" + select + "\n)", config);
        } else {
            Relation rows = RelationSwap.temporary(target);
            Relation merged = RelationSwap.backup(target);
            try {
                ctx.run("CREATE TABLE " + rows.render() + " AS (\n" + select + "\n)");
                ctx.run("CREATE TABLE " + merged.render() + " AS (\n" + mergeSql(target, rows, config) + "\n)");
                readLocation = ExternalPublish.publish(ctx, merged.render(), config);
            } finally {
                ctx.session().execute("DROP TABLE IF EXISTS " + rows.render());
                ctx.session().execute("DROP TABLE IF EXISTS " + merged.render());
            }
        }
        ctx.session().begin();
        boolean committed = false;
        try {
            if (existing.isPresent() && existing.get().kind() == RelationKind.TABLE) {
                ctx.run("DROP TABLE " + target.render());
            }
            ctx.run("CREATE OR REPLACE VIEW " + target.render() + " AS (\n" + readSql(readLocation, config) + "\n)");
            ctx.runHooks(ctx.node().config().postHooksInTransaction());
            ctx.session().commit();
            committed = true;
        } finally {
            if (!committed) {
                ctx.session().rollback();
            }
        }
        ctx.runHooks(ctx.node().config().postHooksAfterCommit());
        return "OK";
    }

    /** The rows of the next output: the published rows (those not replaced, for merge) and the new rows. */
    private static String mergeSql(Relation published, Relation rows, ExternalConfig config) {
        if ("append".equals(config.strategy())) {
            return "SELECT * FROM " + published.render() + "\nUNION ALL BY NAME\nSELECT * FROM " + rows.render();
        }
        String matches = config.uniqueKey().stream()
                .map(k -> "new_rows." + Relation.quote(k) + " IS NOT DISTINCT FROM old_rows." + Relation.quote(k))
                .collect(Collectors.joining(" AND "));
        return "SELECT * FROM " + published.render() + " AS old_rows\nWHERE NOT EXISTS (SELECT 1 FROM " + rows.render()
                + " AS new_rows WHERE " + matches + ")\nUNION ALL BY NAME\nSELECT * FROM " + rows.render();
    }

    /** The view's query, as dbt-duckdb writes it (parquet without union_by_name, csv and json auto-detected). */
    static String readSql(String location, ExternalConfig config) {
        String path = ExternalPublish.literal(location);
        String hive = config.partitioned() ? ", hive_partitioning = true" : "";
        return switch (config.format()) {
            case "csv" -> "SELECT * FROM read_csv(" + path + ", auto_detect = true" + hive + ")";
            case "json" -> "SELECT * FROM read_json(" + path + ", auto_detect = true" + hive + ")";
            default -> "SELECT * FROM read_parquet(" + path + ", union_by_name = false" + hive + ")";
        };
    }

    @Override
    public String kind() {
        return "external";
    }
}
