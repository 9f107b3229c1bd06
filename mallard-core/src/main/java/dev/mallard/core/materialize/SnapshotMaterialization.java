package dev.mallard.core.materialize;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code materialized='snapshot'}: a type-2 slowly changing dimension, with the SQL that
 * dbt's snapshot materialization and dbt-duckdb's merge produce. The first run creates the
 * table; later runs build a staging table of changes, close the changed rows and insert
 * the new versions, all in one transaction, so that a failure leaves the table unchanged.
 */
public final class SnapshotMaterialization implements Materialization {

    @Override
    public String build(MaterializationContext ctx) {
        Relation target = ctx.node().relation();
        SnapshotStrategy strategy = SnapshotStrategy.of(ctx.node().config());
        ctx.session().createSchemaIfMissing(target.database(), target.schema());
        Optional<ExistingRelation> existing = ctx.session().findRelation(target);
        if (existing.isPresent() && existing.get().kind() != RelationKind.TABLE) {
            throw new MallardException(ErrorCode.PROJECT, "snapshot target " + target.render() + " is a "
                    + existing.get().kind().name().toLowerCase(java.util.Locale.ROOT) + ", not a table");
        }
        Relation staging = target.withIdentifier(target.identifier() + "__dbt_tmp");
        ctx.run("DROP TABLE IF EXISTS " + staging.render());
        ctx.runHooks(ctx.node().config().preHooks());
        ctx.session().begin();
        boolean committed = false;
        try {
            if (existing.isEmpty()) {
                ctx.run("create table " + target.render() + " as (\n" + strategy.buildSql(ctx.compiledSql()) + "\n)");
            } else {
                merge(ctx, strategy, target, staging);
            }
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

    private void merge(MaterializationContext ctx, SnapshotStrategy strategy, Relation target, Relation staging) {
        String sql = ctx.compiledSql();
        List<String> targetColumns = names(ctx.session().columns(target));
        SnapshotColumns meta = strategy.columns();
        List<String> missing = new ArrayList<>();
        for (String c : List.of(meta.scdId(), meta.updatedAt(), meta.validFrom(), meta.validTo())) {
            if (!targetColumns.contains(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new MallardException(ErrorCode.PROJECT, target.render() + " is not a snapshot table with these "
                    + "meta column names: it has no " + String.join(", ", missing), ctx.node().originalFilePath(), 0,
                    "drop the table or set snapshot_meta_column_names to the names it was built with", null);
        }
        String rowChanged = strategy.rowChanged(() -> queryColumns(ctx, strategy.checkColumnsQuery(sql)), targetColumns);
        List<String> sourceColumns = strategy.hardDeletes().equals("new_record") ? queryColumns(ctx, sql) : List.of();
        ctx.run("create table " + staging.render() + " as (\n"
                + strategy.stagingSql(sql, target, rowChanged, targetColumns, sourceColumns) + "\n)");
        Set<String> removed = new HashSet<>(List.of("dbt_change_type", "DBT_CHANGE_TYPE", "dbt_unique_key",
                "DBT_UNIQUE_KEY"));
        for (int i = 1; i <= strategy.uniqueKey().size(); i++) {
            removed.add("dbt_unique_key_" + i);
            removed.add("DBT_UNIQUE_KEY_" + i);
        }
        List<String> insertColumns = new ArrayList<>();
        Set<String> present = new HashSet<>(targetColumns);
        for (ColumnInfo c : ctx.session().columns(staging)) {
            if (removed.contains(c.name())) {
                continue;
            }
            if (!present.contains(c.name())) {
                ctx.run("alter table " + target.render() + " add column " + Relation.quote(c.name()) + " " + c.type());
            }
            insertColumns.add(Relation.quote(c.name()));
        }
        SnapshotColumns cols = strategy.columns();
        String current = strategy.validToCurrent() == null
                ? "DBT_INTERNAL_TARGET." + cols.validTo() + " is null"
                : "(DBT_INTERNAL_TARGET." + cols.validTo() + " = " + strategy.validToCurrent()
                        + " or DBT_INTERNAL_TARGET." + cols.validTo() + " is null)";
        ctx.run("update " + target.render() + " as DBT_INTERNAL_TARGET\n"
                + "set " + cols.validTo() + " = DBT_INTERNAL_SOURCE." + cols.validTo() + "\n"
                + "from " + staging.render() + " as DBT_INTERNAL_SOURCE\n"
                + "where DBT_INTERNAL_SOURCE." + cols.scdId() + "::text = DBT_INTERNAL_TARGET." + cols.scdId() + "::text\n"
                + "  and DBT_INTERNAL_SOURCE.dbt_change_type::text in ('update'::text, 'delete'::text)\n"
                + "  and " + current);
        String csv = String.join(", ", insertColumns);
        StringBuilder select = new StringBuilder();
        for (String c : insertColumns) {
            select.append(select.length() == 0 ? "" : ", ").append("DBT_INTERNAL_SOURCE.").append(c);
        }
        ctx.run("insert into " + target.render() + " (" + csv + ")\nselect " + select + "\nfrom " + staging.render()
                + " as DBT_INTERNAL_SOURCE\nwhere DBT_INTERNAL_SOURCE.dbt_change_type::text = 'insert'::text");
        ctx.run("drop table " + staging.render());
    }

    private static List<String> queryColumns(MaterializationContext ctx, String sql) {
        return ctx.session().query("select * from (\n" + sql + "\n) as __dbt_sbq limit 0", 0).columnNames();
    }

    private static List<String> names(List<ColumnInfo> columns) {
        return columns.stream().map(ColumnInfo::name).toList();
    }

    @Override
    public String kind() {
        return "snapshot";
    }
}
