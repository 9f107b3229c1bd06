package dev.mallard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Shared by the migrate ITs: three seed-004-style migrations, the project, and helpers. */
abstract class MigrateFixture {
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
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(Arrays.asList(rest));
        return project.run("migrate", args.toArray(String[]::new));
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

    /** Whether the database exists and has the table (a refused command may still have created the file). */
    boolean hasTable(String name) {
        return project.exists("target/proj.duckdb") && project.tableType(name) != null;
    }

    static String line(List<String> lines, String start) {
        return lines.stream().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in\n" + lines));
    }
}
