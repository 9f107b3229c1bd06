package dev.mallard.api;

import java.util.List;
import java.util.Map;

/** What a {@link JavaModel} sees while it is built. */
public interface ModelContext {

    /**
     * The relation of model (or seed, snapshot) {@code name}, rendered for SQL, e.g.
     * {@code "db"."main"."orders"}. Call it with a string literal so Mallard finds the
     * dependency without running the model.
     */
    String ref(String name);

    /** {@link #ref(String)} of a node in package {@code packageName}. */
    String ref(String packageName, String name);

    /** The relation of source table {@code sourceName.tableName}, rendered for SQL. */
    String source(String sourceName, String tableName);

    /** The relation this model builds (dbt's {@code this}), rendered for SQL. */
    String self();

    /** The model's effective config (dbt_project.yml, schema.yml, {@link Config}), read-only. */
    Map<String, Object> config();

    /** A project variable ({@code vars:} or {@code --vars}); an error when it is not defined. */
    Object var(String name);

    /** A project variable, or {@code defaultValue} when it is not defined. */
    Object var(String name, Object defaultValue);

    /** Whether this build adds to an existing incremental table (dbt's {@code is_incremental()}). */
    boolean isIncremental();

    /** Runs a query on the engine and returns its rows, each a map from column name to value in column order. */
    List<Map<String, Object>> sql(String query);

    /**
     * A writer for rows of {@code columns}, streamed to disk as they are written; return it
     * from {@link JavaModel#run} to make its rows the model's table.
     */
    RowWriter rows(Column... columns);

    /** Writes a line to Mallard's log. */
    void log(String message);
}
