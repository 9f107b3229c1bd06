package dev.mallard.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over a folder of Parquet files (--parquet-dir), on a real server on port 0:
 * every endpoint, every filter operator, the output formats, and problem bodies.
 * orders.parquet has 50 rows: order_id 1..50, user_id 40 + i % 5, status by i % 3,
 * amount i * 1.5, ordered_at 2026-01-01 plus i hours, note null when i % 10 = 0.
 */
class ServeApiIT {
    @TempDir
    static Path dir;

    static Path marts;
    static MartServer server;
    static ServeHttp http;

    @BeforeAll
    static void start() throws IOException {
        marts = Files.createDirectories(dir.resolve("marts"));
        writeMarts(marts);
        server = MartServer.start(DatasetCatalog.ofDirectory(marts), new MartServer.Options("127.0.0.1", 0, 2, null));
        http = new ServeHttp(server.url());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static void writeMarts(Path marts) {
        ServeHttp.duckdb("COPY (SELECT CAST(i AS INTEGER) AS order_id, CAST(40 + i % 5 AS INTEGER) AS user_id, "
                        + "CASE i % 3 WHEN 0 THEN 'shipped' WHEN 1 THEN 'open' ELSE 'cancelled' END AS status, "
                        + "CAST(i * 1.5 AS DECIMAL(10,2)) AS amount, "
                        + "TIMESTAMP '2026-01-01 00:00:00' + to_hours(i) AS ordered_at, "
                        + "CASE WHEN i % 10 = 0 THEN NULL ELSE 'note ' || i END AS note "
                        + "FROM range(1, 51) t(i)) TO '" + marts.resolve("orders.parquet") + "' (FORMAT parquet)",
                "COPY (SELECT i AS event_id, 'd' || (i % 2) AS day FROM range(10) t(i)) TO '"
                        + marts.resolve("events") + "' (FORMAT parquet, PARTITION_BY (day))",
                "COPY (SELECT 'p' || i AS sku FROM range(3) t(i)) TO '" + marts.resolve("products.parquet")
                        + "' (FORMAT parquet)");
    }

    private static List<Integer> ids(JsonNode body) {
        List<Integer> ids = new ArrayList<>();
        body.get("rows").forEach(r -> ids.add(r.get("order_id").asInt()));
        return ids;
    }

    private static List<Integer> idsWhere(java.util.function.IntPredicate p) {
        return IntStream.rangeClosed(1, 50).filter(p).boxed().toList();
    }

    private static JsonNode ok(String pathAndQuery) {
        ServeHttp.Reply r = http.get(pathAndQuery);
        assertEquals(200, r.status(), () -> pathAndQuery + " -> " + r);
        return r.json();
    }

    static void assertProblem(ServeHttp.Reply r, int status, String detailFragment) {
        assertEquals(status, r.status(), r::toString);
        assertTrue(r.contentType().startsWith("application/problem+json"), r::toString);
        JsonNode p = r.json();
        assertEquals(status, p.get("status").asInt());
        assertTrue(p.get("type").asText().startsWith("https://"), r::toString);
        assertFalse(p.get("title").asText().isBlank());
        assertTrue(p.get("detail").asText().contains(detailFragment), () -> "detail of " + r);
        assertFalse(r.text().contains("Exception") || r.text().contains("\tat "), r::toString);
    }

    @Test
    void healthRunsAQueryAndCountsTheDatasets() {
        JsonNode h = ok("/health");
        assertEquals("ok", h.get("status").asText());
        assertEquals(3, h.get("datasets").asInt());
    }

    @Test
    void datasetsListNamesColumnsRowCountsSourceAndLastRefresh() throws IOException {
        JsonNode list = ok("/datasets").get("datasets");
        List<String> names = new ArrayList<>();
        list.forEach(d -> names.add(d.get("name").asText()));
        assertEquals(List.of("events", "orders", "products"), names);
        JsonNode orders = list.get(1);
        assertEquals(50, orders.get("row_count").asInt());
        assertEquals("parquet", orders.get("source").asText());
        assertEquals(Files.getLastModifiedTime(marts.resolve("orders.parquet")).toInstant(),
                Instant.parse(orders.get("last_refresh").asText()));
        assertEquals("[order_id INTEGER, user_id INTEGER, status VARCHAR, amount DECIMAL(10,2), ordered_at TIMESTAMP, "
                + "note VARCHAR]", columns(orders));
        assertEquals(10, list.get(0).get("row_count").asInt(), "the partitioned folder is one dataset");
    }

    private static String columns(JsonNode dataset) {
        List<String> cols = new ArrayList<>();
        dataset.get("columns").forEach(c -> cols.add(c.get("name").asText() + " " + c.get("type").asText()));
        return cols.toString();
    }

    @Test
    void oneDatasetsSchema() {
        JsonNode d = ok("/datasets/orders");
        assertEquals("orders", d.get("name").asText());
        assertTrue(columns(d).contains("amount DECIMAL(10,2)"));
    }

    @Test
    void rowsComeAsJsonWithTheirColumnsAndPaging() {
        JsonNode body = ok("/datasets/orders/rows");
        assertEquals("orders", body.get("dataset").asText());
        assertEquals(50, body.get("rows").size());
        assertEquals(100, body.get("limit").asInt());
        assertEquals(0, body.get("offset").asInt());
        JsonNode first = body.get("rows").get(0);
        assertEquals(1, first.get("order_id").asInt());
        assertEquals(41, first.get("user_id").asInt());
        assertEquals("open", first.get("status").asText());
        assertTrue(body.toString().contains("\"amount\":1.5") && http.get("/datasets/orders/rows?limit=1").text()
                .contains("\"amount\":1.50"), "decimals keep their scale");
        assertEquals("2026-01-01T01:00", first.get("ordered_at").asText());
        assertTrue(body.get("rows").get(9).get("note").isNull());
    }

    @Test
    void everyFilterOperator() {
        assertEquals(idsWhere(i -> i % 3 == 1), ids(ok("/datasets/orders/rows?status=open")));
        assertEquals(idsWhere(i -> i % 3 == 1), ids(ok("/datasets/orders/rows?status=eq:open")));
        assertEquals(idsWhere(i -> i % 3 != 1), ids(ok("/datasets/orders/rows?status=ne:open")));
        assertEquals(idsWhere(i -> i > 45), ids(ok("/datasets/orders/rows?order_id=gt:45")));
        assertEquals(idsWhere(i -> i >= 45), ids(ok("/datasets/orders/rows?order_id=gte:45")));
        assertEquals(idsWhere(i -> i < 3), ids(ok("/datasets/orders/rows?order_id=lt:3")));
        assertEquals(idsWhere(i -> i <= 3), ids(ok("/datasets/orders/rows?order_id=LTE:3")));
        assertEquals(List.of(2, 7, 30), ids(ok("/datasets/orders/rows?order_id=in:30,2,7")));
        assertEquals(idsWhere(i -> i % 10 != 0 && String.valueOf(i).startsWith("1")),
                ids(ok("/datasets/orders/rows?note=like:" + ServeHttp.encode("note 1%"))));
        assertEquals(idsWhere(i -> i % 10 == 0), ids(ok("/datasets/orders/rows?note=is:null")));
        assertEquals(idsWhere(i -> i % 10 != 0), ids(ok("/datasets/orders/rows?note=is:not_null")));
        assertEquals(idsWhere(i -> i >= 24), ids(ok("/datasets/orders/rows?ordered_at=gte:2026-01-02T00:00:00")));
        assertEquals(idsWhere(i -> i * 1.5 > 70), ids(ok("/datasets/orders/rows?amount=gt:70")));
        assertEquals(idsWhere(i -> 40 + i % 5 == 42 && i % 3 == 1 && i > 10),
                ids(ok("/datasets/orders/rows?user_id=42&status=open&order_id=gt:10")), "filters are ANDed");
        assertEquals(idsWhere(i -> i > 10 && i < 14), ids(ok("/datasets/orders/rows?order_id=gt:10&order_id=lt:14")),
                "a column given twice is two conditions");
    }

    @Test
    void aTimeLikeValueWithAColonIsAnEqualityNotAnOperator() {
        ServeHttp.Reply r = http.get("/datasets/orders/rows?note=" + ServeHttp.encode("12:30"));
        assertEquals(200, r.status(), r::toString);
        assertEquals(0, r.json().get("rows").size());
    }

    @Test
    void columnsOrderLimitAndOffset() {
        JsonNode body = ok("/datasets/orders/rows?columns=status,order_id&order=-order_id&limit=3");
        assertEquals("[status, order_id]", body.get("columns").findValuesAsText("name").toString());
        assertEquals(List.of(50, 49, 48), ids(body));
        List<String> keys = new ArrayList<>();
        body.get("rows").get(0).fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("status", "order_id"), keys);
        assertEquals(List.of(46, 47, 48, 49, 50), ids(ok("/datasets/orders/rows?order=order_id&limit=10&offset=45")));
        assertEquals(List.of(), ids(ok("/datasets/orders/rows?limit=0")));
        JsonNode byTwo = ok("/datasets/orders/rows?order=status,-order_id&limit=2&columns=order_id,status");
        assertEquals(List.of(50, 47), ids(byTwo), "cancelled first, then by order_id descending");
    }

    @Test
    void csvByFormatOrAcceptHeader() {
        ServeHttp.Reply r = http.get("/datasets/orders/rows?columns=order_id,note&order=order_id&limit=2&format=csv");
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.contentType().startsWith("text/csv"));
        assertEquals("order_id,note\r\n1,note 1\r\n2,note 2\r\n", r.text());
        ServeHttp.Reply accepted = http.get("/datasets/orders/rows?columns=order_id&order=order_id&limit=1",
                "Accept", "text/csv");
        assertEquals("order_id\r\n1\r\n", accepted.text());
    }

    @Test
    void parquetIsAValidFileWithTheSelectedRows() throws IOException {
        ServeHttp.Reply r = http.get("/datasets/orders/rows?status=open&columns=order_id,amount&format=parquet");
        assertEquals(200, r.status(), r::toString);
        assertEquals("application/vnd.apache.parquet", r.contentType());
        Path got = dir.resolve("got.parquet");
        Files.write(got, r.body());
        Path check = dir.resolve("check.csv");
        ServeHttp.duckdb("COPY (SELECT count(*) AS n, sum(order_id) AS s FROM read_parquet('" + got + "')) TO '"
                + check + "' (HEADER false)");
        int sum = idsWhere(i -> i % 3 == 1).stream().mapToInt(Integer::intValue).sum();
        assertEquals("17," + sum, Files.readString(check).strip());
    }

    @Test
    void aPartitionedFolderIsReadWithItsPartitionColumn() {
        JsonNode body = ok("/datasets/events/rows?day=d1&order=event_id");
        List<Integer> ids = new ArrayList<>();
        body.get("rows").forEach(r -> ids.add(r.get("event_id").asInt()));
        assertEquals(List.of(1, 3, 5, 7, 9), ids);
    }

    @Test
    void openApiDescribesTheEndpointsAndEachDatasetsColumns() {
        JsonNode doc = ok("/openapi.json");
        assertTrue(doc.get("openapi").asText().startsWith("3.1"));
        JsonNode paths = doc.get("paths");
        for (String p : List.of("/health", "/datasets", "/datasets/{name}", "/datasets/orders/rows",
                "/datasets/events/rows", "/datasets/products/rows")) {
            assertTrue(paths.has(p), p);
        }
        JsonNode params = paths.get("/datasets/orders/rows").get("get").get("parameters");
        List<String> names = params.findValuesAsText("name");
        assertTrue(names.containsAll(List.of("columns", "order", "limit", "offset", "format", "order_id", "user_id",
                "ordered_at")), names::toString);
        JsonNode row = paths.get("/datasets/orders/rows").get("get").get("responses").get("200").get("content")
                .get("application/json").get("schema").get("properties").get("rows").get("items").get("properties");
        assertEquals("integer", row.get("order_id").get("type").get(0).asText());
        assertEquals("DECIMAL(10,2)", row.get("amount").get("x-duckdb-type").asText());
    }

    @Test
    void mistakesAreProblemBodies() {
        assertProblem(http.get("/datasets/nope"), 404, "no dataset named 'nope'");
        assertProblem(http.get("/datasets/nope/rows"), 404, "no dataset named 'nope'");
        assertProblem(http.get("/datasets/orders/rows?colour=red"), 400, "has no column 'colour'");
        assertProblem(http.get("/datasets/orders/rows?columns=order_id,colour"), 400, "has no column 'colour'");
        assertProblem(http.get("/datasets/orders/rows?order=-colour"), 400, "has no column 'colour'");
        assertProblem(http.get("/datasets/orders/rows?limit=abc"), 400, "limit must be an integer");
        assertProblem(http.get("/datasets/orders/rows?limit=10001"), 400, "limit must be between 0 and 10000");
        assertProblem(http.get("/datasets/orders/rows?limit=-1"), 400, "limit must be between");
        assertProblem(http.get("/datasets/orders/rows?offset=-5"), 400, "offset must be between");
        assertProblem(http.get("/datasets/orders/rows?format=xml"), 400, "format must be json, csv or parquet");
        assertProblem(http.get("/datasets/orders/rows?note=is:empty"), 400, "is: takes null or not_null");
        assertProblem(http.get("/datasets/orders/rows?order_id=gt:many"), 400, "does not fit its column");
        assertProblem(http.get("/datasets/orders/rows?columns="), 400, "comma-separated list");
        assertProblem(http.get("/no/such/endpoint"), 404, "no such endpoint");
    }

    @Test
    void writesAreNotAllowed() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.url() + "/datasets/orders/rows")).POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void aFileAddedToTheFolderBecomesADatasetAndAReplacedFileIsReadAnew() {
        ServeHttp.duckdb("COPY (SELECT 1 AS x) TO '" + marts.resolve(".late.parquet.tmp") + "' (FORMAT parquet)");
        try {
            Files.move(marts.resolve(".late.parquet.tmp"), marts.resolve("late.parquet"),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertEquals(1, ok("/datasets/late/rows").get("rows").get(0).get("x").asInt());
            ServeHttp.duckdb("COPY (SELECT 2 AS x) TO '" + marts.resolve(".late.parquet.tmp") + "' (FORMAT parquet)");
            Files.move(marts.resolve(".late.parquet.tmp"), marts.resolve("late.parquet"),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertEquals(2, ok("/datasets/late/rows").get("rows").get(0).get("x").asInt(),
                    "the same request after a new version is published reads the new version");
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            try {
                Files.deleteIfExists(marts.resolve("late.parquet"));
            } catch (IOException e) {
                // the temp dir goes anyway
            }
        }
    }
}
