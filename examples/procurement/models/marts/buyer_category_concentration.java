import dev.mallard.api.Column;
import dev.mallard.api.JavaModel;
import dev.mallard.api.ModelContext;
import dev.mallard.api.ModelOutput;
import dev.mallard.api.RowWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How concentrated each buyer's awarded spend is across CPV divisions: the
 * Herfindahl-Hirschman index (the sum of the squared percentage shares, 0 to 10,000), the
 * largest division and its share, and the usual reading of the index (below 1,500
 * unconcentrated, up to 2,500 moderately concentrated, above that highly concentrated).
 */
public class buyer_category_concentration implements JavaModel {

    @Override
    public ModelOutput run(ModelContext ctx) {
        // buyer -> (division -> awarded value); both sorted, so the output order is stable
        Map<String, TreeMap<String, BigDecimal>> spend = new TreeMap<>();
        Map<String, String> country = new LinkedHashMap<>();
        Map<String, Long> awarded = new LinkedHashMap<>();
        for (Map<String, Object> r : ctx.sql("select buyer_name, buyer_country, cpv_division, value_eur from "
                + ctx.ref("stg_notices") + " where is_awarded")) {
            String buyer = (String) r.get("buyer_name");
            BigDecimal value = new BigDecimal(String.valueOf(r.get("value_eur")));
            spend.computeIfAbsent(buyer, b -> new TreeMap<>()).merge((String) r.get("cpv_division"), value, BigDecimal::add);
            country.put(buyer, (String) r.get("buyer_country"));
            awarded.merge(buyer, 1L, Long::sum);
        }
        RowWriter out = ctx.rows(Column.of("buyer_name", "VARCHAR"), Column.of("buyer_country", "VARCHAR"),
                Column.of("awarded_notices", "BIGINT"), Column.of("awarded_value_eur", "DECIMAL(18,2)"),
                Column.of("cpv_divisions", "INTEGER"), Column.of("top_division", "VARCHAR"),
                Column.of("top_division_share", "DOUBLE"), Column.of("hhi", "DOUBLE"),
                Column.of("concentration", "VARCHAR"));
        spend.forEach((buyer, divisions) -> {
            BigDecimal total = divisions.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            double hhi = 0;
            String top = null;
            BigDecimal topValue = null;
            for (Map.Entry<String, BigDecimal> d : divisions.entrySet()) {
                double share = total.signum() == 0 ? 0 : d.getValue().doubleValue() / total.doubleValue();
                hhi += (share * 100) * (share * 100);
                if (topValue == null || d.getValue().compareTo(topValue) > 0) { // ties: the lowest division
                    top = d.getKey();
                    topValue = d.getValue();
                }
            }
            double topShare = total.signum() == 0 ? 0 : topValue.doubleValue() / total.doubleValue();
            out.row(buyer, country.get(buyer), awarded.get(buyer), total, divisions.size(), top, topShare, hhi,
                    hhi > 2500 ? "high" : hhi >= 1500 ? "moderate" : "low");
        });
        return out;
    }
}
