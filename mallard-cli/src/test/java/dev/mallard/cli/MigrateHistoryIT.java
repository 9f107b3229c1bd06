package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mallard migrate status/validate/repair/baseline/new}, the files and the settings: what the history says. */
class MigrateHistoryIT extends MigrateFixture {
    @Test
    void statusShowsPendingAppliedFailedMissingAndChangedMigrations() {
        threeMigrations().file("migrations/V4__irreversible.sql", """
                -- migrate:up
                CREATE TABLE audit (id INTEGER);
                """);
        migrate("up").assertOk();
        project.delete("migrations/V3__users.sql")
                .file("migrations/V2__seed_events.sql", V2_SEED_EVENTS + "-- an edit\n")
                .file("migrations/V5__fails.sql", "-- migrate:up\nSELECT * FROM nowhere;\n")
                .file("migrations/V6__later.sql", "-- migrate:up\nSELECT 1;\n");
        migrate("up").assertFailed(); // refused: V2 changed and V3 is missing
        project.file("migrations/V2__seed_events.sql", V2_SEED_EVENTS).file("migrations/V3__users.sql", V3_USERS);
        migrate("up").assertFailed(); // V5 fails, V6 stays pending
        project.delete("migrations/V3__users.sql")
                .file("migrations/V2__seed_events.sql", V2_SEED_EVENTS + "-- an edit\n");

        List<String> lines = migrate("status").assertOk().outLines();

        assertTrue(line(lines, "| 1 ").contains("| applied "), String.join("\n", lines));
        assertTrue(line(lines, "| 2 ").contains("| checksum-mismatch "), String.join("\n", lines));
        assertTrue(line(lines, "| 3 ").contains("| missing "), String.join("\n", lines));
        assertTrue(line(lines, "| 4 ").contains("| applied ") && line(lines, "| 4 ").contains("| no "),
                String.join("\n", lines));
        assertTrue(line(lines, "| 5 ").contains("| failed "), String.join("\n", lines));
        assertTrue(line(lines, "| 6 ").contains("| pending "), String.join("\n", lines));
        assertTrue(line(lines, "| 1 ").contains("| yes "), String.join("\n", lines));
    }

    @Test
    void validateListsEveryProblemAndFailsOnDrift() {
        threeMigrations();
        migrate("up").assertOk();
        migrate("validate").assertOk().assertOutContains("Validation passed.");

        project.file("migrations/V1__create_raw_events.sql", V1_RAW_EVENTS.replace("payload VARCHAR", "body VARCHAR"))
                .file("migrations/V2__seed_events.sql", V2_SEED_EVENTS + "\n-- reviewed\n")
                .delete("migrations/V3__users.sql")
                .file("migrations/V9__newer.sql", "-- migrate:up\nSELECT 1;\n");

        CommandResult r = migrate("validate").assertExit(1);

        r.assertOutContains("ERROR 1  migrations/V1__create_raw_events.sql: checksum-mismatch",
                "ERROR 2  migrations/V2__seed_events.sql: checksum-mismatch",
                "ERROR 3  migrations/V3__users.sql: missing",
                "note  9  migrations/V9__newer.sql: pending",
                "Validation failed: 3 problem(s).");
    }

    @Test
    void validateFlagsAMigrationOlderThanTheNewestAppliedOne() {
        threeMigrations();
        migrate("up").assertOk();
        project.file("migrations/V2_5__from_a_branch.sql", "-- migrate:up\nSELECT 1;\n");

        migrate("validate").assertExit(1).assertOutContains("ERROR 2.5  migrations/V2_5__from_a_branch.sql: out-of-order");
        migrate("up").assertFailed().assertErrContains("out-of-order");

        migrate("up", "--out-of-order", "--dry-run").assertOk()
                .assertOutContains("would apply 2.5 from a branch (migrations/V2_5__from_a_branch.sql)",
                        "1 migration(s) would be applied.");
        assertEquals(List.of("1", "2", "3"), appliedVersions());
        migrate("up", "--out-of-order").assertOk().assertOutContains("Applied 1 migration(s).");
        assertEquals(List.of("1", "2", "3", "2.5"), appliedVersions());
        migrate("validate").assertOk();
    }

    @Test
    void upDryRunPrintsThePlanAndChangesNothing() {
        threeMigrations();
        migrate("up", "--to", "1").assertOk();

        migrate("up", "--dry-run").assertOk().assertOutContains("would apply 2 seed events", "would apply 3 users",
                "2 migration(s) would be applied.");

        assertEquals(List.of("1"), appliedVersions());
    }

    @Test
    void aLineEndingOnlyChangeIsNotDrift() {
        threeMigrations();
        migrate("up").assertOk();

        project.file("migrations/V1__create_raw_events.sql", V1_RAW_EVENTS.replace("\n", "\r\n"))
                .file("migrations/V2__seed_events.sql", V2_SEED_EVENTS.replace("\n", "\r"));

        migrate("validate").assertOk();
    }

    @Test
    void repairForgetsFailuresAndDeletedFilesAndRealignsChangedOnes() {
        threeMigrations().file("migrations/V4__fails.sql", "-- migrate:up\nSELECT * FROM nowhere;\n");
        migrate("up").assertFailed();
        project.file("migrations/V2__seed_events.sql", V2_SEED_EVENTS + "-- reviewed\n")
                .delete("migrations/V3__users.sql")
                .delete("migrations/V4__fails.sql")
                .file("migrations/V1__raw_events.sql", V1_RAW_EVENTS)
                .delete("migrations/V1__create_raw_events.sql");
        migrate("validate").assertExit(1);

        migrate("repair").assertOk().assertOutContains(
                "Repair: realigned 1 to the current migrations/V1__raw_events.sql",
                "Repair: realigned 2 to the current migrations/V2__seed_events.sql",
                "Repair: forgot 3 (migrations/V3__users.sql)",
                "Repair: removed the failed attempt of 4",
                "Repaired 4 history row(s).");

        migrate("validate").assertOk();
        assertEquals("raw events", project.value("select description from " + HISTORY + " where version = '1'"));
        migrate("repair").assertOk().assertOutContains("Nothing to repair.");
    }

    @Test
    void baselineMarksOlderMigrationsAppliedAndRefusesAHistoryWithRows() {
        // an existing database, built before migrations were introduced
        project.file("models/existing.sql", "{{ config(materialized='table') }} select 1 as id");
        TestProject.execute("run", "--project-dir", dir.toString()).assertOk();
        threeMigrations();

        migrate("baseline", "--version", "2", "--description", "existing schema").assertOk();
        migrate("status").assertOk().assertOutContains("| below-baseline ", "| baseline ", "| pending ");
        migrate("up").assertOk().assertOutContains("Applying 3 users", "Applied 1 migration(s).");

        assertNull(project.tableType("raw_events"));
        assertEquals(List.of(List.of("2", "BASELINE", "existing schema"), List.of("3", "SQL", "users")),
                project.rows("select version, type, description from " + HISTORY + " order by installed_rank"));
        migrate("down", "--steps", "2").assertFailed().assertErrContains("above the baseline");
        migrate("baseline", "--version", "5").assertFailed().assertErrContains("already has rows");
    }

    @Test
    void newCreatesTheNextFileWithUpAndDownSections() {
        project.file("migrations/V1__a.sql", "-- migrate:up\nSELECT 1;\n").file("migrations/V7_2__b.sql",
                "-- migrate:up\nSELECT 1;\n");

        CommandResult r = TestProject.execute("migrate", "new", "Add users table!", "--project-dir", dir.toString())
                .assertOk();

        assertEquals("migrations/V8__add_users_table.sql", r.out().strip());
        assertEquals("-- migrate:up\n\n\n-- migrate:down\n\n", project.read("migrations/V8__add_users_table.sql"));
        migrate("status").assertOk().assertOutContains("| 8       | add users table");
    }

    @Test
    void newUsesATimestampWhenTheProjectNumbersByTimestamps() {
        project.file("migrations/V20240101120000__a.sql", "-- migrate:up\nSELECT 1;\n");

        String out = TestProject.execute("migrate", "new", "b", "--project-dir", dir.toString()).assertOk().out().strip();

        assertTrue(out.matches("migrations/V20\\d{12}__b\\.sql"), out);
        assertTrue(out.compareTo("migrations/V20240101120000__b.sql") > 0, out);
    }

    @Test
    void badFilesAreRefusedNamingTheFileAndLineBeforeAnythingRuns() {
        threeMigrations().file("migrations/V4_create_things.sql", "-- migrate:up\nSELECT 1;\n");
        migrate("up").assertExit(2).assertErrContains("migrations/V4_create_things.sql", "V<version>__<description>.sql")
                .assertNoJavaInternals();
        assertFalse(hasTable("raw_events"));

        project.delete("migrations/V4_create_things.sql").file("migrations/V3_0__same_as_three.sql",
                "-- migrate:up\nSELECT 1;\n");
        migrate("up").assertExit(2).assertErrContains("is used by 2 migrations",
                "migrations/V3_0__same_as_three.sql", "migrations/V3__users.sql");

        project.delete("migrations/V3_0__same_as_three.sql").file("migrations/V4__no_marker.sql",
                "-- a comment\n\nCREATE TABLE x (id INTEGER);\n");
        migrate("up").assertExit(2).assertErrContains("migrations/V4__no_marker.sql:3", "before the '-- migrate:up'");

        project.file("migrations/V4__no_marker.sql", "-- just a comment\n");
        migrate("up").assertExit(2).assertErrContains("migrations/V4__no_marker.sql:1", "no '-- migrate:up' line");
        migrate("status").assertExit(2);
        assertFalse(hasTable("raw_events"));
    }

    @Test
    void migrationsFolderAndHistoryTableAreConfigurable() {
        project = TestProject.in(dir).dbtProject("migrations:\n  path: db/changes\n  table: schema_versions\n"
                + "  apply_on_build: true\n");
        project.file("db/changes/V1__create_raw_events.sql", V1_RAW_EVENTS);

        migrate("up").assertOk();

        assertEquals("1", project.value("select count(*) from main.schema_versions where success"));
        assertEquals("BASE TABLE", project.tableType("raw_events"));
    }

    @Test
    void aTypoInTheMigrationsBlockIsAProjectError() {
        project = TestProject.in(dir).dbtProject("migrations:\n  pth: db\n");

        migrate("status").assertExit(2).assertErrContains("dbt_project.yml", "unknown key 'migrations.pth'");
    }
}
