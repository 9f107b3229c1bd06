package dev.mallard.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.graph.Dag;
import dev.mallard.core.graph.Linker;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.parse.Parser;
import dev.mallard.core.parse.YamlValueRenderer;
import dev.mallard.core.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * manifest.json written again for the same parse: the new file is this invocation's metadata
 * and the old body, byte for byte what a whole write gives; a body another writer changed,
 * or compiled code, writes the whole document.
 */
class ManifestFileTest {
    private static final Instant PARSED_AT = Instant.parse("2026-03-01T10:00:00.123456Z");

    @TempDir
    Path dir;
    private Parser.Result parsed;
    private Dag dag;

    @BeforeEach
    void parse() throws IOException {
        Files.writeString(dir.resolve("profiles.yml"),
                "proj:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: proj.duckdb\n");
        Files.writeString(dir.resolve("dbt_project.yml"), "name: proj\nversion: '1.0'\nprofile: proj\n");
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/a.sql"), "select 1 as x -- é\n");
        Files.writeString(dir.resolve("models/b.sql"), "select * from {{ ref('a') }}\n");
        Warnings warnings = new Warnings();
        parsed = new Parser(new ProjectLoader(Map.of(), (cli, vars) -> new YamlValueRenderer(cli), warnings)
                .load(new ProjectLoader.Options(dir, dir, null, null, Map.of())), warnings).parse();
        dag = new Linker(parsed.manifest(), parsed.disabledNames()).link();
    }

    @Test
    void theSameParsesManifestReusesTheBodyAndOnlyTheMetadataDiffers() throws IOException {
        Path file = write("first", Map.of());
        String first = Files.readString(file);
        assertTrue(Files.exists(dir.resolve("target/.manifest.json.body")));
        write("second", Map.of());
        String second = Files.readString(file);
        assertNotEquals(first, second);
        JsonNode a = new ObjectMapper().readTree(first);
        JsonNode b = new ObjectMapper().readTree(second);
        assertEquals("second", b.get("metadata").get("invocation_id").asText());
        assertEquals(a.get("nodes"), b.get("nodes"));
        assertEquals(withoutMetadata(first), withoutMetadata(second));
        assertEquals(Timestamps.epochSeconds(PARSED_AT),
                b.get("nodes").get("model.proj.a").get("created_at").asDouble(), 1e-6);
        // the same bytes as a whole write of the same invocation
        Files.delete(dir.resolve("target/.manifest.json.body"));
        write("second", Map.of());
        assertEquals(withoutMetadata(second), withoutMetadata(Files.readString(file)));
    }

    @Test
    void aBodyChangedByAnotherWriterOrCompiledCodeIsWrittenWhole() throws IOException {
        Path file = write("first", Map.of());
        String whole = Files.readString(file);
        Files.writeString(file, whole.replace("select 1 as x", "select 9 as x"));
        write("second", Map.of());
        String rewritten = Files.readString(file);
        assertTrue(rewritten.contains("select 1 as x"), "the damaged body is not copied");
        new ObjectMapper().readTree(rewritten);

        write("third", Map.of(new NodeId("model.proj.b"), "select * from a"));
        assertFalse(Files.exists(dir.resolve("target/.manifest.json.body")), "compiled code is this invocation's");
        assertTrue(Files.readString(file).contains("\"compiled_code\":\"select * from a\""));
        write("fourth", Map.of());
        assertFalse(Files.readString(file).contains("compiled_code\":\"select * from a"));
    }

    @Test
    void aDocumentWrittenValueByValueGivesTheBytesOfOneGenerator() throws IOException {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("metadata", Map.of("invocation_id", "x"));
        for (int size : new int[] {1000, 1001}) {
            Map<String, Object> big = new java.util.LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                big.put("node.\u00e9." + i, i % 3 == 0 ? Map.of() : java.util.List.of(i, "q\"uote", Map.of("k", 1.5)));
            }
            doc.put("nodes" + size, big);
        }
        doc.put("empty", Map.of());
        Path parts = ManifestFile.write(dir.resolve("parts.json"), Map.of(), () -> doc, null);
        Path whole = JsonArtifact.write(dir.resolve("whole.json"), doc);
        assertEquals(Files.readString(whole), Files.readString(parts));
    }

    private Path write(String invocationId, Map<NodeId, String> compiled) {
        ArtifactMetadata metadata = ArtifactMetadata.now(invocationId, Instant.now(), "duckdb", "test");
        return new ManifestWriter(metadata).write(dir.resolve("target"), parsed.manifest(), dag, compiled, PARSED_AT);
    }

    private static String withoutMetadata(String json) {
        return json.substring(json.indexOf(",\"nodes\":"));
    }
}
