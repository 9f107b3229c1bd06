package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.migrate.ValidationFinding;
import dev.mallard.core.project.ProjectLoader;
import dev.mallard.core.run.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mallard migrate up/down/redo} against real DuckDB files: applying and reverting, failures included. */
class MigrateIT extends MigrateFixture {
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
