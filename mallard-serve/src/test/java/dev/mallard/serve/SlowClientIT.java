package dev.mallard.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick answers are given on the selector threads and sent without waiting (see
 * {@link QuickRowsHandler}): clients that do not read their large answers hold up no one
 * else, and each gets its bytes intact once it reads, however many answers the same threads
 * wrote in the meantime.
 */
class SlowClientIT {
    /** Pages of about 500 kB: a dozen unread ones fill loopback's socket buffers (2.6 to 4 MB). */
    private static final int PAGES = 12;

    @TempDir
    Path dir;

    private static String page(int i) {
        return "/datasets/wide/rows?limit=800&offset=" + (i * 800);
    }

    @Test
    void unreadAnswersHoldUpNoOneAndArriveIntact() throws Exception {
        Path marts = Files.createDirectories(dir.resolve("marts"));
        ServeHttp.duckdb("COPY (SELECT i AS id, i % 10 AS bucket, repeat('x', 600) || i AS pad FROM range(10000) t(i)) "
                + "TO '" + marts.resolve("wide.parquet") + "' (FORMAT parquet)");
        try (MartServer server = MartServer.start(DatasetCatalog.ofDirectory(marts),
                new MartServer.Options("127.0.0.1", 0, 2, null, false, true))) {
            ServeHttp http = new ServeHttp(server.url());
            assertEquals(200, http.get("/datasets/wide/rows?limit=1").status());
            for (int i = 0; i < 200 && !server.reader().memoryPrewritten("wide"); i++) {
                Thread.sleep(50);
            }
            assertTrue(server.reader().memoryPrewritten("wide"), "the rows were pre-written");
            List<byte[]> expected = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                expected.add(http.get(page(i)).body());
            }
            assertTrue(expected.get(0).length > 400_000 && expected.get(0).length < BodyBuffer.KEEP_AT_MOST,
                    "a page a serving thread's buffer keeps");

            // clients that send all their requests at once and read nothing
            List<Socket> slow = new ArrayList<>();
            try {
                for (int c = 0; c < 4; c++) { // connections go to the selectors in turn: each gets some
                    Socket s = new Socket();
                    s.setReceiveBufferSize(2048);
                    s.connect(new InetSocketAddress("127.0.0.1", server.port()));
                    StringBuilder requests = new StringBuilder();
                    for (int i = 0; i < PAGES; i++) {
                        requests.append("GET ").append(page(i)).append(" HTTP/1.1\r\nHost: localhost\r\n\r\n");
                    }
                    s.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
                    slow.add(s);
                }
                for (int i = 0; i < 200 && server.quickAnswersSentLater() < slow.size(); i++) {
                    Thread.sleep(50);
                }
                assertTrue(server.quickAnswersSentLater() >= slow.size(), "each slow client has an answer being sent");

                // meanwhile the same threads answer others, into the buffers they kept
                long quickBefore = server.quickAnswers();
                CompletableFuture<Void> others = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 40; i++) {
                        // as large as the unsent answers, so that writing into a buffer still being sent would show
                        ServeHttp.Reply r = http.get("/datasets/wide/rows?bucket=" + (i % 10) + "&limit=" + (700 + i));
                        assertEquals(200, r.status(), r::toString);
                        assertEquals(700 + i, r.json().get("count").asInt());
                    }
                    assertEquals(200, http.get("/health").status());
                });
                others.get(30, TimeUnit.SECONDS);
                assertTrue(server.quickAnswers() - quickBefore >= 40, "the others were quick answers too");

                for (Socket s : slow) {
                    s.setSoTimeout(30_000);
                    for (int i = 0; i < PAGES; i++) {
                        assertArrayEquals(expected.get(i), body(s.getInputStream()), "unread answer " + i + " arrived whole");
                    }
                }
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    /** The body of one HTTP/1.1 response with a Content-Length. */
    private static byte[] body(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed in the headers: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        assertTrue(headers.startsWith("HTTP/1.1 200"), headers);
        int length = headers.lines().filter(l -> l.regionMatches(true, 0, "Content-Length:", 0, 15))
                .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElseThrow();
        return in.readNBytes(length);
    }
}
