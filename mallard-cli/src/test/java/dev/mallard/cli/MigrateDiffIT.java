package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mallard migrate diff NAME: schema.sql against the live database, written as the next migration. */
class MigrateDiffIT {
    @TempDir
    Path dir;

    private TestProject project() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("migrations/V1__create_users.sql", "-- migrate:up\nCREATE TABLE users (id INTEGER PRIMARY KEY, "
                        + "email VARCHAR NOT NULL);\n-- migrate:down\nDROP TABLE users;\n")
                .file("models/m.sql", "{{ config(materialized='table') }} select 1 as x");
        p.runOk("migrate", "up");
        p.runOk("build");
        p.writeSql("INSERT INTO users VALUES (1, 'a@example.com'), (2, 'b@example.com')");
        return p;
    }

    private List<String> migrationFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("migrations"))) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheNextMigrationAndItRoundTrips() throws Exception {
        TestProject p = project();
        p.file("schema.sql", "CREATE SEQUENCE teams_id_seq;\n"
                + "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR NOT NULL, active BOOLEAN DEFAULT true);\n"
                + "CREATE TABLE teams (id BIGINT PRIMARY KEY DEFAULT nextval('teams_id_seq'), name VARCHAR NOT NULL UNIQUE);\n"
                + "CREATE INDEX users_email_idx ON users (email);\n");
        p.runOk("migrate", "diff", "add_teams").assertOutContains("Wrote migrations/V2__add_teams.sql with 4 changes:",
                "table added teams", "column added users", "sequence added teams_id_seq", "index added users_email_idx");
        assertEquals(List.of("V1__create_users.sql", "V2__add_teams.sql"), migrationFiles());
        String text = p.read("migrations/V2__add_teams.sql");
        assertTrue(text.startsWith("-- migrate:up\n") && text.contains("-- migrate:down\n"), text);
        assertFalse(text.contains("\"m\"") || text.matches("(?s).*\\bm\\b.*DROP.*"), "the model's table is left alone\n" + text);

        p.runOk("migrate", "up");
        assertEquals("2", p.value("select count(*) from users where active"));
        p.runOk("migrate", "diff", "again").assertOutContains("No differences");
        assertEquals(2, migrationFiles().size());

        p.runOk("migrate", "down");
        assertEquals(List.of(), p.rows("select * from information_schema.tables where table_name = 'teams'"));
        assertEquals(List.of("id", "email"), p.columns("select * from users"));
        assertEquals("2", p.value("select count(*) from users"));
        assertEquals("BASE TABLE", p.tableType("m"));
    }

    @Test
    void aSyntaxErrorInSchemaSqlNamesTheFileAndLineAndWritesNothing() throws Exception {
        TestProject p = project();
        p.file("schema.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY,\n  email VARCHAR NOT NULL);\n\n"
                + "CREATE TABLE teams (id INTEGER,\n  name VARCHAR DEFAUL 'x');\n");
        CommandResult r = p.run("migrate", "diff", "broken").assertFailed();
        r.assertErrContains("schema.sql:4");
        r.assertNoJavaInternals();
        assertEquals(List.of("V1__create_users.sql"), migrationFiles());
    }

    @Test
    void withoutASchemaFileItSaysWhatToWrite() {
        project().run("migrate", "diff", "x").assertFailed().assertErrContains("no declared schema file", "schema.sql");
    }
}
