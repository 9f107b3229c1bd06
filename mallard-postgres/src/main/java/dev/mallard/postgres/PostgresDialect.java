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
}
