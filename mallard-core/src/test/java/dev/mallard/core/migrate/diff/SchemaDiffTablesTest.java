package dev.mallard.core.migrate.diff;

import static dev.mallard.core.migrate.diff.DiffFixture.assertKinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDiffTablesTest {
    @TempDir
    Path dir;

    @Test
    void aLiveDatabaseThatMatchesTheFileHasNoDifferences() throws Exception {
        String ddl = "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL);\n"
                + "CREATE INDEX accounts_name ON accounts (name);\n";
        try (DiffFixture f = new DiffFixture(dir, Set.of()).live(ddl).declared(ddl)) {
            SchemaDiff diff = f.diff();
            assertTrue(diff.isEmpty(), diff.toMigrationText());
            assertEquals("-- migrate:up\n\n-- migrate:down\n", diff.toMigrationText());
        }
    }

    @Test
    void aDeclaredTableIsCreatedUpAndDroppedDown() throws Exception {
        try (DiffFixture f = new DiffFixture(dir, Set.of())
                .live("CREATE TABLE accounts (id INTEGER PRIMARY KEY)")
                .declared("CREATE TABLE accounts (id INTEGER PRIMARY KEY);\n"
                        + "CREATE TABLE payments (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts (id),"
                        + " amount DECIMAL(10,2) NOT NULL);\n")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(List.of("CREATE TABLE payments(id INTEGER PRIMARY KEY, account_id INTEGER,"
                    + " amount DECIMAL(10,2) NOT NULL, FOREIGN KEY (account_id) REFERENCES accounts(id))"),
                    diff.upStatements());
            assertEquals(List.of("DROP TABLE payments"), diff.downStatements());
            assertKinds(diff, Change.Kind.TABLE_ADDED);
        }
    }

    @Test
    void aTableMissingFromTheFileIsDroppedUpAndRecreatedDownFromItsLiveDefinition() throws Exception {
        try (DiffFixture f = new DiffFixture(dir, Set.of())
                .live("CREATE TABLE accounts (id INTEGER PRIMARY KEY, note VARCHAR DEFAULT 'n/a');"
                        + "CREATE TABLE legacy (id INTEGER, account_id INTEGER REFERENCES accounts (id));"
                        + "CREATE INDEX legacy_account ON legacy (account_id);")
                .declared("CREATE TABLE accounts (id INTEGER PRIMARY KEY, note VARCHAR DEFAULT 'n/a');")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(List.of("DROP TABLE legacy"), diff.upStatements());
            assertEquals(List.of(
                    "CREATE TABLE legacy(id INTEGER, account_id INTEGER, FOREIGN KEY (account_id) REFERENCES accounts(id))",
                    "CREATE INDEX legacy_account ON legacy(account_id)"), diff.downStatements());
            assertTrue(diff.changes().stream().anyMatch(Change::destructive));
        }
    }

    @Test
    void aFileDatabaseIsReadWithoutTheDatabasesAttachedToIt() throws Exception {
        Path file = dir.resolve("app.duckdb");
        Path other = dir.resolve("other.duckdb");
        try (DiffFixture f = new DiffFixture(dir, DiffScope.main(Set.of()), "jdbc:duckdb:" + file)
                .live("CREATE TABLE accounts (id INTEGER);"
                        + "ATTACH '" + other + "' AS other; CREATE TABLE other.main.payments (id INTEGER);")
                .declared("CREATE TABLE accounts (id INTEGER, name VARCHAR);")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(List.of("ALTER TABLE accounts ADD COLUMN name VARCHAR"), diff.upStatements());
        }
    }

    @Test
    void tablesAreCreatedReferencedFirstAndDroppedReferencingFirst() throws Exception {
        try (DiffFixture f = new DiffFixture(dir, Set.of())
                .live("")
                .declared("CREATE TABLE a (id INTEGER PRIMARY KEY);\n"
                        + "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));\n"
                        + "CREATE TABLE aa_child (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id));\n")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(List.of("a", "b", "aa_child"), diff.upStatements().stream().map(s -> s.split("[ (]")[2]).toList());
            assertEquals(List.of("DROP TABLE aa_child", "DROP TABLE b", "DROP TABLE a"), diff.downStatements());
        }
    }

    @Test
    void ignoredTablesAreNeitherCreatedNorDropped() throws Exception {
        try (DiffFixture f = new DiffFixture(dir, Set.of("mallard_schema_history", "stg_orders"))
                .live("CREATE TABLE mallard_schema_history (version VARCHAR);"
                        + "CREATE TABLE stg_orders (id INTEGER);")
                .declared("CREATE TABLE stg_orders (id BIGINT, other INTEGER);")) {
            assertTrue(f.diff().isEmpty(), f.diff().toMigrationText());
        }
    }

    @Test
    void theSequenceBehindAnIgnoredTableIsLeftAlone() throws Exception {
        try (DiffFixture f = new DiffFixture(dir, Set.of("mallard_schema_history"))
                .live("CREATE SEQUENCE history_ids;"
                        + "CREATE TABLE mallard_schema_history (id BIGINT DEFAULT nextval('history_ids'), version VARCHAR);"
                        + "CREATE SEQUENCE stray_ids;")
                .declared("CREATE TABLE accounts (id INTEGER);")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals(List.of("CREATE TABLE accounts(id INTEGER)", "DROP SEQUENCE stray_ids"), diff.upStatements());
        }
    }

    @Test
    void anotherSchemaIsCreatedWithItsTablesAndDroppedDown() throws Exception {
        try (DiffFixture f = new DiffFixture(dir, new DiffScope("app", Set.of()))
                .live("CREATE TABLE main.unrelated (id INTEGER)")
                .declared("CREATE SCHEMA app;\n"
                        + "CREATE SEQUENCE app.user_ids;\n"
                        + "CREATE TABLE app.users (id BIGINT PRIMARY KEY DEFAULT nextval('app.user_ids'), email VARCHAR UNIQUE);\n"
                        + "CREATE INDEX users_email ON app.users (email);\n")) {
            SchemaDiff diff = f.roundTrip();
            assertEquals("CREATE SCHEMA app", diff.upStatements().get(0));
            assertEquals("DROP SCHEMA app", diff.downStatements().get(diff.downStatements().size() - 1));
            assertTrue(diff.upStatements().contains("CREATE INDEX users_email ON app.users(email)"), diff.toMigrationText());
        }
    }

    @Test
    void quotedNamesSurviveTheRoundTrip() throws Exception {
        try (DiffFixture f = new DiffFixture(dir, Set.of())
                .live("CREATE TABLE \"Order Lines\" (\"Line No\" INTEGER, \"select\" INTEGER)")
                .declared("CREATE TABLE \"Order Lines\" (\"Line No\" BIGINT NOT NULL, \"order\" VARCHAR DEFAULT 'x')")) {
            SchemaDiff diff = f.roundTrip();
            DiffFixture.assertContainsStatement(diff, "ALTER TABLE \"Order Lines\" DROP COLUMN \"select\"");
            DiffFixture.assertContainsStatement(diff, "ALTER TABLE \"Order Lines\" ADD COLUMN \"order\" VARCHAR DEFAULT 'x'");
        }
    }
}
