package dev.mallard.core.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mallard.core.ingest.IngestException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Point 9 of issue 14: an API that answers badly on page 2 ends the ingest with a clear error
 * naming the ingest, the URL (without secrets) and the page; page 1's batch stays committed
 * and page 2 is not, so the state still points at page 2.
 */
class HttpSourceBadInputTest {

    static final String KEY = "key-51c0ffee-secret";
    static final String PAGE_1 = "{\"data\":{\"items\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]}}";

    HttpServer server;
    final Map<String, Answer> pages = new ConcurrentHashMap<>();
    final List<Long> hits = new CopyOnWriteArrayList<>();

    /** A canned answer: status, content type and body; {@code declaredLength} > body length cuts the body short. */
    record Answer(int status, String contentType, String body, long declaredLength, Map<String, String> headers) {
        static Answer json(String body) {
            return new Answer(200, "application/json", body, -1, Map.of());
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/items", this::serve);
        server.start();
        pages.put("1", Answer.json(PAGE_1));
        pages.put("3", Answer.json("{\"data\":{\"items\":[]}}"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange ex) throws IOException {
        hits.add(System.nanoTime());
        String q = ex.getRequestURI().getQuery();
        String page = q.replaceAll(".*page=(\\d+).*", "$1");
        Answer a = pages.getOrDefault(page, Answer.json("{\"data\":{\"items\":[]}}"));
        if (a.body() == null) {
            pages.put(page, Answer.json("{\"data\":{\"items\":[{\"id\":3,\"name\":\"c\"}]}}"));
            a = new Answer(a.status(), "application/json", "{\"error\":\"busy\"}", -1, a.headers());
        }
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", a.contentType());
        a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(a.status(), a.declaredLength() > 0 ? a.declaredLength() : body.length);
        OutputStream out = ex.getResponseBody();
        out.write(body);
        out.flush();
        ex.close();
    }

    Map<String, Object> spec(String extra) {
        return new Yaml().load("""
            base_url: http://127.0.0.1:%d
            auth: {type: api_key, key_secret: ITEMS_KEY, query_param: api_key}
            parallel: 1
            pages_per_batch: 1
            retry: {max_attempts: 2, initial_backoff_ms: 1}
            path: /items
            table: raw_items
            records_path: data.items
            pagination: {type: page_number}
            %s
            """.formatted(server.getAddress().getPort(), extra));
    }

    IngestException failOnPage2(RecordingRun.Store store, String extra) {
        IngestException e = assertThrows(IngestException.class, () -> new HttpSource().run(
            new RecordingRun(store, "bad", spec(extra), Map.of("ITEMS_KEY", KEY))));
        assertTrue(e.getMessage().startsWith("ingest 'bad': GET http://127.0.0.1:" + server.getAddress().getPort()
            + "/items?page=2 (page 2): "), e.getMessage());
        assertEquals(1, store.commits.size(), "page 1 stays committed, page 2 does not");
        assertEquals(List.of(1L, 2L), HttpSourceFixtureTest.ids(store.rows("raw_items")));
        assertEquals(Map.of("resume", Map.of("page", 2)), store.states.get("raw_items"));
        SecretLeaks.assertAbsent(KEY, store, e);
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        malformed JSON  | 200 | application/json | {"data":{"items":[{"id":3,}]}}         | malformed JSON at line 1, column 27: Unexpected character ('}' (code 125)): was expecting double-quote to start field name
        truncated JSON  | 200 | application/json | {"data":{"items":[{"id":3},{"id":     | the JSON ends early after 33 bytes (a truncated body?)
        HTML            | 502 | text/html        | <html><body>Bad gateway</body></html>  | HTTP 502 after 2 attempt(s) (retry.max_attempts is 2)
        HTML with 200   | 200 | text/html        | <html><body>Log in</body></html>       | the response is HTML or XML, not JSON (Content-Type: text/html)
        unauthorized    | 401 | application/json | {"error":"bad key"}                    | HTTP 401 Unauthorized; the credentials were refused: check the secret 'ITEMS_KEY'
        forbidden       | 403 | application/json | {"error":"no"}                         | HTTP 403 Forbidden; the credentials were refused: check the secret 'ITEMS_KEY'
        not found       | 404 | application/json | {"error":"no such page"}               | HTTP 404: {"error":"no such page"}
        no records path | 200 | application/json | {"data":{"rows":[]}}                   | records_path 'data.items' is not in the response
        records not list| 200 | application/json | {"data":{"items":{"id":3}}}            | records_path 'data.items' is an object, not a list of records
        record not obj  | 200 | application/json | {"data":{"items":[3]}}                 | record 1 is an integer, not an object
        empty body      | 200 | application/json | ' '                                    | the response body is empty
        trailing junk   | 200 | application/json | {"data":{"items":[]}} x                | malformed JSON at line 1, column 24: Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
        """)
    void aBadPage2IsAClearErrorAndNothingOfItIsCommitted(String name, int status, String type, String body, String message) {
        pages.put("2", new Answer(status, type, body, -1, Map.of()));
        IngestException e = failOnPage2(new RecordingRun.Store(), "");
        assertTrue(e.getMessage().endsWith("(page 2): " + message), e.getMessage());
    }

    @Test
    void aBodyCutShortOfItsContentLengthIsRetriedThenReported() {
        pages.put("2", new Answer(200, "application/json", "{\"data\":{\"items\":[", 5000, Map.of()));
        IngestException e = failOnPage2(new RecordingRun.Store(), "");
        assertTrue(e.getMessage().contains("(page 2): no response after 2 attempt(s): "), e.getMessage());
    }

    @Test
    void aDeclaredColumnsChangeMidRunIsASchemaChange() {
        pages.put("2", Answer.json("{\"data\":{\"items\":[{\"id\":3,\"name\":\"c\"},{\"id\":4,\"name\":\"d\",\"extra\":true}]}}"));
        IngestException e = failOnPage2(new RecordingRun.Store(), "columns: {id: BIGINT, name: VARCHAR}");
        assertTrue(e.getMessage().contains("(page 2): schema change: record 2 has field 'extra', which is not among the"
            + " declared columns [id, name]"), e.getMessage());
    }

    @Test
    void aDeclaredTypeThatNoLongerFitsIsASchemaChange() {
        pages.put("2", Answer.json("{\"data\":{\"items\":[{\"id\":\"three\",\"name\":\"c\"}]}}"));
        IngestException e = failOnPage2(new RecordingRun.Store(), "columns: [{name: id, type: BIGINT}, {name: name, type: VARCHAR}]");
        assertTrue(e.getMessage().contains("schema change: record 1 has field 'id' as a string, but it is declared BIGINT"),
            e.getMessage());
    }

    @Test
    void anInferredFieldChangingKindIsASchemaChangeUnlessIgnored() throws Exception {
        pages.put("2", Answer.json("{\"data\":{\"items\":[{\"id\":3,\"name\":{\"first\":\"c\"}}]}}"));
        IngestException e = failOnPage2(new RecordingRun.Store(), "");
        assertTrue(e.getMessage().contains("schema change: record 1 has field 'name' as an object, where earlier records"
            + " had a string"), e.getMessage());
        RecordingRun.Store store = new RecordingRun.Store();
        new HttpSource().run(new RecordingRun(store, "bad", spec("on_schema_change: ignore"), Map.of("ITEMS_KEY", KEY)));
        assertEquals(List.of(1L, 2L, 3L), HttpSourceFixtureTest.ids(store.rows("raw_items")));
    }

    @Test
    void integersWideningToDecimalsAreNotASchemaChange() throws Exception {
        pages.put("1", Answer.json("{\"data\":{\"items\":[{\"id\":1,\"v\":2}]}}"));
        pages.put("2", Answer.json("{\"data\":{\"items\":[{\"id\":2,\"v\":2.5,\"note\":null}]}}"));
        RecordingRun.Store store = new RecordingRun.Store();
        new HttpSource().run(new RecordingRun(store, "bad", spec(""), Map.of("ITEMS_KEY", KEY)));
        assertEquals(List.of(1L, 2L), HttpSourceFixtureTest.ids(store.rows("raw_items")));
    }

    @Test
    void a429IsRetriedAfterTheRetryAfterDelay() throws Exception {
        pages.put("2", new Answer(429, "application/json", null, -1, Map.of("Retry-After", "1")));
        RecordingRun.Store store = new RecordingRun.Store();
        new HttpSource().run(new RecordingRun(store, "bad", spec(""), Map.of("ITEMS_KEY", KEY)));
        assertEquals(List.of(1L, 2L, 3L), HttpSourceFixtureTest.ids(store.rows("raw_items")));
        // requests: page 1, page 2 (429), page 2 again, page 3
        assertEquals(4, hits.size());
        long waitedMs = (hits.get(2) - hits.get(1)) / 1_000_000;
        assertTrue(waitedMs >= 950, "Retry-After: 1 was honoured, waited " + waitedMs + " ms");
    }
}
