package dev.mallard.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest with sections large enough to be encoded on several threads: the file holds the
 * bytes one generator writing the whole document gives, in the document's order, and the
 * entry ranges kept for a patch are right (a patch of one entry gives the whole write of the
 * changed document).
 */
class ManifestFileLargeTest {
    @TempDir
    Path dir;

    @Test
    void largeSectionsAreWrittenInOrderWithTheBytesOfOneGenerator() throws IOException {
        Map<String, Object> document = document(null);
        Path file = ManifestFile.write(dir.resolve("manifest.json"), metadata("a"), () -> document, "parse-1");
        assertEquals(new ObjectMapper().writeValueAsString(document),
                Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void aPatchOfOneEntryOfALargeNodesSectionEqualsTheWholeWrite() throws IOException {
        Path file = dir.resolve("manifest.json");
        ManifestFile.write(file, metadata("a"), () -> document(null), "parse-1");
        Map<String, Object> changed = node(517, "changed ü");
        Map<String, Object> patchedDocument = document(changed);
        ManifestFile.writePatched(file, metadata("b"), "parse-1", "parse-2", () -> {
            throw new AssertionError("the previous body should have been patched, not the whole document written");
        }, Map.of("child_map", patchedDocument.get("child_map")), Map.of("model.p.m517", changed));
        assertEquals(new ObjectMapper().writeValueAsString(patchedDocument),
                Files.readString(file, StandardCharsets.UTF_8));
    }

    private static Map<String, Object> metadata(String invocation) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("invocation_id", invocation);
        return metadata;
    }

    /** metadata, 1,000 nodes (entry 517 replaced by {@code changed} when given), 300 macros, a small map. */
    private static Map<String, Object> document(Map<String, Object> changed) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("metadata", metadata(changed == null ? "a" : "b"));
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            nodes.put("model.p.m" + i, i == 517 && changed != null ? changed : node(i, "model \"" + i + "\""));
        }
        document.put("nodes", nodes);
        Map<String, Object> macros = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            macros.put("macro.p.x" + i, Map.of("name", "x" + i));
        }
        document.put("macros", macros);
        document.put("child_map", Map.of("model.p.m0", List.of(changed == null ? "a" : "b")));
        return document;
    }

    private static Map<String, Object> node(int i, String description) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", "m" + i);
        node.put("description", description);
        node.put("created_at", 1.5 + i);
        node.put("depends_on", List.of("model.p.m" + Math.max(0, i - 1)));
        node.put("enabled", i % 2 == 0);
        node.put("meta", null);
        return node;
    }
}
