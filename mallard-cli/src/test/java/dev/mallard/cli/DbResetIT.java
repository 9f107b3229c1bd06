package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mallard db reset}: drop everything, apply all migrations, build all models; dev targets only. */
class DbResetIT {
    @TempDir
    Path dir;

    TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("migrations/V1__create_raw_events.sql", MigrateIT.V1_RAW_EVENTS)
                .file("migrations/V2__seed_events.sql", MigrateIT.V2_SEED_EVENTS)
                .file("models/event_count.sql", "{{ config(materialized='table') }}\nselect count(*) as n from raw_events");
    }

    @Test
    void resetOnADevTargetRebuildsFromMigrationsAndModels() {
        TestProject project = project()
                .file("models/old_model.sql", "{{ config(materialized='table', schema='extra') }} select 1 as id")
                .file("migrations/V3__teams.sql", """
                        -- migrate:up
                        CREATE TABLE teams (id INTEGER PRIMARY KEY);
                        CREATE TABLE players (id INTEGER PRIMARY KEY, team_id INTEGER REFERENCES teams (id));
                        CREATE MACRO team_count() AS (SELECT count(*) FROM teams);
                        CREATE MACRO team_rows() AS TABLE SELECT * FROM teams;
                        CREATE VIEW team_view AS SELECT * FROM teams;
                        -- migrate:down
                        """);
        TestProject.execute("migrate", "up", "--project-dir", dir.toString()).assertOk();
        TestProject.execute("build", "--project-dir", dir.toString()).assertOk();
        project.delete("models/old_model.sql").delete("migrations/V3__teams.sql");
        assertEquals("BASE TABLE", project.tableType("main_extra.old_model"));

        TestProject.execute("db", "reset", "--project-dir", dir.toString()).assertOk()
                .assertOutContains("Dropped ", "Applied 2 migration(s).");

        assertNull(project.tableType("main_extra.old_model"));
        assertNull(project.tableType("teams"));
        assertEquals("0", project.value("select count(*) from duckdb_functions() where function_name like 'team_%'"));
        assertEquals(List.of("main.event_count", "main.mallard_schema_history", "main.raw_events"), project.relations());
        // the sequence was dropped and made again: ids start at 1
        assertEquals(List.of(List.of("1"), List.of("2")), project.rows("select id from raw_events order by id"));
        assertEquals("2", project.value("select n from event_count"));
    }

    @Test
    void resetRefusesATargetThatIsNotDevUnlessConfirmed() {
        TestProject project = project().file("profiles.yml", """
                proj:
                  target: prod
                  outputs:
                    prod:
                      type: duckdb
                      path: target/proj.duckdb
                """);
        String profiles = dir.toString();
        TestProject.execute("migrate", "up", "--project-dir", dir.toString(), "--profiles-dir", profiles).assertOk();

        TestProject.execute("db", "reset", "--project-dir", dir.toString(), "--profiles-dir", profiles)
                .assertExit(2).assertErrContains("refusing to reset target 'prod'", "--yes").assertNoJavaInternals();
        assertEquals("2", project.value("select count(*) from raw_events"));
        assertEquals("2", project.value("select count(*) from main.mallard_schema_history"));

        TestProject.execute("db", "reset", "--yes", "--project-dir", dir.toString(), "--profiles-dir", profiles)
                .assertOk();
        assertEquals("2", project.value("select n from event_count"));
    }

    @Test
    void resetStopsOnABadMigrationFileBeforeDroppingAnything() {
        TestProject project = project();
        TestProject.execute("migrate", "up", "--project-dir", dir.toString()).assertOk();
        project.file("migrations/V3__oops.sql", "CREATE TABLE x (id INTEGER);\n");

        TestProject.execute("db", "reset", "--project-dir", dir.toString()).assertExit(2)
                .assertErrContains("migrations/V3__oops.sql:1");

        assertEquals("2", project.value("select count(*) from raw_events"));
    }
}
