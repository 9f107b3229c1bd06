package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mallard.core.ingest.postgres.PostgresTestServer;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * examples/quantfoot's three batch days on Postgres, as its run.sh runs them with
 * {@code QUANTFOOT_TARGET=postgres}: the day's extract loaded into the api_football schema, then
 * {@code build --target postgres} with the example's own profiles.yml (its libpq variables set
 * for a server this test starts). Each day ends as the same day on DuckDB does: the same exit
 * code and summary, the same rows in the marts and the snapshot, the same constraints.
 */
class QuantfootPostgresIT {
    private static final String SCHEMA = "quantfoot";
    /** The marts and the snapshot, in SQL both engines run; {@code %s} is the schema. */
    private static final List<String> RESULTS = List.of(
            "select team_id, team_name, city, status from %s.teams order by 1",
            "select player_id, player_name, age, team_id, cast(updated_at as varchar) from %s.players order by 1",
            "select fixture_id, home_team_id, away_team_id, cast(kickoff as varchar), home_goals, away_goals, result "
                    + "from %s.fixtures order by 1",
            "select team_id, team_name, status, cast(dbt_valid_from as varchar), cast(dbt_valid_to as varchar) "
                    + "from snapshots.team_status order by 1, 4");
    private static final String CONSTRAINTS = "select table_name, constraint_type, count(*) "
            + "from information_schema.table_constraints where table_schema = '%s' "
            + "and constraint_type in ('PRIMARY KEY', 'FOREIGN KEY', 'CHECK') and constraint_name not like '%%_not_null' "
            + "group by 1, 2 order by 1, 2";

    @TempDir
    static Path root;
    private static PostgresTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresTestServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void threeBatchDaysGiveWhatTheyGiveOnDuckDb() throws Exception {
        assumeTrue(server != null, PostgresTestServer.NO_POSTGRES);
        TestProject duck = TestProject.copyOfExample("quantfoot", root.resolve("duckdb"));
        TestProject pg = TestProject.copyOfExample("quantfoot", root.resolve("postgres"));
        Map<String, String> env = Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(server.port),
                "PGUSER", "mallard", "PGPASSWORD", PostgresTestServer.PASSWORD, "PGDATABASE", "mallard_test",
                "QUANTFOOT_SCHEMA", SCHEMA);
        int[] exits = {0, 0, 1};
        CommandResult onPg = null;
        for (int day = 1; day <= 3; day++) {
            String batch = "{batch: day" + day + "}";
            CommandResult onDuck = duck.run("build", "--vars", batch).assertExit(exits[day - 1]);
            loadExtract(pg.dir().resolve("data/day" + day));
            onPg = CliProcess.run(pg.dir(), env, "build", "--target", "postgres", "--vars", batch);
            onPg.assertExit(exits[day - 1]);
            String summary = onDuck.outLines().stream().filter(l -> l.contains("Done. PASS=")).findFirst().orElseThrow();
            assertTrue(onPg.out().contains(summary.substring(summary.indexOf("Done. PASS="))), "day " + day + ": "
                    + summary + "\n" + onPg.transcript());
            for (String sql : RESULTS) {
                assertEquals(duck.rows(sql.formatted("main")), rows(sql.formatted(SCHEMA)), "day " + day + ": " + sql);
            }
            assertEquals(duck.rows(CONSTRAINTS.formatted("main")), rows(CONSTRAINTS.formatted(SCHEMA)),
                    "day " + day + ": the marts' constraints");
        }
        // day 3: the check constraint stopped the merge, on Postgres with its own message
        assertTrue(onPg.out().contains("Failure in model players (models/marts/players.sql)"), onPg.transcript());
        assertTrue(onPg.out().contains("violates check constraint"), onPg.transcript());
    }

    /** What run.sh does with psql's \copy: each CSV into a table of varchar columns, emptied first. */
    private static void loadExtract(Path dayDir) throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement(); var files = Files.list(dayDir)) {
            st.execute("create schema if not exists api_football");
            for (Path csv : files.sorted().toList()) {
                String table = "api_football." + csv.getFileName().toString().replace(".csv", "");
                String header = Files.readAllLines(csv).get(0).strip();
                st.execute("create table if not exists " + table + " (" + header.replace(",", " varchar, ") + " varchar)");
                st.execute("truncate " + table);
                try (Reader in = Files.newBufferedReader(csv)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table
                            + " from stdin with (format csv, header true)", in);
                }
            }
        }
    }

    private static List<List<String>> rows(String sql) throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        }
    }
}
