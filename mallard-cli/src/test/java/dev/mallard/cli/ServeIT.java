package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.serve.MartServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mallard serve} on real projects: the external marts a build publishes, a rebuild
 * seen by the next request, and seed 002's grace period, where a mart that has no Parquet
 * yet is read from the project's DuckDB file opened read-only for each request.
 */
class ServeIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** Starts `mallard serve <args>` in-process (what call() does before it waits), with its first line. */
    private record Started(MartServer server, String line) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    private static Started serve(String... args) {
        CommandLine cli = new CommandLine(new ServeCommand());
        cli.parseArgs(args);
        ServeCommand command = cli.getCommand();
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MartServer server;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            server = command.start();
        } finally {
            System.setOut(old);
        }
        return new Started(server, out.toString(StandardCharsets.UTF_8).strip());
    }

    private static JsonNode get(MartServer server, String pathAndQuery) {
        return getAs(server, pathAndQuery, null);
    }

    private static List<String> names(JsonNode datasets) {
        List<String> names = new ArrayList<>();
        datasets.get("datasets").forEach(d -> names.add(d.get("name").asText()));
        return names;
    }

    private static List<String> column(JsonNode rows, String name) {
        List<String> values = new ArrayList<>();
        rows.get("rows").forEach(r -> values.add(r.get(name).asText()));
        return values;
    }

    /** GET with the token as bearer (none when null). */
    private static HttpResponse<String> send(MartServer server, String pathAndQuery, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int status(MartServer server, String pathAndQuery, String token) {
        return send(server, pathAndQuery, token).statusCode();
    }

    private static JsonNode getAs(MartServer server, String pathAndQuery, String token) {
        HttpResponse<String> r = send(server, pathAndQuery, token);
        assertEquals(200, r.statusCode(), () -> pathAndQuery + " -> " + r.body());
        try {
            return MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** examples/analytics_api (seed 002): the README's build, serve and curl calls, tokens included. */
    @Test
    void theAnalyticsApiExampleServesItsMartsAsItsReadmeSays() {
        TestProject p = TestProject.copyOfExample("analytics_api", dir.resolve("analytics_api"));
        p.runOk("build").assertOutContains("PASS=12 WARN=0 ERROR=0");
        for (String mart : List.of("plan_summary", "user_sport_totals", "user_weekly_activity")) {
            assertTrue(p.exists("data/parquet/mart/" + mart + ".parquet"), mart);
        }
        try (Started s = serve("--project-dir", p.dir().toString(), "--port", "0")) {
            assertEquals(List.of("plan_summary", "user_sport_totals", "user_weekly_activity"),
                    names(get(s.server(), "/datasets")));
            JsonNode weeks = get(s.server(), "/datasets/user_weekly_activity/rows?user_id=7&order=-week_start&limit=5");
            assertEquals(5, weeks.get("rows").size());
            weeks.get("rows").forEach(r -> assertEquals(7, r.get("user_id").asInt()));
            assertEquals(List.of("free", "pro"), column(get(s.server(), "/datasets/plan_summary/rows?order=plan"), "plan"));
        }
        try (Started s = serve("--project-dir", p.dir().toString(), "--port", "0", "--tokens",
                p.dir().resolve("tokens.yml").toString())) {
            assertEquals(401, status(s.server(), "/datasets", null));
            JsonNode mine = getAs(s.server(), "/datasets/user_weekly_activity/rows?limit=1000", "user-7-example-token");
            assertTrue(mine.get("rows").size() > 0);
            mine.get("rows").forEach(r -> assertEquals(7, r.get("user_id").asInt()));
            assertEquals(0, getAs(s.server(), "/datasets/user_weekly_activity/rows?user_id=8", "user-7-example-token")
                    .get("rows").size());
            assertEquals(404, status(s.server(), "/datasets/plan_summary", "user-7-example-token"));
            assertEquals(200, status(s.server(), "/datasets/plan_summary", "admin-example-token"));
        }
    }

    private TestProject martsProject() {
        return TestProject.in(dir).dbtProject()
                .file("seeds/src.csv", "id,kind,v\n1,a,10\n2,b,20\n3,a,30\n")
                .file("models/staging.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('src') }}")
                .file("models/orders.sql", "{{ config(materialized='external') }}\nselect id, v from {{ ref('staging') }}")
                .file("models/by_kind.sql", "{{ config(materialized='external', partition_by='kind') }}\n"
                        + "select id, kind, v from {{ ref('staging') }}");
    }

    @Test
    void servesTheExternalMartsOfABuiltProjectAndARebuildIsSeenByTheNextRequest() {
        TestProject p = martsProject();
        p.runOk("build");
        try (Started s = serve("--project-dir", dir.toString(), "--port", "0", "--threads", "2")) {
            assertTrue(s.line().matches("Serving 2 datasets on http://127\\.0\\.0\\.1:\\d+"), s.line());
            assertTrue(s.line().endsWith(":" + s.server().port()));
            JsonNode list = get(s.server(), "/datasets");
            assertEquals(List.of("by_kind", "orders"), names(list), "table models are not served");
            list.get("datasets").forEach(d -> assertEquals("parquet", d.get("source").asText()));
            assertEquals(List.of("10", "30"), column(get(s.server(), "/datasets/by_kind/rows?kind=a&order=id"), "v"));
            assertEquals(List.of("3", "2"), column(get(s.server(), "/datasets/orders/rows?v=gte:20&order=-id"), "id"));
            Instant first = Instant.parse(get(s.server(), "/datasets/orders").get("last_refresh").asText());

            p.file("seeds/src.csv", "id,kind,v\n1,a,10\n2,b,20\n3,a,30\n4,a,40\n5,c,50\n").runOk("build");

            assertEquals(5, get(s.server(), "/datasets/orders").get("row_count").asInt());
            assertEquals(List.of("5", "4"), column(get(s.server(), "/datasets/orders/rows?v=gte:40&order=-id"), "id"));
            assertEquals(List.of("10", "30", "40"), column(get(s.server(), "/datasets/by_kind/rows?kind=a&order=id"), "v"));
            assertEquals(List.of("50"), column(get(s.server(), "/datasets/by_kind/rows?kind=c"), "v"));
            assertFalse(Instant.parse(get(s.server(), "/datasets/orders").get("last_refresh").asText()).isBefore(first));
        }
    }

    @Test
    void seed002sExternalLocationAndItsParquetFolder() {
        TestProject p = TestProject.in(dir).dbtProject("models:\n  proj:\n    mart:\n      +materialized: external\n"
                        + "      +external_location: \"data/parquet/mart/{name}.parquet\"\n")
                .file("models/mart/revenue.sql", "select 42 as amount, 7 as user_id")
                .file("models/mart/signups.sql", "select 3 as n");
        p.runOk("build");
        try (Started s = serve("--project-dir", dir.toString(), "--port", "0")) {
            assertEquals(List.of("revenue", "signups"), names(get(s.server(), "/datasets")),
                    "the data/ folder under the external root is not mistaken for a partitioned dataset");
            assertEquals(List.of("42"), column(get(s.server(), "/datasets/revenue/rows"), "amount"));
        }
        try (Started s = serve("--parquet-dir", dir.resolve("data/parquet/mart").toString(), "--port", "0")) {
            assertTrue(s.line().startsWith("Serving 2 datasets on http://127.0.0.1:"), s.line());
            assertEquals(List.of("3"), column(get(s.server(), "/datasets/signups/rows"), "n"));
        }
    }

    @Test
    void withoutParquetYetAMartIsReadFromTheDuckDbFileAndABuildCanStillRun() throws IOException {
        // seed 002's first deploy: the marts were tables; the config now says external, not built yet
        TestProject p = TestProject.in(dir).dbtProject()
                .file("seeds/src.csv", "id,v\n1,10\n2,20\n")
                .file("models/orders.sql", "{{ config(materialized='table') }}\nselect id, v from {{ ref('src') }}");
        p.runOk("build");
        p.file("models/orders.sql", "{{ config(materialized='external') }}\nselect id, v from {{ ref('src') }}");
        assertFalse(p.exists("orders.parquet"));
        try (Started s = serve("--project-dir", dir.toString(), "--port", "0")) {
            JsonNode info = get(s.server(), "/datasets/orders");
            assertEquals("duckdb", info.get("source").asText());
            assertEquals(2, info.get("row_count").asInt());
            assertEquals(Files.getLastModifiedTime(p.databaseFile()).toInstant(),
                    Instant.parse(info.get("last_refresh").asText()));
            assertEquals(List.of("20"), column(get(s.server(), "/datasets/orders/rows?id=2"), "v"));
            assertEquals("ok", get(s.server(), "/health").get("status").asText());

            // the file is opened read-only per request and closed, so the build gets its write lock
            p.file("seeds/src.csv", "id,v\n1,10\n2,20\n3,30\n").runOk("build");
            assertTrue(p.exists("orders.parquet"));

            JsonNode after = get(s.server(), "/datasets/orders");
            assertEquals("parquet", after.get("source").asText());
            assertEquals(3, after.get("row_count").asInt());
            assertEquals(List.of("30"), column(get(s.server(), "/datasets/orders/rows?id=3"), "v"));
        }
    }

    @Test
    void badTokensFileNamesTheFileAndLine() throws IOException {
        Path tokens = Files.writeString(dir.resolve("tokens.yml"), "tokens:\n  - token: s3cret-admin\n    nmae: x\n");
        Files.createDirectories(dir.resolve("marts"));
        TestProject.execute("serve", "--parquet-dir", dir.resolve("marts").toString(), "--tokens", tokens.toString())
                .assertExit(2).assertErrContains(tokens + ":3: unknown key 'nmae'").assertNoJavaInternals();
    }

    @Test
    void usageMistakesAreOneClearMessage() throws IOException {
        Files.createDirectories(dir.resolve("marts"));
        TestProject.execute("serve", "--parquet-dir", dir.resolve("marts").toString(), "--project-dir", dir.toString())
                .assertExit(2).assertErrContains("either --project-dir or --parquet-dir").assertNoJavaInternals();
        TestProject.execute("serve", "--parquet-dir", dir.resolve("nowhere").toString())
                .assertExit(2).assertErrContains("is not a folder").assertNoJavaInternals();
        TestProject.execute("serve", "--parquet-dir", dir.resolve("marts").toString(), "--port", "70000")
                .assertExit(2).assertErrContains("--port must be between 0 and 65535");
        try (Started s = serve("--parquet-dir", dir.resolve("marts").toString(), "--port", "0")) {
            assertTrue(s.line().startsWith("Serving 0 datasets on "), s.line());
            TestProject.execute("serve", "--parquet-dir", dir.resolve("marts").toString(), "--port",
                    String.valueOf(s.server().port())).assertExit(2)
                    .assertErrContains("cannot listen on 127.0.0.1:" + s.server().port()).assertNoJavaInternals();
        }
    }
}
