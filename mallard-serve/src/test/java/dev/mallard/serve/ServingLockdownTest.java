package dev.mallard.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.duckdb.LockedDownDuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Even a client that could run any SQL on a serving connection could not read or write a
 * file outside the marts, nor undo the lockdown: checked with raw SQL on the connections.
 */
class ServingLockdownTest {
    @TempDir
    Path dir;

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void refused(Connection c, String sql, String fragment) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }, sql);
        assertTrue(e.getMessage().contains(fragment), () -> sql + ": " + e.getMessage());
    }

    @Test
    void servingConnectionsReadOnlyTheMarts() throws Exception {
        Path marts = Files.createDirectories(dir.resolve("marts"));
        Path other = Files.createDirectories(dir.resolve("other"));
        ServeHttp.duckdb("COPY (SELECT 7 AS x) TO '" + marts.resolve("m.parquet") + "' (FORMAT parquet)",
                "COPY (SELECT 1 AS secret) TO '" + other.resolve("s.parquet") + "' (FORMAT parquet)",
                "COPY (SELECT 2 AS y) TO '" + marts.resolve("unlisted.parquet") + "' (FORMAT parquet)");
        Files.writeString(other.resolve("s.csv"), "a\n1\n");
        try (LockedDownDuckDb db = LockedDownDuckDb.open(Set.of(marts.resolve("m.parquet")), Set.of(), 1);
             Connection c = db.connect()) {
            assertEquals("7", one(c, "SELECT x FROM read_parquet('" + marts.resolve("m.parquet") + "')"));
            String denied = "disabled by configuration";
            refused(c, "SELECT * FROM read_parquet('" + other.resolve("s.parquet") + "')", denied);
            refused(c, "SELECT * FROM read_parquet('" + marts.resolve("unlisted.parquet") + "')", denied);
            refused(c, "SELECT * FROM read_parquet('" + marts.resolve("../other/s.parquet") + "')", denied);
            refused(c, "SELECT * FROM read_csv('" + other.resolve("s.csv") + "')", denied);
            refused(c, "SELECT * FROM read_csv('/etc/passwd')", denied);
            refused(c, "SELECT * FROM read_text('/etc/passwd')", denied);
            refused(c, "SELECT * FROM glob('" + dir + "/*')", denied);
            refused(c, "COPY (SELECT 1) TO '" + other.resolve("out.parquet") + "' (FORMAT parquet)", denied);
            refused(c, "ATTACH '" + other.resolve("x.duckdb") + "' AS x", denied);
            refused(c, "INSTALL httpfs", denied);
            refused(c, "SET enable_external_access = true", "locked");
            refused(c, "RESET enable_external_access", "locked");
            refused(c, "SET lock_configuration = false", "locked");
            refused(c, "SET allowed_directories = ['/']", "locked");
            refused(c, "SET allowed_paths = ['/etc/passwd']", "locked");
            assertEquals("false", one(c, "SELECT current_setting('enable_external_access')"));
            try (Connection second = db.connect()) {
                refused(second, "SELECT * FROM read_parquet('" + other.resolve("s.parquet") + "')", denied);
            }
        }
        assertTrue(!Files.exists(other.resolve("out.parquet")) && !Files.exists(other.resolve("x.duckdb")));
    }

    @Test
    void directoriesAllowThePartitionedVersionsAndThePrivateOutputFolderOnly() throws Exception {
        Path versions = Files.createDirectories(dir.resolve("marts/.events.versions"));
        Path out = Files.createDirectories(dir.resolve("private"));
        ServeHttp.duckdb("COPY (SELECT i, i % 2 AS k FROM range(4) t(i)) TO '" + versions.resolve("v1")
                + "' (FORMAT parquet, PARTITION_BY (k))");
        try (LockedDownDuckDb db = LockedDownDuckDb.open(List.of(), List.of(versions, out), 1);
             Connection c = db.connect()) {
            assertEquals("4", one(c, "SELECT count(*) FROM read_parquet('" + versions + "/v1/**/*.parquet', "
                    + "hive_partitioning = true)"));
            try (Statement st = c.createStatement()) {
                st.execute("COPY (SELECT 1 AS a) TO '" + out.resolve("r.parquet") + "' (FORMAT parquet)");
            }
            assertTrue(Files.exists(out.resolve("r.parquet")));
            refused(c, "COPY (SELECT 1) TO '" + dir.resolve("marts/x.parquet") + "' (FORMAT parquet)",
                    "disabled by configuration");
            refused(c, "SELECT * FROM read_parquet('" + versions + "/../../marts/**/*.parquet')",
                    "disabled by configuration");
        }
    }

    @Test
    void theGracePeriodDatabaseIsReadOnlyAndLockedDown() throws Exception {
        Path dbFile = dir.resolve("proj.duckdb");
        try (Connection w = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dbFile);
             Statement st = w.createStatement()) {
            st.execute("CREATE TABLE orders AS SELECT 1 AS id");
        }
        Files.writeString(dir.resolve("s.csv"), "a\n1\n");
        Path out = Files.createDirectories(dir.resolve("private"));
        try (Connection c = LockedDownDuckDb.openReadOnlyFile(dbFile, out)) {
            assertEquals("1", one(c, "SELECT id FROM orders"));
            refused(c, "INSERT INTO orders VALUES (2)", "read-only");
            refused(c, "SELECT * FROM read_csv('" + dir.resolve("s.csv") + "')", "disabled by configuration");
            refused(c, "SET enable_external_access = true", "locked");
        }
    }
}
