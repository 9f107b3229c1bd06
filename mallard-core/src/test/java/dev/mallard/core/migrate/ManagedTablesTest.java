package dev.mallard.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedTablesTest {

    @Test
    void tablesCreatedDroppedAndRenamedAcrossMigrations() {
        SqlMigration first = SqlMigrationParser.parse("V1__a.sql", "migrations/V1__a.sql", """
                -- migrate:up
                CREATE SEQUENCE s;
                CREATE TABLE IF NOT EXISTS main.Raw_Events (id BIGINT DEFAULT nextval('s'));
                -- a comment first
                create or replace table "Teams" (id int);
                CREATE TABLE scratch (id INT);
                CREATE VIEW v AS SELECT 1;
                """);
        SqlMigration second = SqlMigrationParser.parse("V2__b.sql", "migrations/V2__b.sql", """
                -- migrate:up
                DROP TABLE IF EXISTS scratch;
                ALTER TABLE teams RENAME TO clubs;
                CREATE TEMP TABLE t (id INT);
                """);

        assertEquals(List.of("clubs", "raw_events", "t"), ManagedTables.of(List.of(first, second)));
    }
}
