package dev.mallard.api;

/**
 * A model written in Java: a file {@code models/**}{@code /<name>.java} holding one class that
 * implements this interface and has a public no-argument constructor. Mallard compiles it in
 * process (javax.tools) against its own classes, runs it when the model is built, and writes
 * what it returns through the same atomic swap as a SQL model: a {@link ModelOutput#query query}
 * or rows from {@link ModelContext#rows}.
 *
 * <p>Its dependencies are the {@code ctx.ref("...")} and {@code ctx.source("...", "...")}
 * calls with string literals in its source, found without running it (as dbt reads a Python
 * model's {@code dbt.ref()} calls); configuration comes from {@code dbt_project.yml},
 * {@code schema.yml} and an optional {@link Config} annotation on the class.
 *
 * <pre>{@code
 * import dev.mallard.api.*;
 *
 * @Config({"materialized: table", "tags: [finance]"})
 * public class customer_totals implements JavaModel {
 *     public ModelOutput run(ModelContext ctx) {
 *         return ModelOutput.query("select customer_id, sum(amount) as total from "
 *                 + ctx.ref("orders") + " group by 1");
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface JavaModel {

    /** Builds the model's rows: a query, or the writer returned by {@link ModelContext#rows}. */
    ModelOutput run(ModelContext ctx) throws Exception;
}
