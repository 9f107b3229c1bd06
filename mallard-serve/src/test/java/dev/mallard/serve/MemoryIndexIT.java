package dev.mallard.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of the in-memory index: the same requests to a server that answers from
 * {@link MemoryTable} where it can and to one that always runs SQL must give byte-identical
 * bodies, over every column type, nulls, unicode, and requests the index declines.
 */
class MemoryIndexIT {
    @TempDir
    static Path dir;

    static MartServer indexed;
    static MartServer sqlOnly;
    static ServeHttp withIndex;
    static ServeHttp withSql;

    @BeforeAll
    static void start() throws Exception {
        Path marts = Files.createDirectories(dir.resolve("marts"));
        ServeHttp.duckdb("COPY (SELECT CAST(i AS INTEGER) AS id, i % 37 AS bucket, CAST(i % 5 AS SMALLINT) AS small, "
                + "CASE WHEN i % 11 = 0 THEN NULL ELSE ['alpha', 'Beta', 'gamma', 'éclair', '日本', 'z😀', ''][1 + i % 7] END AS word, "
                + "i % 3 = 0 AS flag, CASE i WHEN 17 THEN DATE '10000-01-01' WHEN 18 THEN DATE '0044-03-15' "
                + "ELSE DATE '2026-01-01' + CAST(i % 40 AS INTEGER) END AS day, "
                + "CAST(i * 0.25 AS DECIMAL(12, 2)) AS amount, TIMESTAMP '2026-01-01' + to_minutes(i) AS at, "
                + "i / 7.0 AS ratio, CAST('b' || (i % 3) AS BLOB) AS raw, "
                // values whose JSON needs escapes or special number handling, pre-written and formatted alike
                + "CASE i % 6 WHEN 0 THEN 'q\"uote\\back' WHEN 1 THEN 'tab' || chr(9) || 'ctl' || chr(1) "
                + "WHEN 2 THEN '</script> ' || chr(8232) WHEN 3 THEN NULL ELSE 'n' || i END AS \"odd \"\"name\"\"\", "
                + "CASE i % 5 WHEN 0 THEN 'nan'::DOUBLE WHEN 1 THEN 'inf'::DOUBLE WHEN 2 THEN '-0.0'::DOUBLE "
                + "ELSE i * 1e300 END AS d, CAST(i AS HUGEINT) * 1000000000000000000000 AS big "
                + "FROM range(5000) t(i)) TO '" + marts.resolve("facts.parquet") + "' (FORMAT parquet)");
        indexed = MartServer.start(DatasetCatalog.ofDirectory(marts),
                new MartServer.Options("127.0.0.1", 0, 2, null, false, true));
        sqlOnly = MartServer.start(DatasetCatalog.ofDirectory(marts),
                new MartServer.Options("127.0.0.1", 0, 2, null, false, false));
        withIndex = new ServeHttp(indexed.url());
        withSql = new ServeHttp(sqlOnly.url());
        assertEquals(200, withIndex.get("/datasets/facts/rows?limit=1").status());
        for (int i = 0; i < 200 && !indexed.reader().memoryReady("facts"); i++) {
            Thread.sleep(50);
        }
        assertTrue(indexed.reader().memoryReady("facts"), "the version was copied into memory");
        assertTrue(indexed.reader().memoryPrewritten("facts"), "its rows were pre-written as JSON");
    }

    @AfterAll
    static void stop() {
        for (MartServer s : new MartServer[] {indexed, sqlOnly}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static void same(String pathAndQuery) {
        ServeHttp.Reply a = withIndex.get(pathAndQuery);
        ServeHttp.Reply b = withSql.get(pathAndQuery);
        assertEquals(b.status(), a.status(), () -> pathAndQuery + "\nindex: " + a + "\nsql:   " + b);
        assertEquals(b.contentType(), a.contentType(), pathAndQuery);
        assertEquals(b.source(), a.source(), pathAndQuery);
        assertArrayEquals(b.body(), a.body(), () -> pathAndQuery + "\nindex: " + a.text() + "\nsql:   " + b.text());
    }

    @Test
    void handPickedRequestsGiveTheSameBodies() {
        long before = indexed.reader().memoryAnswers.get();
        long quickBefore = indexed.quickAnswers();
        List<String> answeredFromMemory = List.of(
                "/datasets/facts/rows?bucket=5",
                "/datasets/facts/rows?bucket=in:1,2,3&limit=500",
                "/datasets/facts/rows?word=%C3%A9clair&columns=id,word,at,ratio&limit=20&offset=10",
                "/datasets/facts/rows?word=z%F0%9F%98%80&order=-id&limit=3",
                "/datasets/facts/rows?word=&limit=3",
                "/datasets/facts/rows?flag=true&small=4&day=2026-01-07",
                "/datasets/facts/rows?bucket=in:1,2&order=word,-id&limit=50",
                "/datasets/facts/rows?bucket=in:1,2&order=day,flag,id&limit=60",
                "/datasets/facts/rows?word=is:null&limit=5&order=-small,id",
                "/datasets/facts/rows?bucket=9&format=csv",
                "/datasets/facts/rows?id=4999",
                "/datasets/facts/rows?id=5000",
                "/datasets/facts/rows?bucket=%2B7&limit=2",
                "/datasets/facts/rows?limit=10&offset=4990",
                "/datasets/facts/rows?bucket=in:17,18&order=day,id",
                "/datasets/facts/rows?small=2&order=day&limit=40&offset=20",
                "/datasets/facts/rows?bucket=in:1,2,3,4,5,6&columns=d,big,id&limit=100",
                "/datasets/facts/rows?bucket=in:7,8,9&columns=odd%20%22name%22,raw,d&limit=100",
                "/datasets/facts/rows?small=3&columns=big,odd%20%22name%22,big,word&limit=200");
        answeredFromMemory.forEach(MemoryIndexIT::same);
        assertEquals(answeredFromMemory.size(), indexed.reader().memoryAnswers.get() - before,
                "each of these was answered from memory");
        // the JSON ones without escapes in the URL skipped Javalin (and gave the same bytes and headers)
        assertEquals(answeredFromMemory.stream().filter(r -> !r.contains("%") && !r.contains("format=csv")).count(),
                indexed.quickAnswers() - quickBefore, "answered by the quick path");
        assertEquals(0, sqlOnly.quickAnswers(), "with neither memory nor cache, every request goes to Javalin");

        assertTrue(withIndex.get("/datasets/facts/rows?id=1").text().contains("\"raw\":\"YjE=\""),
                "a BLOB is base64, not the driver's object");

        // declined by the index (comparisons, like, doubles, non-canonical values, bad values): the SQL answers
        List.of("/datasets/facts/rows?bucket=gt:30&limit=5",
                "/datasets/facts/rows?word=like:%25a%25&limit=5",
                "/datasets/facts/rows?ratio=1&limit=5",
                "/datasets/facts/rows?amount=1.25",
                "/datasets/facts/rows?order=ratio&limit=5",
                "/datasets/facts/rows?bucket=%207",
                "/datasets/facts/rows?day=2026-1-7&limit=3",
                "/datasets/facts/rows?small=99999",
                "/datasets/facts/rows?flag=yes&limit=2",
                "/datasets/facts/rows?day=2026-02-30").forEach(MemoryIndexIT::same);

        // a broken %-escape is a 400, not a filter silently dropped (sent raw: java.net.URI refuses it)
        for (MartServer server : new MartServer[] {indexed, sqlOnly}) {
            assertEquals(400, rawStatus(server, "/datasets/facts/rows?bucket=5&word=%zz"));
            assertEquals(400, rawStatus(server, "/datasets/facts/rows?bucket=%"));
        }
    }

    private static int rawStatus(MartServer server, String target) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void randomRequestsGiveTheSameBodies() throws InterruptedException {
        randomRequests(7, 300).forEach(MemoryIndexIT::same);
        // the first column looked up groups the pre-written rows in the background; answers stay the same
        for (int i = 0; i < 200 && !indexed.reader().memoryClustered("facts"); i++) {
            Thread.sleep(50);
        }
        assertTrue(indexed.reader().memoryClustered("facts"), "the pre-written rows were grouped by a column");
        randomRequests(8, 100).forEach(MemoryIndexIT::same);
        List.of("/datasets/facts/rows?bucket=5", "/datasets/facts/rows?bucket=5&limit=3&offset=2",
                "/datasets/facts/rows?bucket=6&offset=200", "/datasets/facts/rows?bucket=36&limit=10000",
                "/datasets/facts/rows?bucket=99", "/datasets/facts/rows?id=4999",
                "/datasets/facts/rows?word=Beta&limit=7&offset=3").forEach(MemoryIndexIT::same);
    }

    private static List<String> randomRequests(long seed, int count) {
        Random random = new Random(seed);
        String[] words = {"alpha", "Beta", "gamma", "%C3%A9clair", "%E6%97%A5%E6%9C%AC", "nope", "is:null", "is:not_null"};
        // ties included (order=small, order=word): both paths break them by file order, so pages agree
        String[] orders = {"", "&order=id", "&order=-id", "&order=word,id", "&order=-day,-id", "&order=flag,small,-id",
            "&order=small", "&order=-word", "&order=day", "&order=flag,-small"};
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder q = new StringBuilder("/datasets/facts/rows?limit=" + (1 + random.nextInt(120)));
            if (random.nextBoolean()) {
                q.append("&bucket=").append(random.nextInt(40));
            } else {
                q.append("&bucket=in:").append(random.nextInt(40)).append(',').append(random.nextInt(40));
            }
            if (random.nextInt(3) == 0) {
                q.append("&word=").append(words[random.nextInt(words.length)]);
            }
            if (random.nextInt(4) == 0) {
                q.append("&small=").append(random.nextInt(6));
            }
            if (random.nextInt(4) == 0) {
                q.append("&offset=").append(random.nextInt(30));
            }
            q.append(orders[random.nextInt(orders.length)]);
            if (random.nextInt(5) == 0) {
                q.append("&format=csv");
            }
            requests.add(q.toString());
        }
        return requests;
    }
}
