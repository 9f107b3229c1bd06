package dev.mallard.postgres;

import dev.mallard.core.engine.SqlDialect;

/** Postgres' differences from DuckDB's SQL, as dbt-postgres writes its materializations. */
final class PostgresDialect extends SqlDialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
    }

    @Override
    public boolean replacesViewColumns() {
        return false;
    }

    @Override
    public boolean renameNeedsKeysDetached() {
        return false;
    }

    @Override
    public boolean viewsBindToTables() {
        return true;
    }

    @Override
    public boolean describesQueries() {
        return false;
    }

    @Override
    public boolean subqueriesNeedAliases() {
        return true;
    }

    @Override
    public boolean mergesByName() {
        return false;
    }

    @Override
    public Catalog catalog() {
        return Catalog.POSTGRES;
    }

    @Override
    public String useSchema(String schema) {
        return "SET search_path TO \"" + schema.replace("\"", "\"\"") + "\"";
    }

    @Override
    public boolean identityColumns() {
        return true;
    }

    @Override
    public String tryMigrationLock(long key) {
        return "select pg_try_advisory_lock(" + key + ")";
    }

    /**
     * dbt-postgres compares a contract's types by psycopg2's type names, so text, varchar and
     * char all match as STRING, int2 and int4 as INTEGER, float4 and float8 as FLOAT.
     */
    @Override
    public String contractType(String type) {
        String t = type.toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "text", "varchar", "bpchar", "char", "name" -> "STRING";
            case "int2", "int4" -> "INTEGER";
            case "int8" -> "LONGINTEGER";
            case "float4", "float8" -> "FLOAT";
            case "numeric" -> "DECIMAL";
            case "time", "timetz" -> "TIME";
            case "timestamp" -> "DATETIME";
            case "timestamptz" -> "DATETIMETZ";
            default -> t;
        };
    }
}
