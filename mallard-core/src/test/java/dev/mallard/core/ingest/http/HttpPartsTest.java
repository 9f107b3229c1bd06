package dev.mallard.core.ingest.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.http.PageParser.PageResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The http source's parts on their own: the page parser, Link headers, redaction, the spec reader. */
class HttpPartsTest {

    @Test
    void recordsAreCopiedByteForByteOneLineEachWithTheCapturesAndTheLargestCursor() throws Exception {
        String body = """
            {
              "meta": {"next": "c2", "total": 2, "ignored": {"deep": [1, 2]}},
              "data": {"items": [
                {"id": 1, "name": "café ☕ 🦆", "at": "2024-01-02", "tags": ["a", "b"]},
                {"id": 2,
                 "name": "line\\nbreak", "at": "2024-01-03", "nested": {"x": {"y": null}}}
              ]}
            }""";
        PageResult r = new PageParser("data.items", Set.of("meta.next", "meta.total"), "at", true)
            .parse(body.getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(2, r.records());
        assertEquals("""
            {"id": 1, "name": "café ☕ 🦆", "at": "2024-01-02", "tags": ["a", "b"]}
            {"id": 2,      "name": "line\\nbreak", "at": "2024-01-03", "nested": {"x": {"y": null}}}
            """, new String(r.ndjson(), StandardCharsets.UTF_8));
        assertEquals(Map.of("meta.next", "c2", "meta.total", "2"), r.captured());
        assertEquals("2024-01-03", r.maxCursor());
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1}, r.fields().get("tags"));
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0}, r.fields().get("name"));
        assertArrayEquals(new int[] {0, 0, 0, 0, 2, 0}, r.fields().get("nested"));
    }

    @Test
    void aWholeBodyListIsTheRecordsAndNumericCursorsCompareAsNumbers() throws Exception {
        PageResult r = new PageParser("", Set.of(), "seq", true)
            .parse("[{\"seq\":9},{\"seq\":10},{\"seq\":2.5}]".getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(3, r.records());
        assertEquals("10", r.maxCursor());
        assertEquals("10", PageParser.maxCursor("9", "10"));
        assertEquals("2024-02-01", PageParser.maxCursor("2024-02-01", "2024-01-31"));
    }

    @Test
    void linkHeadersYieldTheNextTarget() {
        assertEquals("https://api.example.com/items?page=3", LinkHeaders.next(List.of(
            "<https://api.example.com/items?page=1>; rel=\"first\", <https://api.example.com/items?page=3>; rel=\"next\"")));
        assertEquals("/items?after=x", LinkHeaders.next(List.of("</items?after=x>; title=\"n, m\"; rel=next")));
        assertEquals("/b", LinkHeaders.next(List.of("</a>; rel=\"prev\"", "</b>; rel=\"last next\"")));
        assertNull(LinkHeaders.next(List.of("</a>; rel=\"prev\"")));
    }

    @Test
    void theRedactorMasksSecretsInEveryFormAndCredentialQueryValues() {
        Redactor r = new Redactor(Set.of("X-Sig"));
        r.addSecret("p@ss word");
        assertEquals("a *** b *** c ***", r.scrub("a p@ss word b p%40ss+word c cEBzcyB3b3Jk"));
        assertEquals("https://h:8/v1/x?page=2&api_key=***&X-Sig=***",
            r.url(URI.create("https://user:pw@h:8/v1/x?page=2&api_key=abc&X-Sig=zz")));
        assertEquals(URI.create("https://h/x?page=2"), r.withoutCredentials(URI.create("https://h/x?token=t&page=2"), false));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertEquals(3000L, Requester.retryAfterMillis("3"));
        assertEquals(0L, Requester.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertNull(Requester.retryAfterMillis("soon"));
        assertNull(Requester.retryAfterMillis(null));
    }

    @Test
    void specMistakesAreNamed() {
        assertEquals("ingest 'x': 'base_url' is required, e.g. base_url: https://api.example.com/v1", specError("path: /a"));
        assertEquals("ingest 'x': auth.token is not read: secrets never go in the spec; name the secret with auth.token_secret",
            specError("base_url: http://h\nauth: {type: bearer, token: abc}"));
        assertEquals("ingest 'x': endpoints[1].pagination.cursor_path is required: where the next cursor is in the response,"
            + " e.g. meta.next_cursor", specError("""
            base_url: http://h
            endpoints:
              - {path: /a, table: a}
              - {path: /b, table: b, pagination: {type: cursor}}"""));
        assertEquals("ingest 'x': two endpoints write table 'a'; give each its own table",
            specError("base_url: http://h\nendpoints: [{path: /a, table: a}, {path: /b, table: a}]"));
        assertTrue(specError("base_url: http://h\npage_size: 3").startsWith("ingest 'x': unknown option 'page_size'"));
        // a misspelt pagination key is refused, not silently ignored
        assertTrue(specError("base_url: http://h\nendpoints: [{path: /a, table: a, pagination: {type: page_number, "
            + "page_param: p}}]").contains("unknown option 'endpoints[0].pagination.page_param' for page_number"),
            specError("base_url: http://h\nendpoints: [{path: /a, table: a, pagination: {type: page_number, "
                + "page_param: p}}]"));
        assertEquals("ingest 'x': 'base_url' must not hold credentials; use auth: with a secret",
            specError("base_url: http://u:p@h"));
    }

    @Test
    void endpointKeysAtTheTopAreDefaultsForEveryEndpoint() throws Exception {
        HttpSpec spec = HttpSpecReader.read("x", new Yaml().load("""
            base_url: http://h
            records_path: data
            pagination: {type: link_header}
            endpoints:
              - {name: a, path: /a}
              - {path: /b, table: raw_b, records_path: items}"""));
        assertEquals("a", spec.endpoints().get(0).table());
        assertEquals("data", spec.endpoints().get(0).recordsPath());
        assertEquals("items", spec.endpoints().get(1).recordsPath());
        assertTrue(spec.endpoints().get(1).pagination() instanceof HttpSpec.LinkHeader);
        assertEquals(50, spec.pagesPerBatch());
        assertEquals(4, spec.parallel());
        HttpSpec single = HttpSpecReader.read("events", new Yaml().load("base_url: http://h\npath: /e"));
        assertEquals("events", single.endpoints().get(0).table());
    }

    private static String specError(String yaml) {
        Map<String, Object> options = new Yaml().load(yaml);
        return assertThrows(IngestException.class, () -> HttpSpecReader.read("x", options)).getMessage();
    }
}
