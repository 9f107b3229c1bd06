package dev.mallard.core.migrate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A live in-memory DuckDB plus a declared schema file, and the round trip every diff must
 * survive: up makes the live database match the file, down puts the live schema back.
 */
final class DiffFixture implements AutoCloseable {
    final Connection live;
    final Path schemaFile;
    final SchemaDiffer differ;

    DiffFixture(Path dir, Set<String> ignored) throws SQLException {
        this(dir, new DiffScope("main", ignored));
    }

    DiffFixture(Path dir, DiffScope scope) throws SQLException {
        this(dir, scope, "jdbc:duckdb:");
    }

    DiffFixture(Path dir, DiffScope scope, String liveUrl) throws SQLException {
        this.live = DriverManager.getConnection(liveUrl);
        this.schemaFile = dir.resolve("schema.sql");
        this.differ = new SchemaDiffer(scope);
    }

    DiffFixture live(String script) throws SQLException {
        for (ScriptStatement s : SqlScriptSplitter.split(script)) {
            execute(s.sql());
        }
        return this;
    }

    DiffFixture declared(String script) throws IOException {
        Files.writeString(schemaFile, script);
        return this;
    }

    SchemaDiff diff() {
        return differ.diff(schemaFile, live);
    }

    /** Diff, apply up, expect no difference left; apply down, expect the original live schema. */
    SchemaDiff roundTrip() throws SQLException {
        SchemaModel before = differ.read(live);
        SchemaDiff diff = diff();
        String text = diff.toMigrationText();
        assertFalse(diff.isEmpty(), "expected differences");
        applyInOneTransaction(diff.upStatements(), text);
        SchemaDiff after = diff();
        assertTrue(after.isEmpty(), () -> "up left differences " + after.changes() + "\n" + text);
        applyInOneTransaction(diff.downStatements(), text);
        SchemaDiff restored = SchemaDiffer.diff(before, differ.read(live));
        assertTrue(restored.isEmpty(), () -> "down did not restore the live schema: " + restored.changes() + "\n" + text);
        return diff;
    }

    /** As the migration engine runs a migration: every statement in one transaction. */
    void applyInOneTransaction(List<String> statements, String context) throws SQLException {
        live.setAutoCommit(false);
        try {
            for (String sql : statements) {
                try {
                    execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError("statement failed: " + sql + "\n" + e.getMessage() + "\n" + context, e);
                }
            }
            live.commit();
        } catch (RuntimeException | Error e) {
            live.rollback();
            throw e;
        } finally {
            live.setAutoCommit(true);
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement st = live.createStatement()) {
            st.execute(sql);
        }
    }

    List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = live.createStatement(); ResultSet rs = st.executeQuery(query)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= width; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static void assertContainsStatement(SchemaDiff diff, String expected) {
        assertTrue(diff.upStatements().contains(expected),
                () -> "no up statement " + expected + " in\n" + diff.toMigrationText());
    }

    static void assertKinds(SchemaDiff diff, Change.Kind... kinds) {
        for (Change.Kind kind : kinds) {
            assertTrue(diff.changes().stream().anyMatch(c -> c.kind() == kind),
                    () -> "no " + kind + " in " + diff.changes());
        }
    }

    static void assertNoRebuild(SchemaDiff diff) {
        assertEquals(List.of(), diff.changes().stream().filter(c -> c.kind() == Change.Kind.TABLE_REBUILT).toList(),
                diff.toMigrationText());
    }

    @Override
    public void close() throws SQLException {
        live.close();
    }
}
