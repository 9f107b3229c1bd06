package dev.mallard.core.migrate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDiffDeclaredFileTest {
    @TempDir
    Path dir;

    @Test
    void aSyntaxErrorNamesTheFileAndTheLineOfTheStatement() throws Exception {
        String schema = String.join("\n",
                "-- accounts",
                "CREATE TABLE accounts (",
                "  id INTEGER PRIMARY KEY",
                ");",
                "",
                "/* payments; with a semicolon in a comment */",
                "CREATE TABLE payments (id INTEGER, amount DECIMAL(10,2) NOT NULL DEFAUL 0);",
                "CREATE TABLE later (id INTEGER);");
        try (DiffFixture f = new DiffFixture(dir, Set.of()).declared(schema)) {
            MallardException e = assertThrows(MallardException.class, f::diff);
            assertEquals(ErrorCode.SQL, e.code());
            assertEquals(f.schemaFile.toString(), e.file());
            assertEquals(7, e.line());
            assertTrue(e.describe().startsWith(f.schemaFile + ":7: "), e.describe());
            assertTrue(e.getMessage().contains("line 7"), e.getMessage());
        }
    }

    @Test
    void aMissingFileIsAProjectError() throws Exception {
        try (DiffFixture f = new DiffFixture(dir, Set.of())) {
            MallardException e = assertThrows(MallardException.class, f::diff);
            assertEquals(ErrorCode.PROJECT, e.code());
            assertEquals(f.schemaFile.toString(), e.file());
        }
    }

    @Test
    void statementsKeepTheLineTheyStartOnAndIgnoreSemicolonsInQuotesAndComments() {
        List<ScriptStatement> statements = SqlScriptSplitter.split(String.join("\n",
                "-- header; not a statement",
                "CREATE TABLE a (note VARCHAR DEFAULT 'x;y');",
                "",
                "  /* block ; comment */ CREATE TABLE \"b;c\" (",
                "    id INTEGER",
                "  );",
                "SELECT $$ dollar ; quoted $$",
                ";;",
                "CREATE TABLE d (id INTEGER) -- no final semicolon"));
        assertEquals(List.of(2, 4, 7, 9), statements.stream().map(ScriptStatement::line).toList());
        assertEquals("CREATE TABLE a (note VARCHAR DEFAULT 'x;y')", statements.get(0).sql());
        assertTrue(statements.get(1).sql().contains("\"b;c\""), statements.get(1).sql());
        assertEquals("SELECT $$ dollar ; quoted $$", statements.get(2).sql());
        assertEquals("CREATE TABLE d (id INTEGER)", statements.get(3).sql());
    }

    @Test
    void theMigrationTextHasAnUpAndADownSection() {
        SchemaDiff diff = new SchemaDiff(List.of(new Change(Change.Kind.TABLE_ADDED, "t", "")),
                List.of("CREATE TABLE t(id INTEGER)"), List.of("DROP TABLE t"));
        assertEquals("-- migrate:up\nCREATE TABLE t(id INTEGER);\n\n-- migrate:down\nDROP TABLE t;\n",
                diff.toMigrationText());
        assertEquals("table added t", diff.changes().get(0).toString());
    }
}
