package dev.mallard.serve;

import static dev.mallard.serve.ServeApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No request can run SQL of its own, read a file outside the marts or see rows its token
 * does not allow. A secret Parquet file and a CSV sit next to the marts folder; every
 * attack is made over HTTP against a real server.
 */
class ServeSecurityIT {
    @TempDir
    static Path dir;

    static Path marts;
    static MartServer open;
    static MartServer guarded;
    static ServeHttp http;
    static ServeHttp auth;

    @BeforeAll
    static void start() throws IOException {
        marts = Files.createDirectories(dir.resolve("marts"));
        ServeApiIT.writeMarts(marts);
        Files.createDirectories(dir.resolve("secret"));
        ServeHttp.duckdb("COPY (SELECT 'TOP-SECRET-VALUE' AS s) TO '" + dir.resolve("secret/secret.parquet")
                + "' (FORMAT parquet)");
        Files.writeString(dir.resolve("secret/passwords.csv"), "user,password\nroot,TOP-SECRET-VALUE\n");
        open = MartServer.start(DatasetCatalog.ofDirectory(marts), new MartServer.Options("127.0.0.1", 0, 2, null));
        http = new ServeHttp(open.url());
        List<ApiToken> tokens = List.of(
                new ApiToken("s3cret-admin", "admin", null, null, null),
                new ApiToken("s3cret-user-42", "user42", "user_id", "42", List.of("orders", "products")),
                new ApiToken("s3cret-analyst", "analyst", null, null, List.of("events")));
        guarded = MartServer.start(DatasetCatalog.ofDirectory(marts), new MartServer.Options("127.0.0.1", 0, 2, tokens));
        auth = new ServeHttp(guarded.url());
    }

    @AfterAll
    static void stop() {
        if (open != null) {
            open.close();
        }
        if (guarded != null) {
            guarded.close();
        }
    }

    private static String q(String s) {
        return ServeHttp.encode(s);
    }

    private static void assertNoSecret(ServeHttp.Reply r) {
        assertFalse(r.text().contains("TOP-SECRET-VALUE"), r::toString);
        assertFalse(r.text().contains("root:"), r::toString);
    }

    private static List<String> names(ServeHttp.Reply r) {
        List<String> names = new ArrayList<>();
        r.json().get("datasets").forEach(d -> names.add(d.get("name").asText()));
        return names;
    }

    private static int rows(ServeHttp.Reply r) {
        assertEquals(200, r.status(), r::toString);
        return r.json().get("rows").size();
    }

    @Test
    void sqlInFilterValuesIsOnlyEverAValue() {
        for (String value : List.of("open' OR '1'='1", "open'; DROP TABLE x; --", "x' UNION SELECT s FROM "
                + "read_parquet('" + dir.resolve("secret/secret.parquet") + "') --", "read_csv('/etc/passwd')",
                "eq:read_parquet('" + dir.resolve("secret/secret.parquet") + "')", "like:%' OR 1=1 --")) {
            ServeHttp.Reply r = http.get("/datasets/orders/rows?status=" + q(value));
            assertEquals(0, rows(r), value);
            assertNoSecret(r);
        }
        for (String value : List.of("1 OR 1=1", "in:1) OR (1=1", "gt:0 OR 1=1", "1; SELECT 1",
                "(SELECT count(*) FROM read_csv('/etc/passwd'))")) {
            ServeHttp.Reply r = http.get("/datasets/orders/rows?order_id=" + q(value));
            assertProblem(r, 400, "does not fit its column");
            assertNoSecret(r);
        }
    }

    @Test
    void sqlInColumnNamesOrderAndFilterKeysIsRejected() {
        for (String attack : List.of("columns=" + q("order_id, (SELECT 1) AS x"), "columns=" + q("*"),
                "columns=" + q("\"order_id\""), "columns=" + q("order_id FROM read_csv('/etc/passwd') --"),
                "order=" + q("order_id; DROP TABLE x"), "order=" + q("-(SELECT 1)"), "order=" + q("1"),
                q("1=1 OR order_id") + "=1", q("order_id\" OR \"1") + "=1", q("status) OR (1=1") + "=x")) {
            ServeHttp.Reply r = http.get("/datasets/orders/rows?" + attack);
            assertProblem(r, 400, "has no column");
            assertNoSecret(r);
        }
    }

    @Test
    void operatorsLimitOffsetAndFormatAreParsedNotPasted() {
        assertProblem(http.get("/datasets/orders/rows?order_id=" + q("gt;:5")), 400, "does not fit its column");
        assertProblem(http.get("/datasets/orders/rows?order_id=" + q("between:1 AND 50")), 400, "does not fit");
        assertProblem(http.get("/datasets/orders/rows?limit=" + q("1; DROP TABLE x")), 400, "limit must be an integer");
        assertProblem(http.get("/datasets/orders/rows?limit=" + q("1 OFFSET 0 UNION SELECT 1")), 400, "limit must be");
        assertProblem(http.get("/datasets/orders/rows?offset=" + q("0) --")), 400, "offset must be an integer");
        assertProblem(http.get("/datasets/orders/rows?format=" + q("parquet') TO '" + dir.resolve("stolen.parquet"))), 400, "format must be");
        assertEquals(50, rows(http.get("/datasets/orders/rows?status=" + q("like:%"))), "like patterns stay patterns");
    }

    @Test
    void datasetNamesCannotReachOtherFiles() {
        for (String name : List.of("..%2Fsecret%2Fsecret", "%2E%2E%2Fsecret%2Fsecret", "..%5Csecret",
                q("orders; DROP TABLE x"), q("read_parquet('" + dir.resolve("secret/secret.parquet") + "')"),
                q(dir.resolve("secret/secret.parquet").toString()), "secret", "passwords", q("orders'--"))) {
            ServeHttp.Reply r = http.get("/datasets/" + name + "/rows");
            assertTrue(r.status() == 404 || r.status() == 400, () -> name + " -> " + r);
            assertNoSecret(r);
        }
        ServeHttp.Reply nul = http.get("/datasets/orders%00/rows");
        assertProblem(nul, 400, "malformed");
        ServeHttp.Reply traversal = http.get("/datasets/../secret/secret/rows");
        assertTrue(traversal.status() == 404 || traversal.status() == 400, traversal::toString);
        assertNoSecret(traversal);
    }

    @Test
    void noAttackChangedOrCreatedAFile() throws IOException {
        List<String> before = files();
        sqlInFilterValuesIsOnlyEverAValue();
        sqlInColumnNamesOrderAndFilterKeysIsRejected();
        operatorsLimitOffsetAndFormatAreParsedNotPasted();
        datasetNamesCannotReachOtherFiles();
        assertEquals(before, files());
        assertEquals(50, http.get("/datasets/orders").json().get("row_count").asInt());
    }

    private static List<String> files() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> {
                try {
                    return dir.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    @Test
    void withTokensEveryEndpointButHealthNeedsOne() {
        for (String path : List.of("/datasets", "/datasets/orders", "/datasets/orders/rows", "/openapi.json")) {
            ServeHttp.Reply none = auth.get(path);
            assertProblem(none, 401, "needs a bearer token");
            assertEquals("Bearer realm=\"mallard\"", none.wwwAuthenticate());
            assertProblem(auth.get(path, "Authorization", "Bearer wrong-token"), 401, "not valid");
            assertProblem(auth.get(path, "Authorization", "Basic czNjcmV0LWFkbWlu"), 401, "needs a bearer token");
            assertProblem(auth.get(path, "Authorization", "Bearer s3cret-admin' OR '1'='1"), 401, "not valid");
        }
        assertEquals(200, auth.get("/health").status());
        assertEquals(3, auth.get("/datasets", "Authorization", "Bearer s3cret-admin").json().get("datasets").size());
    }

    @Test
    void aScopedTokenSeesOnlyItsRows() {
        String[] user = {"Authorization", "Bearer s3cret-user-42"};
        JsonNode body = auth.get("/datasets/orders/rows?limit=1000", user).json();
        assertEquals(10, body.get("rows").size());
        body.get("rows").forEach(r -> assertEquals(42, r.get("user_id").asInt()));
        assertEquals(0, rows(auth.get("/datasets/orders/rows?user_id=40", user)), "a filter cannot widen the scope");
        assertEquals(0, rows(auth.get("/datasets/orders/rows?user_id=" + q("in:40,41,42,43") + "&order_id=1", user)));
        assertEquals(10, auth.get("/datasets/orders", user).json().get("row_count").asInt(), "counts within scope");
        ServeHttp.Reply csv = auth.get("/datasets/orders/rows?format=csv&columns=user_id", user);
        assertEquals(11, csv.text().strip().lines().count());
        assertTrue(csv.text().lines().skip(1).allMatch(l -> l.equals("42")));
    }

    @Test
    void aScopedTokenOnADatasetWithoutItsColumnIsForbidden() {
        String[] user = {"Authorization", "Bearer s3cret-user-42"};
        assertProblem(auth.get("/datasets/products/rows", user), 403, "'user_id'");
        assertProblem(auth.get("/datasets/products", user), 403, "'user_id'");
        List<String> listed = names(auth.get("/datasets", user));
        assertEquals(List.of("orders"), listed);
    }

    @Test
    void aDatasetOutsideATokensListDoesNotExistForIt() {
        String[] analyst = {"Authorization", "Bearer s3cret-analyst"};
        assertProblem(auth.get("/datasets/orders/rows", analyst), 404, "no dataset named 'orders'");
        assertEquals(200, auth.get("/datasets/events/rows", analyst).status());
        assertEquals(List.of("events"), names(auth.get("/datasets", analyst)));
        JsonNode doc = auth.get("/openapi.json", analyst).json();
        assertTrue(doc.get("paths").has("/datasets/events/rows"));
        assertFalse(doc.get("paths").has("/datasets/orders/rows"));
        assertTrue(doc.get("components").get("securitySchemes").has("bearer"));
    }
}
