package dev.mallard.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.engine.CsvLoad;
import dev.mallard.core.engine.Relation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass seed load (DuckDB's typed CSV reader, then agate's narrowing) gives the same
 * table, types and values, as typing the file's text by agate's rules ({@link AgateTypes},
 * the reference checked against dbt), and falls back to the text when it cannot be sure.
 */
class SeedLoadTest {
    private static final int ROWS = 40_000; // past the sniffer's sample of 20,480 rows
    @TempDir
    Path dir;
    private DuckDbSession session;

    @BeforeEach
    void open() throws SQLException {
        session = new DuckDbSession((DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"));
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** Loads the CSV both ways; returns whether the one-pass read settled it, after checking both agree. */
    private boolean loadBothWays(Map<String, IntFunction<String>> columns, Map<String, String> declared)
            throws IOException {
        Path csv = dir.resolve("seed.csv");
        StringBuilder text = new StringBuilder(String.join(",", columns.keySet())).append('\n');
        for (int r = 0; r < ROWS; r++) {
            List<String> values = new ArrayList<>();
            for (IntFunction<String> column : columns.values()) {
                values.add(column.apply(r));
            }
            text.append(String.join(",", values)).append('\n');
        }
        Files.writeString(csv, text);
        session.execute("DROP TABLE IF EXISTS fast; DROP TABLE IF EXISTS careful");
        boolean typed = new SeedLoad(session, 0).load(new CsvLoad(csv, new Relation("memory", "main", "fast"), ",",
                declared));
        assertFalse(new SeedLoad(session, Long.MAX_VALUE).load(new CsvLoad(csv, new Relation("memory", "main",
                "careful"), ",", declared)));
        assertEquals(describe("careful"), describe("fast"));
        assertEquals(List.of(List.of(0L)), session.query("SELECT count(*) FROM (SELECT * FROM fast EXCEPT ALL "
                + "SELECT * FROM careful UNION ALL SELECT * FROM careful EXCEPT ALL SELECT * FROM fast)").rows());
        assertEquals(List.of(List.of((long) ROWS)), session.query("SELECT count(*) FROM fast").rows());
        return typed;
    }

    private List<String> describe(String table) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : session.query("DESCRIBE " + table).rows()) {
            out.add(row.get(0) + " " + row.get(1));
        }
        return out;
    }

    @Test
    void typesTheUsualColumnsInOnePassAsAgateDoes() throws IOException {
        Random rnd = new Random(7);
        Map<String, IntFunction<String>> c = new LinkedHashMap<>();
        c.put("id", r -> Integer.toString(r));
        c.put("big", r -> Long.toString(3_000_000_000L + r));
        c.put("amount", r -> (r % 7) + "." + (r % 100));
        c.put("whole_double", r -> r % 3 + ".0");
        c.put("day", r -> String.format("2024-%02d-%02d", r % 12 + 1, r % 28 + 1));
        c.put("ts", r -> String.format("2024-01-%02d %02d:30:00", r % 28 + 1, r % 24));
        c.put("iso", r -> String.format("2024-01-%02dT%02d:30:00", r % 28 + 1, r % 24));
        c.put("flag", r -> r % 2 == 0 ? "true" : "false");
        c.put("tf", r -> r % 2 == 0 ? "t" : "f");
        c.put("clock", r -> String.format("%02d:00:00", r % 24));
        c.put("name", r -> "n" + rnd.nextInt(1000));
        c.put("sparse", r -> r % 5 == 0 ? "" : Integer.toString(r));
        c.put("slashed", r -> String.format("%02d/%02d/2024", r % 12 + 1, r % 28 + 1));
        c.put("declared", r -> Integer.toString(r % 10));
        c.put("priced", r -> r % 50 + ".25");
        assertTrue(loadBothWays(c, Map.of("declared", "VARCHAR", "priced", "decimal(10,2)")));
        List<String> types = describe("fast");
        assertEquals(List.of("id INTEGER", "big BIGINT", "amount DOUBLE", "whole_double INTEGER", "day DATE",
                "ts TIMESTAMP", "iso TIMESTAMP", "flag BOOLEAN", "tf VARCHAR", "clock VARCHAR", "name VARCHAR",
                "sparse INTEGER", "slashed VARCHAR", "declared VARCHAR", "priced DECIMAL(10,2)"), types);
    }

    @Test
    void aValueTheSniffersSampleMissedFallsBackToTheText() throws IOException {
        Map<String, IntFunction<String>> c = new LinkedHashMap<>();
        c.put("id", r -> Integer.toString(r));
        c.put("late", r -> r == ROWS - 1 ? "n/a" : Integer.toString(r));
        c.put("null_text", r -> r == ROWS - 2 ? "null" : Integer.toString(r));
        assertFalse(loadBothWays(c, Map.of()));
        assertEquals(List.of("id INTEGER", "late VARCHAR", "null_text INTEGER"), describe("fast"));
    }

    @Test
    void notFiniteNumbersAreLeftToTheText() throws IOException {
        Map<String, IntFunction<String>> c = new LinkedHashMap<>();
        c.put("x", r -> r == 30_000 ? "inf" : r + ".5");
        assertFalse(loadBothWays(c, Map.of()));
    }

    @Test
    void aValueAfterTheFirstRowsThatRefutesTheirTypeIsReadAgainWithoutTheGuess() throws IOException {
        Map<String, IntFunction<String>> c = new LinkedHashMap<>();
        c.put("fraction", r -> r == 30_000 ? "1.5" : Integer.toString(r));
        c.put("grows", r -> r == 30_000 ? "3000000000" : Integer.toString(r));
        c.put("yes", r -> r == 30_000 ? "yes" : r % 2 == 0 ? "true" : "false");
        c.put("whole", r -> r == 30_000 ? "7.0" : r % 9 + ".5");
        assertTrue(loadBothWays(c, Map.of()));
        assertEquals(List.of("fraction DOUBLE", "grows BIGINT", "yes VARCHAR", "whole DOUBLE"), describe("fast"));
    }

    @Test
    void textDuckDbReadsAsAnIntegerButAgateDoesNotStaysText() throws IOException {
        Map<String, IntFunction<String>> c = new LinkedHashMap<>();
        c.put("hex", r -> r == 30_000 ? "0x10" : Integer.toString(r));
        assertFalse(loadBothWays(c, Map.of()));
        assertEquals(List.of("hex VARCHAR"), describe("fast"));
    }
}
