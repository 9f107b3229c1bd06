package dev.mallard.core.ingest.http;

import static dev.mallard.core.ingest.http.HttpSourceFixtureTest.TOKEN;
import static dev.mallard.core.ingest.http.HttpSourceFixtureTest.ids;
import static dev.mallard.core.ingest.http.HttpSourceFixtureTest.range;
import static dev.mallard.core.ingest.http.HttpSourceFixtureTest.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Incremental cursors, backfill windows, the fixture's faults and rate limit, and API keys in the query. */
class HttpSourceIncrementalTest {

    static JsonNode stats(FixtureApi api) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(api.baseUrl() + "/admin/stats")).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void theLargestCursorSeenIsTheNextRunsFilter() throws Exception {
        try (FixtureApi api = new FixtureApi(TOKEN, "--records", "250", "--page-size", "20", "--faults", "none", "--rate", "0")) {
            RecordingRun.Store store = new RecordingRun.Store();
            Map<String, Object> options = spec(api.baseUrl(), """
                params: {page_size: 20}
                pagination: {type: link_header}
                incremental: {cursor_field: updated_at, param: updated_since, initial: '2024-01-01T00:00:00Z'}""");
            new HttpSource().run(HttpSourceFixtureTest.run(store, options));
            assertEquals(range(1, 250), ids(store.rows("raw_notices")));
            assertEquals(Map.of("cursor", "2024-01-01T04:09:00Z"), store.states.get("raw_notices"));
            api.addRecords(30);
            new HttpSource().run(HttpSourceFixtureTest.run(store, options));
            // updated_since is inclusive: notice 250 comes again (the framework merges it on the key), then 251..280
            assertEquals(range(250, 280), ids(store.rows("raw_notices").subList(250, store.rows("raw_notices").size())));
            assertEquals(Map.of("cursor", "2024-01-01T04:39:00Z"), store.states.get("raw_notices"));
            int commits = store.commits.size();
            new HttpSource().run(HttpSourceFixtureTest.run(store, options));
            assertEquals(281 + 1, store.rows("raw_notices").size(), "a run with nothing new reads only the last notice again");
            assertEquals(commits + 1, store.commits.size());
        }
    }

    @Test
    void theBaseUrlIsATemplateRenderedOncePerRun() throws Exception {
        try (FixtureApi api = new FixtureApi(TOKEN, "--records", "30", "--page-size", "20", "--faults", "none", "--rate", "0")) {
            RecordingRun.Store store = new RecordingRun.Store();
            // as base_url: "{{ env_var('PROCUREMENT_API_URL') }}" is in examples/procurement
            Map<String, Object> options = spec("\"{{ start or '" + api.baseUrl() + "' }}\"", """
                params: {page_size: 20}
                pagination: {type: page_number}""");
            new HttpSource().run(HttpSourceFixtureTest.run(store, options));
            assertEquals(range(1, 30), ids(store.rows("raw_notices")));
        }
    }

    @Test
    void aBackfillWindowIsRenderedIntoTheParamsAndKeptWithTheResumePoint() throws Exception {
        try (FixtureApi api = new FixtureApi(TOKEN, "--records", "250", "--page-size", "20", "--faults", "none", "--rate", "0")) {
            RecordingRun.Store store = new RecordingRun.Store();
            String endpoint = """
                params: {page_size: 20, updated_since: "{{ start or '2024-01-01T00:00:00Z' }}"}
                pagination: {type: page_number}""";
            Map<String, Object> options = spec(api.baseUrl(), endpoint + "\nmax_pages: 2");
            new HttpSource().run(HttpSourceFixtureTest.run(store, options).window("2024-01-01T02:00:00Z", "2024-01-02T00:00:00Z"));
            assertEquals(range(121, 160), ids(store.rows("raw_notices")));
            assertEquals(Map.of("window", Map.of("start", "2024-01-01T02:00:00Z", "end", "2024-01-02T00:00:00Z"),
                "resume", Map.of("page", 3)), store.states.get("raw_notices"));
            new HttpSource().run(HttpSourceFixtureTest.run(store, spec(api.baseUrl(), endpoint)).window("2024-01-01T02:00:00Z", "2024-01-02T00:00:00Z"));
            assertEquals(range(121, 250), ids(store.rows("raw_notices")));
            assertEquals(Map.of(), store.states.get("raw_notices"));
        }
    }

    @Test
    void theFixturesFaultsAndRateLimitAreRetriedThrough() throws Exception {
        try (FixtureApi api = new FixtureApi(TOKEN, "--records", "300", "--page-size", "20", "--rate", "4")) {
            RecordingRun.Store store = new RecordingRun.Store();
            Map<String, Object> options = spec(api.baseUrl(), """
                params: {page_size: 20}
                pagination: {type: page_number, total_pages_path: meta.total_pages}""");
            options.put("parallel", 4);
            new HttpSource().run(HttpSourceFixtureTest.run(store, options));
            assertEquals(range(1, 300), ids(store.rows("raw_notices")));
            JsonNode stats = stats(api);
            assertEquals(2, stats.path("served_500_fault").asInt(), stats.toString());
            assertEquals(1, stats.path("served_429_fault").asInt(), stats.toString());
            assertTrue(stats.path("served_429_rate").asInt() > 0, "4 requests at once overran 4 per second: " + stats);
        }
    }

    @Test
    void aClientRateLimitKeepsUnderTheServers() throws Exception {
        try (FixtureApi api = new FixtureApi(TOKEN, "--records", "200", "--page-size", "20", "--rate", "10", "--faults", "none")) {
            RecordingRun.Store store = new RecordingRun.Store();
            Map<String, Object> options = spec(api.baseUrl(), """
                params: {page_size: 20}
                pagination: {type: page_number, total_pages_path: meta.total_pages}""");
            options.put("parallel", 4);
            options.put("rate_limit", 6);
            new HttpSource().run(HttpSourceFixtureTest.run(store, options));
            assertEquals(range(1, 200), ids(store.rows("raw_notices")));
            JsonNode stats = stats(api);
            assertTrue(stats.path("served_429_rate").isMissingNode(), stats.toString());
        }
    }

    @Test
    void anApiKeyEchoedInNextLinksIsSentButNeverStoredOrPrinted() throws Exception {
        String key = "k3y-0a1b2c-secret";
        try (FixtureApi api = new FixtureApi(null, "--records", "100", "--page-size", "20", "--faults", "none", "--rate", "0")) {
            RecordingRun.Store store = new RecordingRun.Store();
            Map<String, Object> options = new Yaml().load("""
                base_url: %s
                auth: {type: api_key, key_secret: NOTICES_KEY, query_param: api_key}
                pages_per_batch: 1
                path: /notices
                table: raw_notices
                records_path: data.items
                params: {page_size: 20}
                pagination: {type: next_url, next_url_path: links.next}
                """.formatted(api.baseUrl()));
            new HttpSource().run(new RecordingRun(store, "procurement", options, Map.of("NOTICES_KEY", key)));
            assertEquals(range(1, 100), ids(store.rows("raw_notices")));
            RecordingRun.Commit second = store.commits.get(1);
            @SuppressWarnings("unchecked")
            String next = (String) ((Map<String, Object>) second.state().get("resume")).get("next_url");
            assertEquals(api.baseUrl() + "/notices?page_size=20&page=3", next);
            SecretLeaks.assertAbsent(key, store, null);
            assertFalse(store.progress.isEmpty());
            assertNull(store.states.get("raw_notices").get("resume"));
        }
    }
}
