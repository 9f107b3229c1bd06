package dev.mallard.core.materialize;

import dev.mallard.core.engine.CsvLoad;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.manifest.SeedNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Seeds: types inferred as dbt infers them, DuckDB's CSV reader into a temporary table, then the atomic swap. */
public final class SeedMaterialization implements Materialization {
    @Override
    @SuppressWarnings("unchecked")
    public String build(MaterializationContext ctx) {
        SeedNode seed = (SeedNode) ctx.node();
        Relation target = seed.relation();
        ctx.session().createSchemaIfMissing(target.database(), target.schema());
        RelationSwap.clearLeftovers(ctx, target);
        ctx.runHooks(seed.config().preHooks());
        String delimiter = seed.config().string("delimiter", ",");
        CsvCheck.Contents csv = CsvCheck.check(seed.csvFile(), seed.originalFilePath(),
                delimiter.isEmpty() ? ',' : delimiter.charAt(0));
        Map<String, String> types = new LinkedHashMap<>(SeedColumnTypes.infer(csv.header(), csv.rows()));
        if (seed.config().get("column_types") instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> types.put(k, String.valueOf(v)));
        }
        Relation tmp = RelationSwap.temporary(target);
        try {
            ctx.session().loadCsv(new CsvLoad(seed.csvFile(), tmp, delimiter, types));
            ctx.executed().add("-- loaded " + seed.originalFilePath() + " into " + tmp.render());
        } catch (RuntimeException e) {
            ctx.session().execute("DROP TABLE IF EXISTS " + tmp.render());
            throw e;
        }
        long rows = ((Number) ctx.session().query("SELECT count(*) FROM " + tmp.render()).rows().get(0).get(0)).longValue();
        RelationSwap.swapIn(ctx, target);
        ctx.runHooks(seed.config().postHooks());
        return "INSERT " + rows;
    }

    @Override
    public String kind() {
        return "seed";
    }
}
