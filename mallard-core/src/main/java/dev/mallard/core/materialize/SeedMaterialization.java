package dev.mallard.core.materialize;

import dev.mallard.core.engine.CsvLoad;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.manifest.SeedNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Seeds: DuckDB's own CSV reader into a temporary table, then the atomic swap. */
public final class SeedMaterialization implements Materialization {
    @Override
    @SuppressWarnings("unchecked")
    public String build(MaterializationContext ctx) {
        SeedNode seed = (SeedNode) ctx.node();
        Relation target = seed.relation();
        ctx.session().createSchemaIfMissing(target.database(), target.schema());
        RelationSwap.clearLeftovers(ctx, target);
        ctx.runHooks(seed.config().preHooks());
        Map<String, String> types = new LinkedHashMap<>();
        if (seed.config().get("column_types") instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> types.put(k, String.valueOf(v)));
        }
        String delimiter = seed.config().string("delimiter", ",");
        long dataRows = CsvCheck.check(seed.csvFile(), seed.originalFilePath(), delimiter.isEmpty() ? ',' : delimiter.charAt(0));
        Relation tmp = RelationSwap.temporary(target);
        try {
            ctx.session().loadCsv(new CsvLoad(seed.csvFile(), tmp, delimiter, types, dataRows == 0));
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
