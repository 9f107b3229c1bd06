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
    public boolean grants() {
        return true;
    }

    @Override
    public String tryMigrationLock(long key) {
        return "select pg_try_advisory_lock(" + key + ")";
    }

    @Override
    public boolean replacesTables() {
        return false;
    }

    /**
     * dbt-postgres compares a contract's types by the name psycopg2 gives each type's OID, a
     * family rather than a type: {@code varchar(40)} and {@code text} are both STRING,
     * {@code int} and {@code smallint} INTEGER, {@code numeric(4,1)} DECIMAL.
     */
    @Override
    public String contractType(String type) {
        String t = type.toLowerCase(java.util.Locale.ROOT);
        boolean array = t.startsWith("_");
        String base = array ? t.substring(1) : t;
        String family = switch (base) {
            case "bool" -> "BOOLEAN";
            case "bytea" -> "BINARY";
            case "char", "name", "text", "bpchar", "varchar" -> "STRING";
            case "int8" -> "LONGINTEGER";
            case "int2", "int4" -> "INTEGER";
            case "oid" -> "ROWID";
            case "json" -> "JSON";
            case "jsonb" -> "JSONB";
            case "float4", "float8" -> "FLOAT";
            case "numeric" -> "DECIMAL";
            case "date" -> "DATE";
            case "time", "timetz" -> "TIME";
            case "timestamp" -> "DATETIME";
            case "timestamptz" -> "DATETIMETZ";
            case "interval" -> "INTERVAL";
            default -> null;
        };
        return family == null ? type : array ? family + "ARRAY" : family;
    }

    @Override
    public boolean microbatchMerges() {
        return true;
    }

    @Override
    public String adapterType() {
        return "postgres";
    }

    @Override
    public boolean writesExternalFiles() {
        return false;
    }
}
