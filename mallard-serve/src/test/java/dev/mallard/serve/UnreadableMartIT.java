package dev.mallard.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One broken Parquet file among good ones: the listings still answer, only that dataset fails. */
class UnreadableMartIT {
    @TempDir
    Path dir;

    @Test
    void aBrokenFileIsListedAsUnreadableAndTheOthersAreServed() throws Exception {
        Path marts = Files.createDirectories(dir.resolve("marts"));
        ServeHttp.duckdb("COPY (SELECT 1 AS id) TO '" + marts.resolve("good.parquet") + "' (FORMAT parquet)");
        Files.writeString(marts.resolve("junk.parquet"), "oops!");
        try (MartServer server = MartServer.start(DatasetCatalog.ofDirectory(marts),
                new MartServer.Options("127.0.0.1", 0, 1, null))) {
            ServeHttp http = new ServeHttp(server.url());
            ServeHttp.Reply list = http.get("/datasets");
            assertEquals(200, list.status(), list::toString);
            java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
            list.json().get("datasets").forEach(d -> byName.put(d.get("name").asText(), d));
            assertEquals("unreadable", byName.get("junk").get("source").asText());
            assertEquals("parquet", byName.get("good").get("source").asText());
            assertEquals(1, byName.get("good").get("row_count").asInt());
            assertEquals(200, http.get("/openapi.json").status());
            assertEquals(200, http.get("/datasets/good/rows").status());
            ServeHttp.Reply broken = http.get("/datasets/junk/rows");
            assertTrue(broken.status() >= 500 && broken.contentType().startsWith("application/problem+json"),
                    broken::toString);
        }
    }
}
