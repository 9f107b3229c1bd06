package dev.mallard.core.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.ingest.IngestException;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** The http source against the procurement fixture API, a real HTTP server in a child process. */
class HttpSourceFixtureTest {

    static final String TOKEN = "tok-9f3c2e71-secret";
    static final ObjectMapper JSON = new ObjectMapper();
    static FixtureApi api;

    /** Each pagination style, as the endpoint's pagination: and params:. */
    static final Map<String, String> STYLES = Map.of(
        "page_number", "pagination: {type: page_number, size_param: page_size, size: 20}",
        "page_total", "params: {page_size: 20}\npagination: {type: page_number, total_pages_path: meta.total_pages}",
        "offset", "pagination: {type: offset, limit: 20, total_path: meta.total}",
        "cursor", "params: {limit: 20}\npagination: {type: cursor, cursor_path: meta.next_cursor}",
        "next_url", "params: {page_size: 20}\npagination: {type: next_url, next_url_path: links.next}",
        "link_header", "params: {page_size: 20}\npagination: {type: link_header}");

    @BeforeAll
    static void start() throws Exception {
        api = new FixtureApi(TOKEN, "--records", "250", "--page-size", "20", "--faults", "none", "--rate", "1000");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Map<String, Object> spec(String base, String endpointExtra) {
        return new Yaml().load("""
            base_url: %s
            auth: {type: bearer, token_secret: PROCUREMENT_API_TOKEN}
            parallel: 3
            pages_per_batch: 3
            retry: {initial_backoff_ms: 5, max_retry_after_seconds: 2}
            endpoints:
              - name: notices
                table: raw_notices
                path: /notices
                records_path: data.items
                %s
            """.formatted(base, endpointExtra.replace("\n", "\n    ")));
    }

    static RecordingRun run(RecordingRun.Store store, Map<String, Object> options) {
        return new RecordingRun(store, "procurement", options, Map.of("PROCUREMENT_API_TOKEN", TOKEN));
    }

    static List<Long> ids(List<String> rows) {
        return rows.stream().map(r -> {
            try {
                return JSON.readTree(r).get("id").asLong();
            } catch (Exception e) {
                throw new AssertionError(r, e);
            }
        }).toList();
    }

    static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"page_number", "page_total", "offset", "cursor", "next_url", "link_header"})
    void everyPaginationStyleReadsEachRecordOnceInOrder(String style) throws Exception {
        RecordingRun.Store store = new RecordingRun.Store();
        new HttpSource().run(run(store, spec(api.baseUrl(), STYLES.get(style))));
        assertEquals(range(1, 250), ids(store.rows("raw_notices")));
        RecordingRun.Commit last = store.commits.get(store.commits.size() - 1);
        assertEquals(Map.of(), last.state(), "a finished full read leaves no resume point");
        for (RecordingRun.Commit c : store.commits.subList(0, store.commits.size() - 1)) {
            assertTrue(c.state().containsKey("resume"), c.toString());
            assertTrue(c.lines().size() <= 60, "pages_per_batch 3 x 20 records");
        }
        JsonNode first = JSON.readTree(store.rows("raw_notices").get(0));
        assertEquals("City of Lyon", first.get("buyer").get("name").asText(), "nested objects are kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"page_total", "offset", "cursor", "next_url", "link_header"})
    void aCrashBetweenBatchesResumesWithoutLossOrDuplicates(String style) throws Exception {
        RecordingRun.Store store = new RecordingRun.Store();
        IngestException crash = assertThrows(IngestException.class,
            () -> new HttpSource().run(run(store, spec(api.baseUrl(), STYLES.get(style))).failOnCommit(3)));
        assertTrue(crash.getMessage().contains("simulated crash"), crash.getMessage());
        assertEquals(range(1, 120), ids(store.rows("raw_notices")), "two batches of 3 pages landed");
        assertTrue(store.states.get("raw_notices").containsKey("resume"));
        new HttpSource().run(run(store, spec(api.baseUrl(), STYLES.get(style))));
        assertEquals(range(1, 250), ids(store.rows("raw_notices")));
    }

    @Test
    void maxPagesStopsWithAResumePointThatTheNextRunContinuesFrom() throws Exception {
        RecordingRun.Store store = new RecordingRun.Store();
        String extra = STYLES.get("cursor") + "\nmax_pages: 4";
        new HttpSource().run(run(store, spec(api.baseUrl(), extra)));
        assertEquals(range(1, 80), ids(store.rows("raw_notices")));
        assertEquals(Map.of("cursor", "c28"), store.states.get("raw_notices").get("resume"));
        new HttpSource().run(run(store, spec(api.baseUrl(), STYLES.get("cursor"))));
        assertEquals(range(1, 250), ids(store.rows("raw_notices")));
    }

    @Test
    void keepRawHandsTheFrameworkWholeRecordsForOneJsonColumn() throws Exception {
        RecordingRun.Store store = new RecordingRun.Store();
        new HttpSource().run(run(store, spec(api.baseUrl(), STYLES.get("link_header") + "\nkeep_raw: payload")));
        assertTrue(store.commits.stream().allMatch(c -> "payload".equals(c.rawColumn())));
        JsonNode r = JSON.readTree(store.rows("raw_notices").get(7));
        assertEquals(8, r.get("id").asLong());
        assertEquals(10, r.size(), "all fields of the record, untouched: " + r);
    }

    @Test
    void aWrongTokenIsAClearErrorThatNamesTheSecretButNeverHoldsItsValue() {
        RecordingRun.Store store = new RecordingRun.Store();
        String wrong = "wrong-7d1e0b-token";
        IngestException e = assertThrows(IngestException.class, () -> new HttpSource().run(new RecordingRun(store,
            "procurement", spec(api.baseUrl(), STYLES.get("offset")), Map.of("PROCUREMENT_API_TOKEN", wrong))));
        assertTrue(e.getMessage().startsWith("ingest 'procurement': GET http://127.0.0.1:" + api.port + "/notices?offset=0&limit=20"),
            e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("'PROCUREMENT_API_TOKEN'"), e.getMessage());
        assertTrue(e.getMessage().contains("(page at offset 0)"), e.getMessage());
        SecretLeaks.assertAbsent(wrong, store, e);
        assertTrue(store.commits.isEmpty());
    }

    @Test
    void aMissingSecretIsNamed() {
        IngestException e = assertThrows(IngestException.class, () -> new HttpSource().run(new RecordingRun(
            new RecordingRun.Store(), "procurement", spec(api.baseUrl(), STYLES.get("offset")), Map.of())));
        assertEquals("ingest 'procurement': secret 'PROCUREMENT_API_TOKEN' is not set (an environment variable of that"
            + " name, or an entry in the secrets file)", e.getMessage());
    }

    @Test
    void theBearerTokenIsInNoProgressStateOrRow() throws Exception {
        RecordingRun.Store store = new RecordingRun.Store();
        new HttpSource().run(run(store, spec(api.baseUrl(), STYLES.get("next_url"))).failOnCommit(0));
        assertFalse(store.progress.isEmpty());
        SecretLeaks.assertAbsent(TOKEN, store, null);
    }
}
