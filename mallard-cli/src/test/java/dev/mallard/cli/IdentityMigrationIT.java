package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity and serial columns in migrations (seed 004's auto-increment keys) on DuckDB, which has neither. */
class IdentityMigrationIT {
    @TempDir
    Path dir;

    private static final String SEQUENCES = "select sequence_name from duckdb_sequences() order by 1";

    @Test
    void identityColumnsNumberRowsAndGoAwayWithTheirTable() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("migrations/V1__pump_events.sql", "-- migrate:up\n"
                        + "CREATE TABLE pump_events (\n"
                        + "    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                        + "    kind VARCHAR NOT NULL\n);\n"
                        + "CREATE TABLE alarms (id SERIAL PRIMARY KEY, event_id BIGINT REFERENCES pump_events (id));\n"
                        + "INSERT INTO pump_events (kind) VALUES ('bolus'), ('basal');\n"
                        + "-- migrate:down\nDROP TABLE alarms;\nDROP TABLE pump_events;\n");
        p.runOk("migrate", "up");
        assertEquals(List.of(List.of("1", "bolus"), List.of("2", "basal")), p.rows("select * from pump_events order by id"));
        assertEquals(List.of(List.of("alarms_id_seq"), List.of("pump_events_id_seq")), p.rows(SEQUENCES));
        p.writeSql("INSERT INTO pump_events (kind) VALUES ('cgm')", "INSERT INTO alarms (event_id) VALUES (3)");
        assertEquals(List.of(List.of("1", "3")), p.rows("select id, event_id from alarms"));
        p.runOk("check").assertOutContains("No drift");

        p.runOk("migrate", "down");
        assertEquals(List.of(), p.rows(SEQUENCES));
        p.runOk("migrate", "up");
        assertEquals(List.of(List.of("1", "bolus"), List.of("2", "basal")), p.rows("select * from pump_events order by id"));
    }
}
