package dev.mallard.core.migrate.diff;

import static dev.mallard.core.migrate.diff.DiffFixture.assertKinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDiffConstraintsTest {
    @TempDir
    Path dir;

    private DiffFixture fixture(String live, String declared) throws Exception {
        return new DiffFixture(dir, Set.of()).live(live).declared(declared);
    }

    @Test
    void aNewCheckConstraintRebuildsTheTableAndTheRowsSurvive() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE readings (id INTEGER PRIMARY KEY, value INTEGER, note VARCHAR);"
                        + "CREATE INDEX readings_value ON readings (value);"
                        + "INSERT INTO readings VALUES (1, 100, 'a'), (2, 250, 'b');",
                "CREATE TABLE readings (id INTEGER PRIMARY KEY, value INTEGER CHECK (value BETWEEN 40 AND 400), note VARCHAR);\n"
                        + "CREATE INDEX readings_value ON readings (value);\n")) {
            SchemaDiff diff = f.roundTrip();
            assertKinds(diff, Change.Kind.CONSTRAINT_ADDED, Change.Kind.TABLE_REBUILT);
            assertEquals(List.of(
                    "CREATE TABLE readings__mallard_old AS SELECT * FROM readings",
                    "DROP TABLE readings",
                    "CREATE TABLE readings(id INTEGER PRIMARY KEY, \"value\" INTEGER, note VARCHAR,"
                            + " CHECK((\"value\" BETWEEN 40 AND 400)))",
                    "INSERT INTO readings (id, value, note) SELECT id, value, note FROM readings__mallard_old",
                    "DROP TABLE readings__mallard_old",
                    "CREATE INDEX readings_value ON readings(\"value\")"), diff.upStatements());
            assertEquals(List.of("1|100|a", "2|250|b"), f.rows("SELECT * FROM readings ORDER BY id"));
        }
    }

    @Test
    void aRebuildThatTheDataViolatesFailsWholeAndChangesNothing() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE readings (id INTEGER, value INTEGER);"
                        + "INSERT INTO readings VALUES (1, 10);",
                "CREATE TABLE readings (id INTEGER, value INTEGER CHECK (value > 40))")) {
            SchemaDiff diff = f.diff();
            assertThrows(AssertionError.class, () -> f.applyInOneTransaction(diff.upStatements(), ""));
            assertEquals(List.of("1|10"), f.rows("SELECT * FROM readings"));
            assertTrue(f.rows("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%mallard_old'").isEmpty());
        }
    }

    @Test
    void primaryKeyAndUniqueChangesAreRebuilds() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE users (id INTEGER, email VARCHAR UNIQUE, handle VARCHAR);"
                        + "INSERT INTO users VALUES (1, 'a@x', 'a');",
                "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR, handle VARCHAR, UNIQUE (handle))")) {
            SchemaDiff diff = f.roundTrip();
            assertKinds(diff, Change.Kind.CONSTRAINT_ADDED, Change.Kind.CONSTRAINT_DROPPED, Change.Kind.TABLE_REBUILT);
            assertEquals(List.of("1|a@x|a"), f.rows("SELECT * FROM users"));
        }
    }

    @Test
    void aNewForeignKeyRebuildsTheReferencingTableOnly() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE events (id INTEGER PRIMARY KEY);"
                        + "CREATE TABLE doses (id INTEGER, event_id INTEGER);"
                        + "INSERT INTO events VALUES (1); INSERT INTO doses VALUES (7, 1);",
                "CREATE TABLE events (id INTEGER PRIMARY KEY);\n"
                        + "CREATE TABLE doses (id INTEGER, event_id INTEGER REFERENCES events (id));\n")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(List.of(new Change(Change.Kind.CONSTRAINT_ADDED, "doses",
                            "FOREIGN KEY (event_id) REFERENCES events(id)"),
                    new Change(Change.Kind.TABLE_REBUILT, "doses",
                            "DuckDB cannot ALTER constraints (PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY)")),
                    diff.changes());
            assertEquals(List.of("7|1"), f.rows("SELECT * FROM doses"));
        }
    }

    @Test
    void changingAReferencedPrimaryKeyRebuildsParentAndChildrenKeepingAllRows() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE events (id INTEGER PRIMARY KEY, kind VARCHAR);"
                        + "CREATE TABLE cgm (id INTEGER, event_id INTEGER REFERENCES events (id));"
                        + "CREATE TABLE basal (id INTEGER, event_id INTEGER REFERENCES events (id));"
                        + "CREATE INDEX basal_event ON basal (event_id);"
                        + "INSERT INTO events VALUES (1, 'cgm'), (2, 'basal');"
                        + "INSERT INTO cgm VALUES (10, 1); INSERT INTO basal VALUES (20, 2);",
                "CREATE TABLE events (id BIGINT PRIMARY KEY, kind VARCHAR);\n"
                        + "CREATE TABLE cgm (id INTEGER, event_id BIGINT REFERENCES events (id));\n"
                        + "CREATE TABLE basal (id INTEGER, event_id BIGINT REFERENCES events (id));\n"
                        + "CREATE INDEX basal_event ON basal (event_id);\n")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(3, diff.changes().stream().filter(c -> c.kind() == Change.Kind.TABLE_REBUILT).count(),
                    diff.toMigrationText());
            assertEquals(List.of("1|cgm|10", "2|basal|20"), f.rows("SELECT e.id, e.kind, coalesce(c.id, b.id) FROM events e"
                    + " LEFT JOIN cgm c ON c.event_id = e.id LEFT JOIN basal b ON b.event_id = e.id ORDER BY e.id"));
        }
    }

    @Test
    void theFixtureNoticesWhenDownDoesNotRestoreTheLiveSchema() throws Exception {
        // Guards the round trip itself: a down section that forgets a statement must fail it.
        try (DiffFixture f = fixture("CREATE TABLE t (id INTEGER)", "CREATE TABLE t (id INTEGER, extra INTEGER)")) {
            SchemaModel before = f.differ.read(f.live);
            SchemaDiff diff = f.diff();
            f.applyInOneTransaction(diff.upStatements(), "");
            assertFalse(SchemaDiffer.diff(before, f.differ.read(f.live)).isEmpty());
        }
    }
}
