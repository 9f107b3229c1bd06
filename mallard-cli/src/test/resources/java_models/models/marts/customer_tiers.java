import dev.mallard.api.Column;
import dev.mallard.api.JavaModel;
import dev.mallard.api.ModelContext;
import dev.mallard.api.ModelOutput;
import dev.mallard.api.RowWriter;
import java.math.BigDecimal;
import java.util.Map;

/** A Java model writing rows: each customer's tier, computed in Java over ctx.sql() results. */
public class customer_tiers implements JavaModel {
    @Override
    public ModelOutput run(ModelContext ctx) {
        RowWriter out = ctx.rows(Column.of("customer_id", "BIGINT"), Column.of("total", "DECIMAL(18,2)"),
                Column.of("tier", "VARCHAR"));
        for (Map<String, Object> row : ctx.sql("select customer_id, total from " + ctx.ref("customer_totals")
                + " order by customer_id")) {
            BigDecimal total = new BigDecimal(String.valueOf(row.get("total")));
            String tier = total.compareTo(new BigDecimal("150")) >= 0 ? "gold" : "silver";
            out.row(row.get("customer_id"), total, tier);
        }
        return out;
    }
}
