package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The http and postgres sources through the real CLI and the ingest framework: specs in
 * ingest/*.yml, `mallard ingest` and `build +model`, secrets from the environment only,
 * incremental reruns merged on the key. The http ingest reads the fixture procurement API
 * (a real server on loopback, with its deliberate 500s and 429); the postgres ingest a real
 * PostgreSQL started by scripts/postgres-test-server.sh (skipped where there is none).
 */
class IngestSourcesIT {
    @TempDir
    Path dir;

    private static Path repo() {
        return TestProject.examplesDir().getParent();
    }

    @Test
    void anHttpIngestFeedsTheModelsThatReadItsSource() throws Exception {
        Process api = new ProcessBuilder("java", repo().resolve("examples/procurement/fixture/ProcurementApi.java")
                .toString(), "--port", "0", "--records", "1200", "--page-size", "100")
                .redirectErrorStream(true).start();
        api.toHandle(); // the child is killed below
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(api.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(out.readLine().trim());
            TestProject p = TestProject.in(dir).dbtProject()
                    .file("ingest/notices.yml", """
                            ingests:
                              - name: notices
                                type: http
                                table: raw.notices
                                key: [id]
                                base_url: http://127.0.0.1:%d
                                auth: {type: bearer, token_secret: PROCUREMENT_API_TOKEN}
                                endpoints:
                                  - name: notices
                                    path: /notices
                                    records_path: data.items
                                    pagination: {type: page_number, param: page, size_param: page_size, size: 100}
                            """.formatted(port))
                    .file("models/sources.yml", """
                            sources:
                              - name: raw
                                schema: raw
                                tables: [{name: notices}]
                            """)
                    .file("models/notice_count.sql", "select count(*) as n, count(distinct id) as ids from "
                            + "{{ source('raw', 'notices') }}");
            assertEquals(List.of("ingest:proj.notices", "proj.notice_count", "source:proj.raw.notices"),
                    p.runOk("ls", "--select", "+notice_count").out().lines().filter(l -> !l.isBlank()).sorted()
                            .toList());
            // without the secret in the environment the ingest fails and names the secret, not a value
            CliProcess.run(dir, Map.of(), "build", "--select", "+notice_count").assertExit(1)
                    .assertOutputContains("PROCUREMENT_API_TOKEN");
            CommandResult ok = CliProcess.run(dir, Map.of("PROCUREMENT_API_TOKEN", "s3cr3t-token"), "build", "--select",
                    "+notice_count").assertOk();
            assertFalse(ok.out().contains("s3cr3t-token") || ok.err().contains("s3cr3t-token"), "the token leaked");
            assertFalse(Files.readString(dir.resolve("target/manifest.json")).contains("s3cr3t-token"));
            assertEquals(List.of(List.of("1200", "1200")), p.rows("select n, ids from notice_count"));
            // a second run merges on the key: nothing doubles
            CliProcess.run(dir, Map.of("PROCUREMENT_API_TOKEN", "s3cr3t-token"), "ingest").assertOk();
            assertEquals(List.of(List.of("1200", "1200")), p.rows("select n, ids from notice_count"));
        } finally {
            api.destroyForcibly();
        }
    }

    @Test
    void aPostgresTableIsIngestedIncrementallyAndMergedOnItsKey() throws Exception {
        Path data = Files.createTempDirectory("mallard-pg-it");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path script = repo().resolve("scripts/postgres-test-server.sh");
        Process start = new ProcessBuilder("bash", script.toString(), "start", data.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        String started = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        start.waitFor(120, TimeUnit.SECONDS);
        assumeTrue(start.exitValue() != 3, "no PostgreSQL binaries on this machine; postgres ingest not tested");
        assertEquals(0, start.exitValue(), started);
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/mallard_test";
        try (Connection c = DriverManager.getConnection(url, "mallard", "mallard"); Statement st = c.createStatement()) {
            st.execute("create table public.orders(id int primary key, amount numeric(10,2), updated_at timestamptz)");
            st.execute("insert into orders select g, g, timestamptz '2024-01-01' + g * interval '1 minute' "
                    + "from generate_series(1, 3000) g");
            TestProject p = TestProject.in(dir).dbtProject().file("ingest/orders.yml", """
                    ingests:
                      - name: pg_orders
                        type: postgres
                        table: raw.orders
                        key: [id]
                        connection: {host: 127.0.0.1, port: %d, dbname: mallard_test, user: mallard,
                                     password_secret: SHOP_PG_PASSWORD}
                        source_table: public.orders
                        incremental: {cursor_column: updated_at}
                        batch_size: 1000
                    """.formatted(port));
            Map<String, String> env = Map.of("SHOP_PG_PASSWORD", "mallard");
            CliProcess.run(dir, env, "ingest").assertOk();
            assertEquals(List.of(List.of("3000", "4501500.00")), p.rows("select count(*), sum(amount) from raw.orders"));
            assertEquals("DECIMAL(10,2)", p.value("select data_type from information_schema.columns "
                    + "where table_name = 'orders' and column_name = 'amount'"));
            st.execute("update orders set amount = 0, updated_at = timestamptz '2025-01-01' where id <= 10");
            st.execute("insert into orders values (3001, 1, timestamptz '2025-01-02')");
            CliProcess.run(dir, env, "ingest").assertOk();
            // ids 1..10 now 0 (sum 55 less), one more row worth 1
            assertEquals(List.of(List.of("3001", "4501446.00")), p.rows("select count(*), sum(amount) from raw.orders"));
            CliProcess.run(dir, Map.of("SHOP_PG_PASSWORD", "wrong-one"), "ingest").assertExit(1)
                    .assertOutputContains("password authentication failed");
        } finally {
            new ProcessBuilder("bash", script.toString(), "stop", data.toString()).inheritIO().start()
                    .waitFor(60, TimeUnit.SECONDS);
        }
    }
}
