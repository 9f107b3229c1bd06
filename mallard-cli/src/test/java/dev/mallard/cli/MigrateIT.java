package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.migrate.ValidationFinding;
import dev.mallard.core.project.ProjectLoader;
import dev.mallard.core.run.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mallard migrate ...} against real DuckDB files: given these migration files, this history. */
class MigrateIT {
    static final String HISTORY = "main.mallard_schema_history";

    static final String V1_RAW_EVENTS = """
            -- migrate:up
            CREATE SEQUENCE raw_events_id_seq;
            CREATE TABLE raw_events (
                id BIGINT DEFAULT nextval('raw_events_id_seq') PRIMARY KEY,
                fetched_at TIMESTAMP DEFAULT current_timestamp,
                payload VARCHAR NOT NULL -- JSON; may hold ';'
            );

            -- migrate:down
            DROP TABLE raw_events;
            DROP SEQUENCE raw_events_id_seq;
            """;

    static final String V2_SEED_EVENTS = """
            -- migrate:up
            INSERT INTO raw_events (payload) VALUES ('{"a": ";"}'), ('it''s; fine');
            -- migrate:down
            DELETE FROM raw_events;
            """;

    static final String V3_USERS = """
            -- migrate:up
            CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR);
            CREATE MACRO greet(n) AS 'hello ' || n;
            -- migrate:down
            DROP MACRO greet;
            DROP TABLE users;
            """;

    @TempDir
    Path dir;

    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.in(dir).dbtProject();
    }

    CommandResult migrate(String verb, String... rest) {
        List<String> args = new ArrayList<>(List.of("migrate", verb, "--project-dir", dir.toString()));
        args.addAll(Arrays.asList(rest));
        return TestProject.execute(args.toArray(String[]::new));
    }

    TestProject threeMigrations() {
        return project.file("migrations/V1__create_raw_events.sql", V1_RAW_EVENTS)
                .file("migrations/V2__seed_events.sql", V2_SEED_EVENTS)
                .file("migrations/V3__users.sql", V3_USERS);
    }

    List<String> appliedVersions() {
        return project.rows("select version from " + HISTORY + " where success order by installed_rank").stream()
                .map(r -> r.get(0)).toList();
    }

    @Test
    void upAppliesEveryPendingMigrationInVersionOrderAndRecordsIt() {
        threeMigrations().file("migrations/V2_1__more_events.sql", """
                -- migrate:up
                INSERT INTO raw_events (payload) VALUES ('third');
                -- migrate:down
                DELETE FROM raw_events WHERE payload = 'third';
                """);

        migrate("up").assertOk().assertOutContains("Applied 4 migration(s).");

        assertEquals(List.of("1", "2", "2.1", "3"), appliedVersions());
        assertEquals(List.of(List.of("1", "{\"a\": \";\"}"), List.of("2", "it's; fine"), List.of("3", "third")),
                project.rows("select id, payload from raw_events order by id"));
        assertEquals(List.of("installed_rank", "version", "description", "type", "script", "checksum", "installed_by",
                "installed_on", "execution_ms", "success"), project.columns("select * from " + HISTORY));
        List<String> first = project.rows("select description, type, script, length(checksum), installed_by is not null,"
                + " installed_on is not null, execution_ms >= 0, success from " + HISTORY + " where version = '1'").get(0);
        assertEquals(List.of("create raw events", "SQL", "migrations/V1__create_raw_events.sql", "64", "true", "true",
                "true", "true"), first);

        migrate("up").assertOk().assertOutContains("Nothing to apply");
        assertEquals("4", project.value("select count(*) from " + HISTORY));
    }

    @Test
    void upToStopsAfterTheGivenVersion() {
        threeMigrations();

        migrate("up", "--to", "2").assertOk().assertOutContains("Applied 2 migration(s).");

        assertEquals(List.of("1", "2"), appliedVersions());
        assertNull(project.tableType("users"));
    }

    @Test
    void downRollsBackOneStepByDefaultThenStepsThenTo() {
        threeMigrations();
        migrate("up").assertOk();

        migrate("down").assertOk().assertOutContains("Reverting 3 users", "Rolled back 1 migration(s).");
        assertEquals(List.of("1", "2"), appliedVersions());
        assertNull(project.tableType("users"));
        assertEquals("0", project.value("select count(*) from duckdb_functions() where function_name = 'greet'"));

        migrate("up").assertOk();
        migrate("down", "--steps", "2").assertOk().assertOutContains("Rolled back 2 migration(s).");
        assertEquals(List.of("1"), appliedVersions());
        assertEquals("0", project.value("select count(*) from raw_events"));

        migrate("up").assertOk();
        migrate("down", "--to", "1").assertOk().assertOutContains("Rolled back 2 migration(s).");
        assertEquals(List.of("1"), appliedVersions());
        assertEquals("BASE TABLE", project.tableType("raw_events"));

        migrate("down", "--to", "0").assertOk();
        assertEquals(List.of(), appliedVersions());
        assertNull(project.tableType("raw_events"));
        assertEquals("0", project.value("select count(*) from duckdb_sequences() where sequence_name = 'raw_events_id_seq'"));
    }

    @Test
    void downRefusesMoreStepsThanApplied() {
        threeMigrations();
        migrate("up", "--to", "1").assertOk();

        migrate("down", "--steps", "2").assertFailed().assertErrContains("only 1 applied").assertNoJavaInternals();

        assertEquals(List.of("1"), appliedVersions());
    }

    @Test
    void downRefusesToPassAnIrreversibleMigrationNamingTheFileAndChangesNothing() {
        threeMigrations().file("migrations/V2__seed_events.sql", """
                -- migrate:up
                INSERT INTO raw_events (payload) VALUES ('kept');
                """);
        migrate("up").assertOk();

        migrate("down", "--steps", "2").assertFailed()
                .assertErrContains("migrations/V2__seed_events.sql", "irreversible").assertNoJavaInternals();

        // the check comes before any step: V3 is still applied
        assertEquals(List.of("1", "2", "3"), appliedVersions());
        assertEquals("BASE TABLE", project.tableType("users"));
        migrate("status").assertOk().assertOutContains("| 2       | seed events");
    }

    @Test
    void aFailingDownRollsBackWholeAndKeepsTheMigrationApplied() {
        project.file("migrations/V1__two_tables.sql", """
                -- migrate:up
                CREATE TABLE a (id INTEGER);
                CREATE TABLE b (id INTEGER);
                -- migrate:down
                DROP TABLE b;
                DROP TABLE no_such_table;
                """);
        migrate("up").assertOk();

        migrate("down").assertExit(1).assertErrContains("migrations/V1__two_tables.sql:6", "no_such_table");

        assertEquals("BASE TABLE", project.tableType("b"));
        assertEquals(List.of("1"), appliedVersions());
    }

    @Test
    void aProjectWithoutMigrationsHasNothingToDo() {
        migrate("status").assertOk().assertOutContains("No migrations in migrations/.");
        migrate("up").assertOk().assertOutContains("Nothing to apply");
        migrate("validate").assertOk().assertOutContains("Validation passed.");
        migrate("down").assertExit(2).assertErrContains("nothing to roll back");
    }

    @Test
    void redoRevertsAndReappliesTheNewestMigration() {
        threeMigrations();
        migrate("up").assertOk();
        project.file("migrations/V3__users.sql", V3_USERS); // unchanged: redo runs the same file
        migrate("redo").assertOk().assertOutContains("Reverting 3 users", "Applying 3 users", "Redid 3 users.");

        assertEquals(List.of("1", "2", "3"), appliedVersions());
        assertEquals("BASE TABLE", project.tableType("users"));
    }

    @Test
    void aFailingMigrationRollsBackWholeAndIsRecordedAsFailedThenRetried() {
        project.file("migrations/V1__create_raw_events.sql", V1_RAW_EVENTS)
                .file("migrations/V2__broken.sql", """
                        -- migrate:up
                        CREATE TABLE half_done (id INTEGER);
                        INSERT INTO half_done VALUES (1);
                        SELECT * FROM no_such_table;
                        -- migrate:down
                        DROP TABLE half_done;
                        """);

        migrate("up").assertFailed().assertErrContains("migrations/V2__broken.sql:4", "no_such_table")
                .assertNoJavaInternals();

        assertNull(project.tableType("half_done"));
        assertEquals(List.of("1"), appliedVersions());
        assertEquals(List.of(List.of("2", "false")),
                project.rows("select version, success from " + HISTORY + " where not success"));
        migrate("status").assertOk().assertOutContains("| failed ");
        migrate("validate").assertExit(1).assertOutContains("ERROR 2  migrations/V2__broken.sql: failed");

        project.file("migrations/V2__broken.sql", """
                -- migrate:up
                CREATE TABLE half_done (id INTEGER);
                INSERT INTO half_done VALUES (1);
                -- migrate:down
                DROP TABLE half_done;
                """);
        migrate("up").assertOk().assertOutContains("Applied 1 migration(s).");

        assertEquals("1", project.value("select count(*) from half_done"));
        assertEquals(List.of("1", "2"), appliedVersions());
        assertEquals("0", project.value("select count(*) from " + HISTORY + " where not success"));
    }

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

    /** Whether the database exists and has the table (a refused command may still have created the file). */
    boolean hasTable(String name) {
        return project.exists("target/proj.duckdb") && project.tableType(name) != null;
    }

    static String line(List<String> lines, String start) {
        return lines.stream().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in\n" + lines));
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

    @Test
    void goldenSourceTablesKeepTheirConstraintsAndComeDownInOrder() {
        // seed 001's Alembic example: teams and players with a primary key, a foreign key and a check
        project.file("migrations/V1__teams_and_players.sql", """
                -- migrate:up
                CREATE SEQUENCE players_id_seq;
                CREATE TABLE teams (
                    team_id BIGINT PRIMARY KEY,
                    team_name VARCHAR NOT NULL,
                    created_at TIMESTAMP DEFAULT current_timestamp
                );
                CREATE INDEX idx_teams_name ON teams (team_name);
                CREATE TABLE players (
                    player_id BIGINT DEFAULT nextval('players_id_seq') PRIMARY KEY,
                    team_id BIGINT REFERENCES teams (team_id),
                    age INTEGER CHECK (age >= 15 AND age <= 50)
                );
                -- migrate:down
                DROP TABLE players;
                DROP INDEX idx_teams_name;
                DROP TABLE teams;
                DROP SEQUENCE players_id_seq;
                """)
                .file("migrations/V2__first_team.sql", """
                        -- migrate:up
                        INSERT INTO teams (team_id, team_name) VALUES (1, 'Nantes');
                        INSERT INTO players (team_id, age) VALUES (1, 20);
                        -- migrate:down
                        DELETE FROM players;
                        DELETE FROM teams;
                        """)
                .file("migrations/V3__bad_player.sql", """
                        -- migrate:up
                        INSERT INTO players (team_id, age) VALUES (1, 12);
                        """);

        migrate("up").assertFailed().assertErrContains("migrations/V3__bad_player.sql:2", "CHECK");
        assertEquals(List.of("1", "2"), appliedVersions());
        assertEquals(List.of(List.of("1", "1", "20")), project.rows("select player_id, team_id, age from players"));

        project.delete("migrations/V3__bad_player.sql");
        migrate("repair").assertOk();
        // DuckDB checks foreign keys eagerly: the parent rows stay blocked for the rest of the transaction
        migrate("down").assertExit(1).assertErrContains("migrations/V2__first_team.sql:6", "DuckDB checks foreign keys "
                + "eagerly").assertNoJavaInternals();
        assertEquals(List.of("1", "2"), appliedVersions());
        assertEquals("1", project.value("select count(*) from players"));

        project.file("migrations/V2__first_team.sql", """
                -- migrate:up
                INSERT INTO teams (team_id, team_name) VALUES (1, 'Nantes');
                INSERT INTO players (team_id, age) VALUES (1, 20);
                -- migrate:down
                DELETE FROM players;
                """);
        migrate("repair").assertOk().assertOutContains("realigned 2");
        migrate("down", "--to", "0").assertOk().assertOutContains("Rolled back 2 migration(s).");
        assertEquals(List.of("main.mallard_schema_history"), project.relations());
    }

    @Test
    void theServiceTellsOtherFeaturesWhatIsPendingWrongAndManaged() {
        threeMigrations();
        migrate("up", "--to", "2").assertOk();
        project.file("migrations/V1__create_raw_events.sql", V1_RAW_EVENTS + "-- edited\n");

        try (Workspace ws = Workspace.load(new ProjectLoader.Options(dir, null, null, null, Map.of()), Map.of())) {
            MigrationService service = new MigrationService(ws.project(), ws.engine());

            assertEquals(List.of("3"), service.pending().stream().map(m -> m.version().text()).toList());
            assertEquals(List.of(ValidationFinding.Kind.CHECKSUM_MISMATCH, ValidationFinding.Kind.PENDING),
                    service.validate().stream().map(ValidationFinding::kind).toList());
            assertEquals(List.of("raw_events"), service.managedTables());
        }
    }

    @Test
    void migrationsRunInTheTargetSchema() {
        project.file("profiles.yml", """
                proj:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: target/proj.duckdb
                      schema: app
                """).file("migrations/V1__create_raw_events.sql", V1_RAW_EVENTS);

        migrate("up", "--profiles-dir", dir.toString()).assertOk();

        assertEquals("BASE TABLE", project.tableType("app.raw_events"));
        assertEquals("1", project.value("select count(*) from app.mallard_schema_history"));
    }
}
