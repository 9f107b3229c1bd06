import dev.mallard.api.Config;
import dev.mallard.api.JavaModel;
import dev.mallard.api.ModelContext;
import dev.mallard.api.ModelOutput;

/** A Java model returning a query: one row per customer over the SQL staging model. */
@Config({"materialized: table", "tags: [java, totals]"})
public class CustomerTotals implements JavaModel {
    @Override
    public ModelOutput run(ModelContext ctx) {
        Object min = ctx.var("min_amount", 0);
        return ModelOutput.query("select customer_id, sum(amount) as total, count(*) as n_orders from "
                + ctx.ref("stg_orders") + " where amount >= " + min + " group by customer_id");
    }
}
