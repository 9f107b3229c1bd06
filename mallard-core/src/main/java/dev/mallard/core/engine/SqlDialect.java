package dev.mallard.core.engine;

/**
 * Where an engine's SQL differs from what the materializations write by default (DuckDB's
 * SQL, after dbt-duckdb). An engine overrides only what differs, through
 * {@link EngineSession#dialect()}.
 */
public class SqlDialect {
    /** DuckDB's SQL: the materializations' default. */
    public static final SqlDialect DEFAULT = new SqlDialect();

    protected SqlDialect() {
    }

    /**
     * Whether {@code CREATE OR REPLACE VIEW} may change a view's columns. Where it may not
     * (Postgres), a view is dropped and created again in one transaction.
     */
    public boolean replacesViewColumns() {
        return true;
    }

    /**
     * Whether renaming a table needs its indexes dropped and the foreign keys that reference it
     * detached first (DuckDB). Postgres renames a table with its indexes and keys.
     */
    public boolean renameNeedsKeysDetached() {
        return true;
    }

    /**
     * Whether a view is bound to the table it reads (Postgres), not to its name (DuckDB). Then
     * dropping a replaced table drops the views on it too ({@code CASCADE}, as dbt-postgres does;
     * their models build them again), a relation the run saw may have gone since, and a seed
     * whose columns stay the same is refilled in place, keeping the views on it, as dbt-postgres
     * truncates and inserts.
     */
    public boolean viewsBindToTables() {
        return false;
    }

    /**
     * The statement that drops a relation being replaced: with {@link #viewsBindToTables()},
     * {@code IF EXISTS} (a cascade may have dropped it already) and {@code CASCADE}.
     */
    public final String dropReplaced(RelationKind kind, Relation relation) {
        String what = kind == RelationKind.VIEW ? "DROP VIEW " : "DROP TABLE ";
        return viewsBindToTables() ? what + "IF EXISTS " + relation.render() + " CASCADE" : what + relation.render();
    }

    /** What follows a {@code DROP TABLE IF EXISTS} of a replaced table's backup. */
    public final String dropDependents() {
        return viewsBindToTables() ? " CASCADE" : "";
    }

    /**
     * Whether {@code DESCRIBE <query>} gives a query's columns and types as rows (DuckDB);
     * else they are read from the result of the query with {@code LIMIT 0}.
     */
    public boolean describesQueries() {
        return true;
    }

    /** Whether a subquery in FROM needs an alias (Postgres before 16); DuckDB's goes without. */
    public boolean subqueriesNeedAliases() {
        return false;
    }

    /** Whether {@code MERGE} takes {@code UPDATE BY NAME} / {@code INSERT BY NAME} (DuckDB); else columns are listed. */
    public boolean mergesByName() {
        return true;
    }

    /** How the engine's catalog is read, e.g. by {@code migrate diff} and {@code check}. */
    public enum Catalog {
        /** DuckDB's {@code duckdb_tables()}, {@code duckdb_constraints()}, ... functions. */
        DUCKDB,
        /** Postgres' {@code pg_catalog}. */
        POSTGRES
    }

    public Catalog catalog() {
        return Catalog.DUCKDB;
    }

    /** The statement that makes {@code schema} where a session's unqualified names resolve. */
    public String useSchema(String schema) {
        return "SET schema = '" + schema.replace("'", "''") + "'";
    }

    /**
     * Whether identity columns ({@code GENERATED ... AS IDENTITY}) and serial types are the
     * engine's own (Postgres); DuckDB's migrations rewrite them to sequences.
     */
    public boolean identityColumns() {
        return false;
    }

    /**
     * A query that tries to take the session-level lock {@code key} for migrations and returns
     * one boolean, true when taken (Postgres' advisory lock; closing the session releases it);
     * null where the engine has no such lock (DuckDB: its file lock keeps other processes out).
     */
    public String tryMigrationLock(long key) {
        return null;
    }

    /** Whether the engine has GRANT, so that a node's {@code grants} config is applied (Postgres); DuckDB has none. */
    public boolean grants() {
        return false;
    }

    /** Whether {@code CREATE OR REPLACE TABLE} exists (DuckDB); else a table is dropped and created. */
    public boolean replacesTables() {
        return true;
    }

    /**
     * The type an enforced contract compares for a column of this engine type (its name as the
     * JDBC driver gives it). DuckDB compares the types themselves.
     */
    public String contractType(String type) {
        return type;
    }

    /**
     * Whether a microbatch model merges each batch on its {@code unique_key}, which it then
     * requires (dbt-postgres); else each batch replaces its event_time window by delete and
     * insert, without a unique_key (dbt-duckdb).
     */
    public boolean microbatchMerges() {
        return false;
    }

    /** The adapter type of the target ({@code type:} in profiles.yml), for messages. */
    public String adapterType() {
        return "duckdb";
    }

    /**
     * Whether the engine writes files with {@code COPY ... TO} on the client's machine
     * (DuckDB), which materialized='external' needs. Postgres' COPY would write on the server.
     */
    public boolean writesExternalFiles() {
        return true;
    }

    /**
     * The engine's own materialization of {@code kind} ("table", "view", "incremental"), where
     * its DDL differs from the default's beyond what the flags above describe (Spark's
     * {@code USING parquet PARTITIONED BY ...} and its incremental strategies); null: the
     * default materialization.
     */
    public dev.mallard.core.materialize.Materialization materialization(String kind, boolean fullRefresh) {
        return null;
    }
}
