package dev.mallard.core.migrate.diff;

import static dev.mallard.core.migrate.diff.DiffFixture.assertKinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The insulin-pump pipeline of seed 004: raw events → parsed events → domain tables. */
class SchemaDiffPumpDataTest {
    private static final String SCHEMA = """
            -- seed 004: tables the ingestion pipeline writes
            CREATE SEQUENCE raw_events_id_seq;
            CREATE SEQUENCE events_id_seq;
            CREATE SEQUENCE cgm_readings_id_seq;
            CREATE SEQUENCE basal_deliveries_id_seq;

            CREATE TABLE raw_events (
                id BIGINT PRIMARY KEY DEFAULT nextval('raw_events_id_seq'),
                created TIMESTAMP NOT NULL DEFAULT current_timestamp,
                raw_event_data JSON NOT NULL
            );

            CREATE TABLE events (
                id BIGINT PRIMARY KEY DEFAULT nextval('events_id_seq'),
                raw_events_id BIGINT NOT NULL REFERENCES raw_events (id),
                event_id INTEGER NOT NULL,
                event_name VARCHAR NOT NULL,
                timestamp TIMESTAMP NOT NULL,
                event_data JSON
            );
            CREATE INDEX events_timestamp ON events (timestamp);

            CREATE TABLE cgm_readings (
                id BIGINT PRIMARY KEY DEFAULT nextval('cgm_readings_id_seq'),
                events_id BIGINT NOT NULL UNIQUE REFERENCES events (id),
                timestamp TIMESTAMP NOT NULL,
                cgm_reading INTEGER NOT NULL CHECK (cgm_reading BETWEEN 40 AND 400)
            );

            CREATE TABLE basal_deliveries (
                id BIGINT PRIMARY KEY DEFAULT nextval('basal_deliveries_id_seq'),
                events_id BIGINT NOT NULL UNIQUE REFERENCES events (id),
                timestamp TIMESTAMP NOT NULL,
                profile_basal_rate DECIMAL(6,3),
                commanded_basal_rate DECIMAL(6,3) NOT NULL
            );
            CREATE INDEX basal_deliveries_timestamp ON basal_deliveries (timestamp);
            """;

    @TempDir
    Path dir;

    @Test
    void anEmptyDatabaseGetsTheWholeSchemaAndDownEmptiesItAgain() throws Exception {
        try (DiffFixture f = new DiffFixture(dir, Set.of("mallard_schema_history"))
                .live("CREATE TABLE mallard_schema_history (version VARCHAR)")
                .declared(SCHEMA)) {
            SchemaDiff diff = f.roundTrip();
            List<String> up = diff.upStatements();
            assertEquals(4, up.stream().filter(s -> s.startsWith("CREATE SEQUENCE")).count());
            assertTrue(up.indexOf(create(up, "raw_events")) < up.indexOf(create(up, "events")));
            assertTrue(up.indexOf(create(up, "events")) < up.indexOf(create(up, "cgm_readings")));
            assertTrue(up.indexOf(create(up, "events")) < up.indexOf(create(up, "basal_deliveries")));
            List<String> down = diff.downStatements();
            assertTrue(down.indexOf("DROP TABLE basal_deliveries") < down.indexOf("DROP TABLE events"));
            assertTrue(down.indexOf("DROP TABLE events") < down.indexOf("DROP TABLE raw_events"));
            assertTrue(down.indexOf("DROP TABLE raw_events") < down.indexOf("DROP SEQUENCE raw_events_id_seq"));
            assertEquals(List.of("mallard_schema_history"), f.rows("SELECT table_name FROM duckdb_tables()"));
        }
    }

    @Test
    void theNextReleaseAddsAColumnAnIndexAndACheckWithoutLosingPumpData() throws Exception {
        String previous = SCHEMA
                .replace(" CHECK (cgm_reading BETWEEN 40 AND 400)", "")
                .replace("    event_data JSON\n", "    event_data VARCHAR\n")
                .replace("CREATE INDEX events_timestamp ON events (timestamp);\n", "");
        try (DiffFixture f = new DiffFixture(dir, Set.of())
                .live(previous)
                .live("INSERT INTO raw_events (raw_event_data) VALUES ('{\"a\":1}'), ('{\"a\":2}');"
                        + "INSERT INTO events (raw_events_id, event_id, event_name, timestamp, event_data) VALUES"
                        + " (1, 256, 'CGM', TIMESTAMP '2026-01-01 08:00', '{}'),"
                        + " (2, 3, 'Basal', TIMESTAMP '2026-01-01 08:05', NULL);"
                        + "INSERT INTO cgm_readings (events_id, timestamp, cgm_reading) VALUES (1, TIMESTAMP '2026-01-01 08:00', 120);"
                        + "INSERT INTO basal_deliveries (events_id, timestamp, commanded_basal_rate) VALUES"
                        + " (2, TIMESTAMP '2026-01-01 08:05', 0.85);")
                .declared(SCHEMA)) {
            SchemaDiff diff = f.roundTrip();
            assertKinds(diff, Change.Kind.COLUMN_TYPE_CHANGED, Change.Kind.CONSTRAINT_ADDED,
                    Change.Kind.INDEX_ADDED, Change.Kind.TABLE_REBUILT);
            assertEquals(List.of("1|256|120|null", "2|3|null|0.850"), f.rows(
                    "SELECT e.id, e.event_id, c.cgm_reading, b.commanded_basal_rate FROM events e"
                            + " LEFT JOIN cgm_readings c ON c.events_id = e.id"
                            + " LEFT JOIN basal_deliveries b ON b.events_id = e.id ORDER BY e.id"));
            f.execute("INSERT INTO raw_events (raw_event_data) VALUES ('{}')");
            assertEquals(List.of("3"), f.rows("SELECT max(id) FROM raw_events"));
        }
    }

    private static String create(List<String> statements, String table) {
        return statements.stream().filter(s -> s.startsWith("CREATE TABLE " + table + "(")).findFirst().orElseThrow();
    }
}
