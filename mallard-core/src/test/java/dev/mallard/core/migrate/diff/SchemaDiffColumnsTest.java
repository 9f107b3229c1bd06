package dev.mallard.core.migrate.diff;

import static dev.mallard.core.migrate.diff.DiffFixture.assertContainsStatement;
import static dev.mallard.core.migrate.diff.DiffFixture.assertKinds;
import static dev.mallard.core.migrate.diff.DiffFixture.assertNoRebuild;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDiffColumnsTest {
    @TempDir
    Path dir;

    private DiffFixture fixture(String live, String declared) throws Exception {
        return new DiffFixture(dir, Set.of()).live(live).declared(declared);
    }

    @Test
    void anAddedColumnIsAddedWithItsDefaultAndDroppedDown() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE t (id INTEGER); INSERT INTO t VALUES (1);",
                "CREATE TABLE t (id INTEGER, status VARCHAR NOT NULL DEFAULT 'new', note VARCHAR)")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(List.of("ALTER TABLE t ADD COLUMN status VARCHAR DEFAULT 'new' NOT NULL",
                    "ALTER TABLE t ADD COLUMN note VARCHAR"), diff.upStatements());
            assertEquals(List.of("ALTER TABLE t DROP COLUMN status", "ALTER TABLE t DROP COLUMN note"),
                    diff.downStatements());
            assertKinds(diff, Change.Kind.COLUMN_ADDED);
        }
    }

    @Test
    void aDroppedColumnIsDroppedAndComesBackDown() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE t (id INTEGER, legacy VARCHAR DEFAULT 'x' NOT NULL)",
                "CREATE TABLE t (id INTEGER)")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(List.of("ALTER TABLE t DROP COLUMN legacy"), diff.upStatements());
            assertEquals(List.of("ALTER TABLE t ADD COLUMN legacy VARCHAR DEFAULT 'x' NOT NULL"), diff.downStatements());
            assertKinds(diff, Change.Kind.COLUMN_DROPPED);
        }
    }

    @Test
    void typeNullabilityAndDefaultChangesAreAlters() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE t (id INTEGER, amount INTEGER, code VARCHAR, ts TIMESTAMP);"
                        + "INSERT INTO t VALUES (1, 5, 'a', TIMESTAMP '2026-01-01');",
                "CREATE TABLE t (id INTEGER, amount BIGINT, code VARCHAR NOT NULL, ts TIMESTAMP DEFAULT current_timestamp)")) {
            SchemaDiff diff = f.roundTrip();
            assertNoRebuild(diff);
            assertContainsStatement(diff, "ALTER TABLE t ALTER COLUMN amount TYPE BIGINT");
            assertContainsStatement(diff, "ALTER TABLE t ALTER COLUMN code SET NOT NULL");
            assertContainsStatement(diff, "ALTER TABLE t ALTER COLUMN ts SET DEFAULT current_timestamp");
            assertKinds(diff, Change.Kind.COLUMN_TYPE_CHANGED, Change.Kind.COLUMN_NULLABILITY_CHANGED,
                    Change.Kind.COLUMN_DEFAULT_CHANGED);
            assertEquals(List.of("1|5|a|2026-01-01 00:00:00.0"), f.rows("SELECT * FROM t"));
        }
    }

    @Test
    void columnAltersOnAnIndexedTableDropAndRecreateTheIndexes() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE t (id INTEGER, a INTEGER, b INTEGER);"
                        + "CREATE INDEX t_b ON t (b); INSERT INTO t VALUES (1, 2, 3);",
                "CREATE TABLE t (id INTEGER, a BIGINT NOT NULL, b INTEGER);\nCREATE INDEX t_b ON t (b);")) {
            SchemaDiff diff = f.roundTrip();
            assertNoRebuild(diff);
            assertEquals(List.of("DROP INDEX t_b", "ALTER TABLE t ALTER COLUMN a TYPE BIGINT",
                    "ALTER TABLE t ALTER COLUMN a SET NOT NULL", "CREATE INDEX t_b ON t(b)"), diff.upStatements());
        }
    }

    @Test
    void aNotNullColumnAddedToAnIndexedTableMovesTheIndexAside() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE t (id INTEGER, b INTEGER); CREATE INDEX t_b ON t (b);"
                        + "INSERT INTO t VALUES (1, 2);",
                "CREATE TABLE t (id INTEGER, b INTEGER, c INTEGER NOT NULL DEFAULT 0, d INTEGER DEFAULT 1);\n"
                        + "CREATE INDEX t_b ON t (b);")) {
            SchemaDiff diff = f.roundTrip();
            assertNoRebuild(diff);
            assertEquals(List.of("DROP INDEX t_b", "ALTER TABLE t ADD COLUMN c INTEGER DEFAULT 0 NOT NULL",
                    "ALTER TABLE t ADD COLUMN d INTEGER DEFAULT 1", "CREATE INDEX t_b ON t(b)"), diff.upStatements());
        }
    }

    @Test
    void aNotNullColumnAddedToAReferencedTableRebuildsIt() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                        + "CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));"
                        + "INSERT INTO parent VALUES (1); INSERT INTO child VALUES (1);",
                "CREATE TABLE parent (id INTEGER PRIMARY KEY, kind VARCHAR NOT NULL DEFAULT 'x', note VARCHAR);\n"
                        + "CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));\n")) {
            SchemaDiff diff = f.diff();
            assertKinds(diff, Change.Kind.TABLE_REBUILT);
            f.applyInOneTransaction(diff.upStatements(), diff.toMigrationText());
            assertEquals(List.of("1|x|1"), f.rows("SELECT p.id, p.kind, c.parent_id FROM parent p JOIN child c ON true"));
            f.applyInOneTransaction(diff.downStatements(), diff.toMigrationText());
            assertEquals(List.of("1|1"), f.rows("SELECT p.id, c.parent_id FROM parent p JOIN child c ON true"));
        }
    }

    @Test
    void droppingAColumnOfAnIndexedTableRebuildsIt() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE t (id INTEGER, a INTEGER, b INTEGER);"
                        + "CREATE INDEX t_b ON t (b); INSERT INTO t VALUES (1, 2, 3);",
                "CREATE TABLE t (id INTEGER, a INTEGER);\nCREATE INDEX t_b ON t (id);")) {
            SchemaDiff diff = f.roundTrip();
            assertKinds(diff, Change.Kind.TABLE_REBUILT, Change.Kind.INDEX_CHANGED);
            assertEquals("CREATE INDEX t_b ON t(id)", diff.upStatements().get(diff.upStatements().size() - 1));
            assertEquals(List.of("1|2|null"), f.rows("SELECT * FROM t"));
        }
    }

    @Test
    void droppingAColumnOfATableWithAPrimaryKeyRebuildsItKeepingTheRows() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE t (id INTEGER PRIMARY KEY, legacy INTEGER, keep VARCHAR);"
                        + "INSERT INTO t VALUES (1, 10, 'a'), (2, 20, 'b');",
                "CREATE TABLE t (id INTEGER PRIMARY KEY, keep VARCHAR)")) {
            SchemaDiff diff = f.diff();
            assertKinds(diff, Change.Kind.TABLE_REBUILT);
            f.applyInOneTransaction(diff.upStatements(), diff.toMigrationText());
            assertEquals(List.of("1|a", "2|b"), f.rows("SELECT * FROM t ORDER BY id"));
            f.applyInOneTransaction(diff.downStatements(), diff.toMigrationText());
            assertEquals(List.of("1|null|a", "2|null|b"), f.rows("SELECT id, legacy, keep FROM t ORDER BY id"));
        }
    }

    @Test
    void alteringATableThatOthersReferenceRebuildsBoth() throws Exception {
        try (DiffFixture f = fixture("CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR);"
                        + "CREATE TABLE child (id INTEGER, parent_id INTEGER REFERENCES parent (id));"
                        + "INSERT INTO parent VALUES (1, 'p'); INSERT INTO child VALUES (10, 1);",
                "CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL);\n"
                        + "CREATE TABLE child (id INTEGER, parent_id INTEGER REFERENCES parent (id));\n")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(2, diff.changes().stream().filter(c -> c.kind() == Change.Kind.TABLE_REBUILT).count(),
                    diff.changes().toString());
            assertEquals(List.of("1|p|10"), f.rows("SELECT p.id, p.name, c.id FROM parent p JOIN child c ON c.parent_id = p.id"));
        }
    }
}
