package dev.mallard.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import org.junit.jupiter.api.Test;

class SqlMigrationParserTest {
    static final String FILE = """
            -- migrate:up
            CREATE SEQUENCE s;
            CREATE TABLE t (id BIGINT DEFAULT nextval('s'));

            -- migrate:down
            DROP TABLE t;
            DROP SEQUENCE s;
            """;

    static SqlMigration parse(String name, String content) {
        return SqlMigrationParser.parse(name, "migrations/" + name, content);
    }

    @Test
    void readsVersionDescriptionAndBothSections() {
        SqlMigration m = parse("V2_1__create_raw_events.sql", FILE);
        assertEquals("2.1", m.version().text());
        assertEquals("create raw events", m.description());
        assertEquals(2, m.upStatements().size());
        assertEquals(3, m.upStatements().get(1).line());
        assertEquals(new SqlStatement("DROP TABLE t", 6), m.downStatements().get(0));
        assertTrue(m.reversible());
    }

    @Test
    void aFileWithoutADownSectionIsIrreversible() {
        SqlMigration m = parse("V1__x.sql", "-- migrate:up\nSELECT 1;\n");
        assertFalse(m.reversible());
    }

    @Test
    void anEmptyDownSectionIsIrreversible() {
        // the template of 'migrate new' left unfilled: rolling it back would undo nothing
        SqlMigration m = parse("V1__x.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n-- nothing yet\n");
        assertFalse(m.reversible());
        assertEquals(0, m.downStatements().size());
        assertTrue(parse("V1__x.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n").reversible());
    }

    @Test
    void badNamesAreRefusedNamingTheFile() {
        for (String name : new String[] {"V1_x.sql", "1__x.sql", "V__x.sql", "v1__x.sql", "V1.x__y.sql", "V1__.sql"}) {
            MallardException e = assertThrows(MallardException.class, () -> parse(name, FILE), name);
            assertEquals("migrations/" + name, e.file());
        }
    }

    @Test
    void malformedSectionsNameTheLine() {
        assertLine(1, "no '-- migrate:up' line", "-- only a comment\n");
        assertLine(2, "before the '-- migrate:up'", "\nSELECT 1;\n-- migrate:up\n");
        assertLine(3, "a second '-- migrate:up'", "-- migrate:up\nSELECT 1;\n-- migrate:up\n");
        assertLine(1, "'-- migrate:down' comes before", "-- migrate:down\n-- migrate:up\n");
        assertLine(2, "unknown marker", "-- migrate:up\n-- migrate:sideways\n");
    }

    private static void assertLine(int line, String message, String content) {
        MallardException e = assertThrows(MallardException.class, () -> parse("V1__x.sql", content));
        assertEquals(line, e.line(), e.describe());
        assertTrue(e.getMessage().contains(message), e.describe());
    }

    @Test
    void transactionControlIsRefusedBecauseMallardOwnsTheTransaction() {
        assertLine(2, "'BEGIN' in a migration", "-- migrate:up\nBEGIN;\nCREATE TABLE t (id INT);\nCOMMIT;\n");
        assertLine(4, "'COMMIT' in a migration", "-- migrate:up\nCREATE TABLE t (id INT);\n-- done\nCOMMIT;\n");
        assertLine(4, "'ROLLBACK' in a migration", "-- migrate:up\nSELECT 1;\n-- migrate:down\nrollback;\n");
        // words that merely start like it are fine
        parse("V1__x.sql", "-- migrate:up\nCREATE TABLE commits (id INT);\nSELECT 'BEGIN';\n");
    }

    @Test
    void checksumIgnoresLineEndingsButNotContent() {
        String lf = parse("V1__x.sql", FILE).checksum();
        assertEquals(lf, parse("V1__x.sql", FILE.replace("\n", "\r\n")).checksum());
        assertEquals(lf, parse("V1__x.sql", FILE.replace("\n", "\r")).checksum());
        assertEquals(lf, parse("V1__x.sql", "\uFEFF" + FILE).checksum());
        assertFalse(lf.equals(parse("V1__x.sql", FILE.replace("DROP TABLE t", "DROP TABLE  t")).checksum()));
        assertEquals(64, lf.length());
    }

    @Test
    void markersMayCarryOptionsAndSpacing() {
        SqlMigration m = parse("V1__x.sql", "  --migrate:up transaction:true\nSELECT 1;\n--   migrate:down\nSELECT 2;\n");
        assertEquals(1, m.upStatements().size());
        assertEquals(1, m.downStatements().size());
    }
}
