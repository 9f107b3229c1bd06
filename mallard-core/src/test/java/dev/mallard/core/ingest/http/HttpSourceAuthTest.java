package dev.mallard.core.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mallard.core.ingest.IngestSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** What credentials reach the server, and where: basic, API key header, and a next link to another origin. */
class HttpSourceAuthTest {

    HttpServer server;
    /** Per request: path and query, Authorization header, X-Api-Key header. */
    final List<String[]> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange ex) throws IOException {
        String uri = ex.getRequestURI().toString();
        seen.add(new String[] {uri, ex.getRequestHeaders().getFirst("Authorization"),
            ex.getRequestHeaders().getFirst("X-Api-Key")});
        int port = server.getAddress().getPort();
        // page 1 links on to the same server by another name (another origin): localhost
        String body = uri.startsWith("/a") ? "{\"items\":[{\"id\":1}],\"next\":\"http://localhost:" + port + "/b\"}"
            : "{\"items\":[{\"id\":2}],\"next\":null}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    Map<String, Object> spec(String auth) {
        return new Yaml().load("""
            base_url: http://127.0.0.1:%d
            auth: %s
            path: /a
            table: raw
            records_path: items
            pagination: {type: next_url, next_url_path: next}
            """.formatted(server.getAddress().getPort(), auth));
    }

    @Test
    void basicAuthGoesToTheApiOnlyAndNotToAnotherOrigin() throws Exception {
        RecordingRun.Store store = new RecordingRun.Store();
        new HttpSource().run(new RecordingRun(store, "auth", spec("{type: basic, username: alice, password_secret: PW}"),
            Map.of("PW", "pa55-w0rd")));
        assertEquals(List.of(1L, 2L), HttpSourceFixtureTest.ids(store.rows("raw")));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("alice:pa55-w0rd".getBytes(StandardCharsets.UTF_8)),
            seen.get(0)[1]);
        assertEquals("/b", seen.get(1)[0]);
        assertNull(seen.get(1)[1], "no credentials for http://localhost, another origin than http://127.0.0.1");
        SecretLeaks.assertAbsent("pa55-w0rd", store, null);
    }

    @Test
    void anApiKeyGoesInItsHeader() throws Exception {
        RecordingRun.Store store = new RecordingRun.Store();
        new HttpSource().run(new RecordingRun(store, "auth", spec("{type: api_key, key_secret: K, header: X-Api-Key}"),
            Map.of("K", "k-123")));
        assertEquals("k-123", seen.get(0)[2]);
        assertNull(seen.get(0)[1]);
        assertTrue(seen.get(0)[0].equals("/a"), "the key is not in the query: " + seen.get(0)[0]);
    }

    @Test
    void theSourceIsFoundByServiceLoaderAsHttp() {
        assertTrue(ServiceLoader.load(IngestSource.class).stream()
            .anyMatch(p -> p.get() instanceof HttpSource s && s.type().equals("http")));
    }
}
