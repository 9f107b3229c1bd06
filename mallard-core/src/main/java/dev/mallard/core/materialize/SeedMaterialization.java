package dev.mallard.core.materialize;

import dev.mallard.core.engine.CsvLoad;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.manifest.SeedNode;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seeds: the file read once by the engine (types inferred as dbt-duckdb infers them) into a
 * temporary table, then the atomic swap. Only a file the engine refuses is read again, line
 * by line, for an error that names the line.
 */
public final class SeedMaterialization implements Materialization {
    @Override
    @SuppressWarnings("unchecked")
    public String build(MaterializationContext ctx) {
        SeedNode seed = (SeedNode) ctx.node();
        Relation target = seed.relation();
        ctx.ensureSchema(target);
        RelationSwap.clearLeftovers(ctx, target);
        ctx.runHooks(seed.config().preHooks());
        String delimiter = seed.config().string("delimiter", ",");
        char delim = delimiter.isEmpty() ? ',' : delimiter.charAt(0);
        // the header, as dbt's reader sees it: DuckDB must read as many columns (one line read)
        List<String> header = CsvCheck.header(seed.csvFile(), seed.originalFilePath(), delim);
        Map<String, String> types = new LinkedHashMap<>();
        if (seed.config().get("column_types") instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> types.put(k, String.valueOf(v)));
        }
        Relation tmp = RelationSwap.temporary(target);
        try {
            // the engine reads the file once and infers the other columns' types as dbt-duckdb does
            ctx.session().loadCsv(new CsvLoad(seed.csvFile(), tmp, delimiter, types));
            // the result's own column list: the catalog's (information_schema) costs several times more
            int loaded = ctx.session().query("SELECT * FROM " + tmp.render() + " LIMIT 0").columnNames().size();
            if (loaded != header.size()) {
                throw new MallardException(ErrorCode.PROJECT, "DuckDB read " + loaded + " columns but the header has "
                        + header.size(), seed.originalFilePath(), 1);
            }
            ctx.executed().add("-- loaded " + seed.originalFilePath() + " into " + tmp.render());
        } catch (RuntimeException e) {
            ctx.session().execute("DROP TABLE IF EXISTS " + tmp.render());
            // a file DuckDB refuses (or misreads) is checked line by line for an error naming the line
            CsvCheck.check(seed.csvFile(), seed.originalFilePath(), delim);
            throw e;
        }
        long rows = ((Number) ctx.session().query("SELECT count(*) FROM " + tmp.render()).rows().get(0).get(0)).longValue();
        if (refillsInPlace(ctx, target, tmp)) {
            refill(ctx, target, tmp);
        } else {
            RelationSwap.swapIn(ctx, target);
        }
        ctx.runHooks(seed.config().postHooks());
        return "INSERT " + rows;
    }

    /**
     * Where views bind to the table they read (Postgres), a seed table with the same columns is
     * refilled in place, so the views on it stay, as dbt-postgres truncates and inserts; a swap
     * would drop them with the old table.
     */
    private static boolean refillsInPlace(MaterializationContext ctx, Relation target, Relation tmp) {
        if (!ctx.session().dialect().viewsBindToTables()) {
            return false;
        }
        Optional<ExistingRelation> existing = ctx.existing(target);
        return existing.isPresent() && existing.get().kind() == RelationKind.TABLE
                && ctx.session().columns(target).equals(ctx.session().columns(tmp));
    }

    /** Replaces the rows of {@code target} by those of {@code tmp} in one transaction, then drops {@code tmp}. */
    private static void refill(MaterializationContext ctx, Relation target, Relation tmp) {
        ctx.session().begin();
        boolean committed = false;
        try {
            ctx.run("DELETE FROM " + target.render());
            ctx.run("INSERT INTO " + target.render() + " SELECT * FROM " + tmp.render());
            ctx.session().commit();
            committed = true;
        } finally {
            if (!committed) {
                ctx.session().rollback();
            }
            ctx.session().execute("DROP TABLE IF EXISTS " + tmp.render());
        }
        ctx.recordBuilt(target, RelationKind.TABLE);
    }

    @Override
    public String kind() {
        return "seed";
    }
}
