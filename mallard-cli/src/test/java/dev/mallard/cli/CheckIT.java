package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mallard check: migrations (pending, edited, live schema drift of the tables they manage)
 * and models (not built, changed since the last build); every finding is listed.
 */
class CheckIT {
    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/b.sql", "select id from {{ ref('a') }}")
                .file("models/eph.sql", "{{ config(materialized='ephemeral') }} select 1 as x")
                .file("seeds/s.csv", "k\n1\n");
    }

    @Test
    void withoutADatabaseCheckSaysSoAndCreatesNone() {
        TestProject p = project();
        p.run("check").assertExit(1).assertOutContains("no database", "does not exist");
        assertFalse(java.nio.file.Files.exists(p.databaseFile()), "check created the database");
    }

    @Test
    void beforeAnyBuildEveryNodeIsReportedAsNotBuilt() {
        TestProject p = project();
        p.runOk("debug");
        CommandResult r = p.run("check").assertExit(1);
        r.assertOutContains("Drift check found 4 problems:", "not built", "model a (models/a.sql)",
                "model b (models/b.sql)", "seed s (seeds/s.csv)", "no build record");
        assertFalse(r.out().contains("eph"), "an ephemeral model is never built\n" + r.transcript());
        r.assertNoJavaInternals();
    }

    @Test
    void afterABuildThereIsNoDriftUntilAModelChanges() {
        TestProject p = project();
        p.runOk("build");
        p.runOk("check").assertOutContains("No drift");
        p.file("models/b.sql", "select id, 2 as two from {{ ref('a') }}");
        p.run("check").assertExit(1).assertOutContains("Drift check found 1 problem:",
                "model b (models/b.sql) changed since it was last built");
        p.runOk("run", "--select", "b");
        p.runOk("check").assertOutContains("No drift");
    }

    @Test
    void aChangedConfigAndADroppedRelationAreBothListed() {
        TestProject p = project();
        p.runOk("build");
        p.file("models/a.sql", "{{ config(materialized='table') }} select 1 as id");
        p.writeSql("drop view b");
        p.run("check").assertExit(1).assertOutContains("Drift check found 2 problems:",
                "model a (models/a.sql) changed since it was last built", "model b (models/b.sql) has no relation");
    }

    @Test
    void aFailedRebuildStaysChanged() {
        TestProject p = project();
        p.runOk("build");
        p.file("models/b.sql", "select no_such_column from {{ ref('a') }}");
        p.run("run").assertFailed();
        p.run("check").assertExit(1).assertOutContains("model b (models/b.sql) changed since it was last built");
    }

    private static final String V1 = "-- migrate:up\nCREATE SEQUENCE users_id_seq;\n"
            + "CREATE TABLE users (id BIGINT PRIMARY KEY DEFAULT nextval('users_id_seq'), email VARCHAR NOT NULL);\n"
            + "-- migrate:down\nDROP TABLE users;\nDROP SEQUENCE users_id_seq;\n";

    private TestProject migrated() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("migrations/V1__create_users.sql", V1)
                .file("models/sources.yml", "version: 2\nsources:\n  - name: app\n    schema: main\n"
                        + "    tables:\n      - name: users\n")
                .file("models/user_count.sql", "select count(*) as n from {{ source('app', 'users') }}");
        p.runOk("migrate", "up");
        p.runOk("build");
        return p;
    }

    @Test
    void appliedMigrationsAndBuiltModelsAreNoDrift() {
        migrated().runOk("check").assertOutContains("No drift");
    }

    @Test
    void everyMigrationProblemIsListedAtOnce() {
        TestProject p = migrated();
        p.file("migrations/V1__create_users.sql", V1.replace("email VARCHAR NOT NULL", "email VARCHAR"));
        p.file("migrations/V2__add_teams.sql", "-- migrate:up\nCREATE TABLE teams (id INTEGER);\n"
                + "-- migrate:down\nDROP TABLE teams;\n");
        p.file("models/user_count.sql", "select count(*) as users from {{ source('app', 'users') }}");
        CommandResult r = p.run("check").assertExit(1);
        r.assertOutContains("Drift check found 3 problems:",
                "edited migration   V1 (migrations/V1__create_users.sql): changed after it was applied",
                "pending migration  V2 (migrations/V2__add_teams.sql)",
                "model user_count (models/user_count.sql) changed since it was last built");
        r.assertNoJavaInternals();
    }

    @Test
    void aManagedTableChangedBehindTheMigrationsBackIsSchemaDrift() {
        TestProject p = migrated();
        p.writeSql("ALTER TABLE users ADD COLUMN note VARCHAR", "CREATE TABLE scratch_notes (x INTEGER)");
        CommandResult r = p.run("check").assertExit(1);
        r.assertOutContains("Drift check found 1 problem:",
                "schema drift", "column note of table users is in the database but not in the migrations");
        assertFalse(r.out().contains("scratch_notes"), "only migration-managed tables are compared\n" + r.transcript());
    }

    @Test
    void aDroppedManagedTableIsSchemaDrift() {
        TestProject p = migrated();
        p.writeSql("DROP VIEW user_count", "DROP TABLE users");
        p.run("check").assertExit(1).assertOutContains(
                "table users is in the migrations but missing from the database",
                "model user_count (models/user_count.sql) has no relation");
    }
}
