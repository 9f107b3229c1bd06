package dev.mallard.core.migrate.diff;

import static dev.mallard.core.migrate.diff.DiffFixture.assertKinds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDiffIndexesAndSequencesTest {
    @TempDir
    Path dir;

    @Test
    void indexesAreAddedDroppedAndReplaced() throws Exception {
        try (DiffFixture f = new DiffFixture(dir, Set.of())
                .live("CREATE TABLE t (a INTEGER, b INTEGER, c INTEGER);"
                        + "CREATE INDEX t_a ON t (a); CREATE INDEX t_b ON t (b);")
                .declared("CREATE TABLE t (a INTEGER, b INTEGER, c INTEGER);\n"
                        + "CREATE UNIQUE INDEX t_b ON t (b, c);\n"
                        + "CREATE INDEX t_c ON t (c);\n")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(List.of("DROP INDEX t_a", "DROP INDEX t_b",
                    "CREATE UNIQUE INDEX t_b ON t(b, c)", "CREATE INDEX t_c ON t(c)"), diff.upStatements());
            assertEquals(List.of("DROP INDEX t_b", "DROP INDEX t_c",
                    "CREATE INDEX t_a ON t(a)", "CREATE INDEX t_b ON t(b)"), diff.downStatements());
            assertKinds(diff, Change.Kind.INDEX_ADDED, Change.Kind.INDEX_DROPPED, Change.Kind.INDEX_CHANGED);
        }
    }

    @Test
    void aSequenceComesBeforeTheTableThatUsesItAndGoesAfter() throws Exception {
        try (DiffFixture f = new DiffFixture(dir, Set.of())
                .live("")
                .declared("CREATE SEQUENCE ids START 100;\n"
                        + "CREATE TABLE t (id BIGINT PRIMARY KEY DEFAULT nextval('ids'), v VARCHAR);\n")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(List.of(
                    "CREATE SEQUENCE ids INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START 100 NO CYCLE",
                    "CREATE TABLE t(id BIGINT DEFAULT(nextval('ids')) PRIMARY KEY, v VARCHAR)"), diff.upStatements());
            assertEquals(List.of("DROP TABLE t", "DROP SEQUENCE ids"), diff.downStatements());
        }
    }

    @Test
    void aColumnDefaultMovesToANewSequenceAndTheOldOneIsDroppedAfter() throws Exception {
        try (DiffFixture f = new DiffFixture(dir, Set.of())
                .live("CREATE SEQUENCE old_ids; CREATE TABLE t (id BIGINT DEFAULT nextval('old_ids'));")
                .declared("CREATE SEQUENCE new_ids;\nCREATE TABLE t (id BIGINT DEFAULT nextval('new_ids'));\n")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(List.of(
                    "CREATE SEQUENCE new_ids INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START 1 NO CYCLE",
                    "ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval('new_ids')",
                    "DROP SEQUENCE old_ids"), diff.upStatements());
            assertKinds(diff, Change.Kind.SEQUENCE_ADDED, Change.Kind.SEQUENCE_DROPPED, Change.Kind.COLUMN_DEFAULT_CHANGED);
        }
    }
}
