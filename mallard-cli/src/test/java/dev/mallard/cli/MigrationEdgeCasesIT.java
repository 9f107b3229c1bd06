package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration files and commands at their edges (each case came out of a review). */
class MigrationEdgeCasesIT {
    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject();
    }

    private static final String TABLES = "select table_schema || '.' || table_name from information_schema.tables "
            + "where table_schema not in ('information_schema', 'pg_catalog') and table_name <> 'mallard_schema_history' "
            + "order by 1";

    @Test
    void aMistypedMarkerIsAnErrorNotAComment() {
        TestProject p = project().file("migrations/V1__keep.sql",
                "-- migrate:up\nCREATE TABLE keep (x INTEGER);\n-- migrate: down\nDROP TABLE keep;\n");
        p.run("migrate", "up").assertExit(2).assertErrContains("V1__keep.sql:3", "'-- migrate: down' is not a marker");
        p.file("migrations/V1__keep.sql", "-- migrate:up\nCREATE TABLE keep (x INTEGER);\n-- Migrate:Down\nDROP TABLE keep;\n");
        p.run("migrate", "up").assertExit(2).assertErrContains("V1__keep.sql:3");
    }

    @Test
    void anEmptyDownSectionIsIrreversible() {
        TestProject p = project().file("migrations/V1__t.sql", "-- migrate:up\nCREATE TABLE t (x INTEGER);\n\n-- migrate:down\n\n");
        p.runOk("migrate", "up");
        p.runOk("migrate", "status").assertOutContains("| no ");
        p.run("migrate", "down").assertExit(2).assertErrContains("irreversible");
        assertEquals(List.of(List.of("main.t")), p.rows(TABLES));
    }

    @Test
    void anUnclosedBlockCommentOrAHiddenCommitIsRefusedWithItsLine() {
        TestProject p = project().file("migrations/V1__c.sql", "-- migrate:up\nCREATE TABLE a (x INTEGER);\n"
                + "/* old: /* nested? */\nCREATE TABLE b (x INTEGER);\n");
        p.run("migrate", "up").assertExit(2).assertErrContains("V1__c.sql:3", "never closed");
        p.file("migrations/V1__c.sql", "-- migrate:up\nCREATE TABLE a (x INTEGER);\n/* done */ COMMIT;\n");
        p.run("migrate", "up").assertExit(2).assertErrContains("V1__c.sql:3", "'COMMIT' in a migration");
    }

    @Test
    void identityColumnsWithCommentsAndSerialsInTwoSchemas() {
        TestProject p = project().file("migrations/V1__ids.sql", "-- migrate:up\n"
                + "-- the users table\nCREATE TABLE users (\n  -- the user's key\n  id BIGINT GENERATED ALWAYS AS IDENTITY,\n"
                + "  name VARCHAR\n);\nCREATE SCHEMA a;\nCREATE SCHEMA b;\nCREATE TABLE a.items (id SERIAL, x INTEGER);\n"
                + "CREATE TABLE b.items (id SERIAL, x INTEGER);\n"
                + "-- migrate:down\nDROP TABLE b.items;\nDROP TABLE a.items;\nDROP SCHEMA b;\nDROP SCHEMA a;\nDROP TABLE users;\n")
                .file("migrations/V2__drop_a.sql", "-- migrate:up\nDROP TABLE a.items;\n"
                        + "-- migrate:down\nCREATE TABLE a.items (id SERIAL, x INTEGER);\n");
        p.runOk("migrate", "up", "--to", "1");
        p.writeSql("INSERT INTO users (name) VALUES ('x'), ('y')", "INSERT INTO b.items (x) VALUES (1)");
        assertEquals(List.of(List.of("1", "x"), List.of("2", "y")), p.rows("select * from users order by id"));
        p.runOk("migrate", "up");
        assertEquals(List.of(List.of("main", "users_id_seq"), List.of("b", "items_id_seq")),
                p.rows("select schema_name, sequence_name from duckdb_sequences() order by schema_name desc"));
        p.runOk("migrate", "down", "--to", "0");
        assertEquals(List.of(), p.rows("select sequence_name from duckdb_sequences()"));
    }

    @Test
    void aDiffRebuildOfATableWithAnOwnedSequenceKeepsTheSequence() {
        TestProject p = project().file("migrations/V1__users.sql", "-- migrate:up\n"
                + "CREATE TABLE users (id SERIAL PRIMARY KEY, name VARCHAR);\n-- migrate:down\nDROP TABLE users;\n");
        p.runOk("migrate", "up");
        p.writeSql("INSERT INTO users (name) VALUES ('a'), ('b')");
        p.file("schema.sql", "CREATE SEQUENCE users_id_seq;\n"
                + "CREATE TABLE users (id INTEGER NOT NULL DEFAULT nextval('users_id_seq') PRIMARY KEY, name VARCHAR UNIQUE);\n");
        p.runOk("migrate", "diff", "unique_names").assertOutContains("Wrote migrations/V2__unique_names.sql");
        p.runOk("migrate", "up");
        p.writeSql("INSERT INTO users (name) VALUES ('c')");
        assertEquals(List.of(List.of("1", "a"), List.of("2", "b"), List.of("3", "c")),
                p.rows("select * from users order by id"));
    }

    @Test
    void redoRefusesBeforeRevertingWhenUpWouldRefuse() {
        TestProject p = project()
                .file("migrations/V1__a.sql", "-- migrate:up\nCREATE TABLE a (x INTEGER);\n-- migrate:down\nDROP TABLE a;\n")
                .file("migrations/V2__b.sql", "-- migrate:up\nCREATE TABLE b (x INTEGER);\n-- migrate:down\nDROP TABLE b;\n");
        p.runOk("migrate", "up");
        p.file("migrations/V1__a.sql", "-- migrate:up\nCREATE TABLE a (x BIGINT);\n-- migrate:down\nDROP TABLE a;\n");
        p.run("migrate", "redo").assertExit(2).assertErrContains("changed after it was applied");
        assertEquals(List.of(List.of("main.a"), List.of("main.b")), p.rows(TABLES));
    }

    @Test
    void checkNotesAMigrationThatCannotBeReplayedAndStillPasses() {
        TestProject p = project().file("seeds/countries.csv", "code\nNL\nBR\n")
                .file("migrations/V1__country.sql", "-- migrate:up\nCREATE TABLE country (code VARCHAR PRIMARY KEY);\n"
                        + "INSERT INTO country SELECT code FROM countries;\n-- migrate:down\nDROP TABLE country;\n");
        p.runOk("seed");
        p.runOk("migrate", "up");
        p.runOk("build");
        p.runOk("check").assertOutContains("Note: V1 (migrations/V1__country.sql:3) does not replay", "No drift");
    }

    @Test
    void theBuildGateSeesCreateOrReplaceAndIgnoresWordsInCommentsAndStrings() {
        TestProject p = project()
                .file("models/sources.yml", "version: 2\nsources:\n  - name: app\n    schema: main\n    tables:\n"
                        + "      - name: users\n      - name: audit\n")
                .file("models/n.sql", "select count(*) as n from {{ source('app', 'users') }}")
                .file("migrations/V1__users.sql", "-- migrate:up\nCREATE TABLE users (id INTEGER);\n"
                        + "CREATE TABLE audit (note VARCHAR);\n-- migrate:down\nDROP TABLE audit;\nDROP TABLE users;\n");
        p.runOk("migrate", "up");
        p.file("migrations/V2__audit.sql", "-- migrate:up\n-- later we will update users\n"
                + "INSERT INTO audit VALUES ('delete from users');\n-- migrate:down\nDELETE FROM audit;\n");
        p.runOk("build");
        p.file("migrations/V3__users.sql", "-- migrate:up\nCREATE OR REPLACE TABLE users (id BIGINT);\n"
                + "-- migrate:down\nCREATE OR REPLACE TABLE users (id INTEGER);\n");
        p.run("build").assertExit(2).assertErrContains("model n (models/n.sql) reads app.users", "V3 users");
    }

    @Test
    void diffRefusesWhileMigrationsArePending() {
        TestProject p = project()
                .file("migrations/V1__a.sql", "-- migrate:up\nCREATE TABLE a (x INTEGER);\n-- migrate:down\nDROP TABLE a;\n")
                .file("schema.sql", "CREATE TABLE a (x INTEGER);\n");
        p.run("migrate", "diff", "again").assertExit(2).assertErrContains("migrations are pending", "V1");
    }
}
