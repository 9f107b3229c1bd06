package dev.mallard.spark;

import dev.mallard.core.engine.SqlDialect;
import dev.mallard.core.materialize.Materialization;

/** Spark's differences from DuckDB's SQL, and its own table, view and incremental DDL (after dbt-spark). */
final class SparkDialect extends SqlDialect {
    static final SparkDialect INSTANCE = new SparkDialect();

    private SparkDialect() {
    }

    @Override
    public boolean renameNeedsKeysDetached() {
        return false;
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

    /** Spark replaces a table only in table formats such as Delta; a stored test failure is dropped and created. */
    @Override
    public boolean replacesTables() {
        return false;
    }

    @Override
    public String adapterType() {
        return "spark";
    }

    /** Mallard's {@code external} materialization writes through DuckDB's COPY; on Spark a {@code location_root} table is the way. */
    @Override
    public boolean writesExternalFiles() {
        return false;
    }

    @Override
    public Materialization materialization(String kind, boolean fullRefresh) {
        return switch (kind) {
            case "table" -> new SparkTableMaterialization();
            case "view" -> new SparkViewMaterialization();
            case "incremental" -> new SparkIncrementalMaterialization(fullRefresh);
            default -> null;
        };
    }
}
