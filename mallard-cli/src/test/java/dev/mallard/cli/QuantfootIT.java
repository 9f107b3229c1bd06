package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/quantfoot, seed 001's story: day 1 builds the constrained marts, day 2 merges
 * changed players and snapshots a relegation, day 3 brings a player who breaks the age
 * check and the day-2 mart survives intact.
 */
class QuantfootIT {
    @TempDir
    Path dir;

    @Test
    void threeBatchDays() {
        TestProject p = TestProject.copyOfExample("quantfoot", dir);

        CommandResult day1 = p.run("build").assertExit(0);
        assertTrue(day1.outLines().contains("Done. PASS=11 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=11"), day1.transcript());
        assertEquals(List.of("10|Ana Costa|24|1", "11|Bruno Lefevre|31|1", "12|Chloe Martin|19|2", "13|Dario Rossi|28|3"),
                players(p));
        assertEquals(List.of(
                        List.of("fixtures", "CHECK"), List.of("fixtures", "FOREIGN KEY"), List.of("fixtures", "PRIMARY KEY"),
                        List.of("players", "CHECK"), List.of("players", "FOREIGN KEY"), List.of("players", "PRIMARY KEY"),
                        List.of("teams", "PRIMARY KEY")),
                p.rows("select distinct table_name, constraint_type from duckdb_constraints() "
                        + "where constraint_type in ('PRIMARY KEY', 'FOREIGN KEY', 'CHECK') and schema_name = 'main' "
                        + "order by 1, 2"));

        CommandResult day2 = p.run("build", "--vars", "{batch: day2}").assertExit(0);
        assertTrue(day2.outLines().contains("Done. PASS=11 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=11"), day2.transcript());
        // merged on player_id: Bruno moved and aged, Emma joined, the others stay as they were
        List<String> afterDay2 = List.of("10|Ana Costa|24|1", "11|Bruno Lefevre|32|2", "12|Chloe Martin|19|2",
                "13|Dario Rossi|28|3", "14|Emma Schulz|22|3");
        assertEquals(afterDay2, players(p));
        assertEquals(List.of(List.of("1", "active", "true"), List.of("2", "active", "true"),
                        List.of("3", "active", "false"), List.of("3", "relegated", "true")),
                p.rows("select team_id, status, dbt_valid_to is null from snapshots.team_status order by 1, 2"));
        assertEquals("3", p.value("select count(*) from fixtures"));
        assertEquals("1", p.value("select count(*) from duckdb_constraints() where table_name = 'players' "
                + "and constraint_type = 'FOREIGN KEY'"), "the merge kept players' foreign key");

        CommandResult day3 = p.run("build", "--vars", "{batch: day3}").assertExit(1);
        assertTrue(day3.out().contains("CHECK constraint failed"), day3.transcript());
        assertTrue(day3.out().contains("Failure in model players (models/marts/players.sql)"), day3.transcript());
        assertEquals(afterDay2, players(p), "the day-2 players mart survives intact");
    }

    private static List<String> players(TestProject p) {
        return p.rows("select player_id, player_name, age, team_id from players order by 1").stream()
                .map(r -> String.join("|", r)).toList();
    }
}
