package dev.mallard.core.ingest.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The postgres source against a real PostgreSQL, its rows appended into a real DuckDB. */
class PostgresSourceTest {
    private static PostgresTestServer pg;
    private Connection duck;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = PostgresTestServer.start();
        Assumptions.assumeTrue(pg != null, PostgresTestServer.NO_POSTGRES);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void openDuckdb() throws Exception {
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    private AppenderRun run(Map<String, Object> extra, String key) {
        Map<String, Object> options = new HashMap<>();
        options.put("connection", Map.of("host", "127.0.0.1", "port", pg.port, "dbname", "mallard_test", "user",
                "mallard", "password_secret", "PG_PASSWORD"));
        options.putAll(extra);
        return new AppenderRun(duck, options, Map.of("PG_PASSWORD", PostgresTestServer.PASSWORD), key);
    }

    private List<List<Object>> rows(String sql) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (var st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void isFoundByServiceLoaderAsPostgres() {
        boolean found = false;
        for (IngestSource s : ServiceLoader.load(IngestSource.class)) {
            found |= s.type().equals("postgres") && s instanceof PostgresSource;
        }
        assertTrue(found);
    }

    @Test
    void postgresTypesBecomeDuckdbTypes() throws Exception {
        pg.sql("DROP TABLE IF EXISTS public.typed", """
                CREATE TABLE public.typed (
                  s int2, i int4, b int8, r real, d double precision, n numeric(12,3), big numeric(50,2),
                  free numeric, t text, v varchar(10), c char(3), flag bool, day date, ts timestamp,
                  tstz timestamptz, tm time, id uuid, js json, jb jsonb, bin bytea, ints int4[], words text[],
                  span interval, addr inet)""", """
                INSERT INTO public.typed VALUES
                  (1, 2, 3000000000, 1.5, 2.25, 12345.678, 123456789012345678901234567890123456789012.34, 0.1,
                   'x', 'vv', 'ab', true, '2024-02-29', '2024-02-29 13:14:15.123456', '2024-02-29 13:14:15+02',
                   '13:14:15', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1}', '{"b": [1, 2]}', '\\x0102ff',
                   '{1,2,3}', '{"p q",r}', '1 year 2 mons 3 days 04:05:06', '10.0.0.1'),
                  (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)""");
        AppenderRun run = run(Map.of("source_table", "public.typed", "table", "typed"), null);
        new PostgresSource().run(run);
        assertEquals(List.of(List.of("s", "SMALLINT"), List.of("i", "INTEGER"), List.of("b", "BIGINT"),
                List.of("r", "FLOAT"), List.of("d", "DOUBLE"), List.of("n", "DECIMAL(12,3)"), List.of("big", "DOUBLE"),
                List.of("free", "DOUBLE"), List.of("t", "VARCHAR"), List.of("v", "VARCHAR"), List.of("c", "VARCHAR"),
                List.of("flag", "BOOLEAN"), List.of("day", "DATE"), List.of("ts", "TIMESTAMP"),
                List.of("tstz", "TIMESTAMP WITH TIME ZONE"), List.of("tm", "TIME"), List.of("id", "UUID"),
                List.of("js", "JSON"), List.of("jb", "JSON"), List.of("bin", "BLOB"), List.of("ints", "INTEGER[]"),
                List.of("words", "VARCHAR[]"), List.of("span", "INTERVAL"), List.of("addr", "VARCHAR")),
                rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'typed' "
                        + "ORDER BY ordinal_position"));
        assertEquals(List.of(List.of("1", "2", "3000000000", "1.5", "2.25", "12345.678", "12345678901234.57", "0.1",
                "x", "vv", "ab ", "true", "2024-02-29", "2024-02-29 13:14:15.123456", "2024-02-29 11:14:15+00",
                "13:14:15", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "{\"a\": 1}", "{\"b\": [1, 2]}", "\\x01\\x02\\xFF",
                "[1, 2, 3]", "[p q, r]", "1 year 2 months 3 days 04:05:06", "10.0.0.1")),
                rows("SET TimeZone = 'UTC'; SELECT s, i, b, r, d, n, CAST(big / 1e28 AS DECIMAL(18,2)), free, t, v, c, flag, day, ts,"
                        + " strftime(tstz, '%Y-%m-%d %H:%M:%S+00'), tm, id, js, jb, bin, ints, words, span, addr"
                        + " FROM typed WHERE s IS NOT NULL"));
        assertEquals(1, rows("SELECT 1 FROM typed WHERE s IS NULL AND span IS NULL AND ints IS NULL").size());
        assertTrue(run.progress.stream().anyMatch(p -> p.contains("addr") && p.contains("inet")), run.progress::toString);
    }

    @Test
    void incrementalReadsFromTheLastCursorAndMergesTheTieOnTheKey() throws Exception {
        pg.sql("DROP TABLE IF EXISTS public.orders", "CREATE TABLE public.orders (id int PRIMARY KEY, amount int, "
                + "updated_at timestamptz)", "INSERT INTO public.orders SELECT g, g * 10, "
                + "timestamptz '2024-01-01 00:00:00+00' + (g / 2) * interval '1 minute' FROM generate_series(1, 9) g");
        AppenderRun run = run(Map.of("source_table", "public.orders", "table", "orders", "batch_size", 2,
                "incremental", Map.of("cursor_column", "updated_at")), "id");
        new PostgresSource().run(run);
        assertEquals(9, rows("SELECT * FROM orders").size());
        // batches of 2 never split a cursor value: minutes 0 | 1,1 | 2,2 | 3,3 | 4,4 (ids 1 | 2,3 | 4,5 | ...)
        assertEquals(List.of(3, 2, 2, 2), run.batchSizes);
        String cursor = (String) run.state("orders").get("cursor");
        assertTrue(cursor.startsWith("2024-01-01 00:04:00"), cursor);

        // a new row at the very last cursor value, an update and a new one later
        pg.sql("INSERT INTO public.orders VALUES (10, 100, timestamptz '2024-01-01 00:04:00+00')",
                "UPDATE public.orders SET amount = 999, updated_at = timestamptz '2024-01-01 00:05:00+00' WHERE id = 1",
                "INSERT INTO public.orders VALUES (11, 110, timestamptz '2024-01-01 00:06:00+00')");
        run.batchSizes.clear();
        new PostgresSource().run(run);
        // re-read: the three rows at 00:04 (8, 9, 10), then 1 and 11
        assertEquals(5, run.batchSizes.stream().mapToInt(Integer::intValue).sum());
        // ids 2..9 (20..90), 1 updated to 999, 10 and 11 new
        assertEquals(List.of(List.of("11", "1649", "999")), rows("SELECT count(*), sum(amount), max(amount) FROM orders"));
        assertEquals(List.of(List.of("11", "11")), rows("SELECT count(*), count(DISTINCT id) FROM orders"));

        run.batchSizes.clear();
        pg.sql("DELETE FROM public.orders WHERE id < 11");
        new PostgresSource().run(run);
        assertEquals(List.of(1), run.batchSizes, "only the row at the last cursor is read again");
    }

    @Test
    void timestampsKeepTheirValueAcrossErasAndInfinityBecomesNull() throws Exception {
        pg.sql("DROP TABLE IF EXISTS public.times", "CREATE TABLE public.times (n int, ts timestamp, tz timestamptz)",
                "INSERT INTO public.times VALUES (1, '1969-12-31 23:59:59.999999', '1969-12-31 23:59:59.999999+00'),"
                        + " (2, '1999-12-31 23:59:59.5', '2000-01-01 00:00:00.000001+05'),"
                        + " (3, '1066-10-14 09:00', '1066-10-14 09:00+00'),"
                        + " (4, '2262-04-11 23:47:16.854775', '2262-04-11 23:47:16+00'), (5, NULL, NULL),"
                        + " (6, 'infinity', '-infinity')");
        new PostgresSource().run(run(Map.of("source_table", "public.times", "table", "times"), null));
        assertEquals(List.of(List.of("1", "1969-12-31 23:59:59.999999", "1969-12-31 23:59:59.999999"),
                List.of("2", "1999-12-31 23:59:59.5", "1999-12-31 19:00:00.000001"),
                List.of("3", "1066-10-14 09:00:00", "1066-10-14 09:00:00"),
                List.of("4", "2262-04-11 23:47:16.854775", "2262-04-11 23:47:16"),
                Arrays.asList("5", null, null), Arrays.asList("6", null, null)),
                rows("SET TimeZone = 'UTC'; SELECT n, CAST(ts AS VARCHAR), CAST(CAST(tz AS TIMESTAMP) AS VARCHAR) FROM times ORDER BY n"));
    }

    /** Every type the COPY path takes, with the values most likely to read back differently from CSV. */
    private static final String EVERY_TYPE = """
            CREATE TABLE public.every (
              k int, s int2, i int4, b int8, o oid, r real, d double precision, n numeric(12,3), n38 numeric(38,10),
              big numeric(50,2), free numeric, t text, v varchar(20), c char(3), nm name, flag bool, day date,
              ts timestamp, tstz timestamptz, id uuid, js json, jb jsonb)""";
    private static final String EVERY_ROW = """
            INSERT INTO public.every VALUES
              (1, 1, 2, 3000000000, 4000000000, 1.5, 2.25, 12345.678, 1234567890123456789012345678.0123456789,
               123456789012345678901234567890123456789012.34, 0.1, 'x', 'vv', 'ab', 'nm', true, '2024-02-29',
               '2024-02-29 13:14:15.123456', '2024-02-29 13:14:15.5+05:30', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
               '{"a": 1}', '{"b": [1, 2]}'),
              (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, NULL, NULL, NULL),
              (3, -32768, -2147483648, -9223372036854775808, 0, 'NaN', 'Infinity', -999999999.999,
               -9999999999999999999999999999.9999999999, -1e47, 'NaN', '', '', '', '', false, '0044-03-15 BC',
               '0044-03-15 12:00:00.000001 BC', '4713-01-01 00:00:00+00 BC', '00000000-0000-0000-0000-000000000000',
               '""', '""'),
              (4, 32767, 2147483647, 9223372036854775807, 4294967295, '-Infinity', 'NaN', 0.001, 1e-10, 0.01,
               123456789012345678901234567890.123456789, E'a,"b"\\nc\\r\\nd', '  x  ', ' ', E'\\\\N', true, 'infinity',
               '-infinity', 'infinity', 'ffffffff-ffff-ffff-ffff-ffffffffffff', E'{"k": "a,\\\\"b\\\\"\\\\n"}',
               '{"k": "\\u00fc"}'),
              (5, 0, 0, 0, 1, 3.4028235e38, 1e-310, 0, 0, 0, -0.0, 'NULL', 'ünï 😀', '"', '"q"', false, '12345-06-07',
               '12345-06-07 08:09:10', '1900-01-01 00:00:00+01', NULL, 'null', '[]'),
              (6, 7, 7, 7, 7, 1e-45, '-0', 1, 1, 1e20, 1e-130, E'\\\\.', '''', 'a''b', 'x', true, '-infinity',
               '1066-10-14 09:00', '1970-01-01 00:00:00.000001+00', NULL, '[1, "2"]', '1.5e300')""";

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void theCopyPathLoadsEveryTypeAsTheRowByRowPathDoes(int batchSize) throws Exception {
        pg.sql("DROP TABLE IF EXISTS public.every", EVERY_TYPE, EVERY_ROW);
        AppenderRun byRow = run(Map.of("source_table", "public.every", "table", "by_row", "batch_size", batchSize), null);
        new PostgresSource(false).run(byRow);
        AppenderRun byCopy = run(Map.of("source_table", "public.every", "table", "by_copy", "batch_size", batchSize),
                null);
        new PostgresSource().run(byCopy);
        assertTrue(byRow.batchKinds.stream().allMatch("Rows"::equals), byRow.batchKinds::toString);
        assertTrue(!byCopy.batchKinds.isEmpty() && byCopy.batchKinds.stream().allMatch("Query"::equals),
                byCopy.batchKinds::toString);
        assertEquals(rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'by_row' "
                + "ORDER BY ordinal_position"), rows("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_name = 'by_copy' ORDER BY ordinal_position"));
        List<List<Object>> expected = rows("SELECT * FROM by_row ORDER BY k");
        assertEquals(6, expected.size());
        assertEquals(expected, rows("SELECT * FROM by_copy ORDER BY k"));
        // not only equal as text: each value compares equal in DuckDB too
        assertEquals(List.of(), rows("SELECT * FROM (SELECT * FROM by_row EXCEPT ALL SELECT * FROM by_copy) UNION ALL "
                + "SELECT * FROM (SELECT * FROM by_copy EXCEPT ALL SELECT * FROM by_row)"));
        // the cases that matter were there: NULL vs '' apart, a negative zero, BC dates, ±infinity as NULL
        assertEquals(List.of(List.of("1", "1", "1", "3")), rows("SELECT count(*) FILTER (WHERE t = ''), "
                + "count(*) FILTER (WHERE t IS NULL), count(*) FILTER (WHERE signbit(d) AND d = 0), "
                + "count(*) FILTER (WHERE day IS NULL) FROM by_copy"));
        assertEquals(List.of(List.of("0044-03-15 (BC)")), rows("SELECT CAST(day AS VARCHAR) FROM by_copy WHERE k = 3"));
        assertEquals(byRow.states.get("by_row"), byCopy.states.get("by_copy"));
        assertEquals(batchSize == 1 ? 6 : 1, byCopy.batchFiles.size());
        assertTrue(byCopy.batchFiles.stream().noneMatch(Files::exists), "batch files left behind");
        assertFalse(Files.exists(byCopy.batchFiles.get(0).getParent()));
    }

    @Test
    void aColumnWithoutAFaithfulCsvFormSendsTheWholeIngestRowByRow() throws Exception {
        pg.sql("DROP TABLE IF EXISTS public.mixed", "CREATE TABLE public.mixed (n int, bin bytea)",
                "INSERT INTO public.mixed VALUES (1, '\\x00ff')");
        AppenderRun run = run(Map.of("source_table", "public.mixed", "table", "mixed"), null);
        new PostgresSource().run(run);
        assertEquals(List.of("Rows"), run.batchKinds);
        assertEquals(List.of(List.of("1", "\\x00\\xFF")), rows("SELECT * FROM mixed"));
    }

    @Test
    void aFailedCommitEndsTheCopyKeepsTheEarlierBatchesAndLeavesNoFiles() throws Exception {
        // 12 MB of CSV: more than the socket holds, so the COPY is still streaming when the commit fails
        pg.sql("DROP TABLE IF EXISTS public.many", "CREATE TABLE public.many (id int, at timestamptz, pad text)",
                "INSERT INTO public.many SELECT g, timestamptz '2024-01-01' + g * interval '1 second', "
                        + "repeat('x', 200) FROM generate_series(1, 50000) g");
        AppenderRun run = run(Map.of("source_table", "public.many", "table", "many", "batch_size", 1000,
                "incremental", Map.of("cursor_column", "at")), "id");
        run.failAtBatch = 3;
        IngestException e = assertThrows(IngestException.class, () -> new PostgresSource().run(run));
        assertTrue(e.getMessage().contains("failed on purpose"), e.getMessage());
        assertEquals(List.of(List.of("2000")), rows("SELECT count(*) FROM many"));
        assertEquals("2024-01-01 00:33:20+00", run.state("many").get("cursor"));
        assertEquals(3, run.batchFiles.size());
        assertTrue(run.batchFiles.stream().noneMatch(Files::exists), "batch files left behind");
        assertFalse(Files.exists(run.batchFiles.get(0).getParent()));
        // the connection was not left in the middle of a COPY; the rerun resumes at the cursor
        run.failAtBatch = 0;
        new PostgresSource().run(run);
        assertEquals(List.of(List.of("50000", "50000")), rows("SELECT count(*), count(DISTINCT id) FROM many"));
    }

    @Test
    void theCursorFieldIsReadBackFromItsCsvQuoting() {
        assertEquals("a,\"b\"\nc", CopyBatchReader.firstField(utf8("\"a,\"\"b\"\"\nc\",2\n")));
        assertEquals("2024-01-01 00:00:00+00", CopyBatchReader.firstField(utf8("2024-01-01 00:00:00+00,x\n")));
        assertEquals("", CopyBatchReader.firstField(utf8("\"\"\n")));
        assertEquals("ü", CopyBatchReader.firstField(utf8("ü\n")));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aQueryIsReadLikeATable() throws Exception {
        pg.sql("DROP TABLE IF EXISTS public.events", "CREATE TABLE public.events (n int, kind text)",
                "INSERT INTO public.events SELECT g, CASE WHEN g % 2 = 0 THEN 'even' ELSE 'odd' END "
                        + "FROM generate_series(1, 1000) g");
        AppenderRun run = run(Map.of("query", "SELECT kind, count(*) AS n FROM public.events GROUP BY kind",
                "table", "kinds"), null);
        new PostgresSource().run(run);
        assertEquals(List.of(List.of("even", "500"), List.of("odd", "500")), rows("SELECT * FROM kinds ORDER BY kind"));
        assertEquals(Map.of("rows", 2L), run.state("kinds"));
    }

    @Test
    void errorsNameTheIngestAndTheDatabaseButNeverThePassword() throws Exception {
        AppenderRun missing = run(Map.of("source_table", "public.nope"), null);
        IngestException e = assertThrows(IngestException.class, () -> new PostgresSource().run(missing));
        assertTrue(e.getMessage().startsWith("ingest 'pg_orders' (postgres): 127.0.0.1:" + pg.port + "/mallard_test: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());

        String secret = "s3cret-Value";
        AppenderRun wrong = new AppenderRun(duck, run(Map.of("source_table", "public.orders"), null).options,
                Map.of("PG_PASSWORD", secret), null);
        e = assertThrows(IngestException.class, () -> new PostgresSource().run(wrong));
        assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
        assertFalse(e.getMessage().contains(secret), e.getMessage());
        assertTrue(e.getCause() == null || !String.valueOf(e.getCause().getMessage()).contains(secret));

        int closed;
        try (var s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Map<String, Object> refused = new HashMap<>(run(Map.of("source_table", "public.orders"), null).options);
        refused.put("connection", Map.of("host", "127.0.0.1", "port", closed, "dbname", "shop", "user", "u",
                "password_secret", "PG_PASSWORD"));
        e = assertThrows(IngestException.class, () -> new PostgresSource().run(
                new AppenderRun(duck, refused, Map.of("PG_PASSWORD", secret), null)));
        assertTrue(e.getMessage().contains("127.0.0.1:" + closed + "/shop"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused"), e.getMessage());
        assertFalse(e.getMessage().contains(secret), e.getMessage());
    }

    @Test
    void aLiteralPasswordOrAMissingSecretIsRefused() {
        Map<String, Object> literal = new HashMap<>(run(Map.of("source_table", "public.orders"), null).options);
        literal.put("connection", Map.of("host", "127.0.0.1", "dbname", "d", "user", "u", "password", "hunter2"));
        IngestException e = assertThrows(IngestException.class,
                () -> new PostgresSource().run(new AppenderRun(duck, literal, Map.of(), null)));
        assertTrue(e.getMessage().contains("password_secret"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));

        AppenderRun unset = new AppenderRun(duck, run(Map.of("source_table", "public.orders"), null).options, Map.of(), null);
        e = assertThrows(IngestException.class, () -> new PostgresSource().run(unset));
        assertTrue(e.getMessage().contains("secret 'PG_PASSWORD' is not set"), e.getMessage());
    }
}
