package dev.mallard.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.Warnings;
import dev.mallard.core.graph.Dag;
import dev.mallard.core.graph.Linker;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.SourceNode;
import dev.mallard.core.parse.Parser;
import dev.mallard.core.parse.YamlValueRenderer;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest large enough for its entries to be made on several threads: each entry, and the
 * order of every section, is what making them one by one gives (tests with their models'
 * primary keys, sources, refs between models), and manifest.json (entries made as they are
 * written, more than one chunk of them) holds that document's bytes.
 */
class ManifestEntriesParallelTest {
    @TempDir
    Path dir;

    @Test
    void entriesMadeInParallelAreThoseMadeOneByOne() throws IOException {
        write("dbt_project.yml", "name: proj\nversion: '1.0'\nconfig-version: 2\nprofile: proj\n");
        write("profiles.yml", "proj:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: p.duckdb\n");
        StringBuilder yml = new StringBuilder("version: 2\nsources:\n  - name: raw\n    tables:\n      - name: t\n"
                + "models:\n");
        for (int i = 0; i < 400; i++) {
            String from = i == 0 ? "{{ source('raw', 't') }}" : "{{ ref('m" + (i - 1) + "') }}";
            write("models/g" + i / 50 + "/m" + i + ".sql", "select " + i + " as id from " + from + "\n");
            yml.append("  - name: m").append(i).append("\n    columns:\n      - name: id\n")
                    .append("        data_tests: [unique, not_null]\n");
        }
        write("models/schema.yml", yml.toString());
        Project project = new ProjectLoader(Map.of(), (cliVars, projectVars) -> new YamlValueRenderer(cliVars),
                new Warnings()).load(new ProjectLoader.Options(dir, dir, null, null, Map.of()));
        Parser.Result parsed = new Parser(project).parse();
        Manifest manifest = parsed.manifest();
        Dag dag = new Linker(manifest, parsed.disabledNames()).link();
        assertTrue(manifest.nodes().size() > 1024, "enough nodes for the parallel path: " + manifest.nodes().size());

        Map<String, Object> document = new ManifestWriter(ManifestWriterTest.META).document(manifest, dag, Map.of(),
                "target");
        double createdAt = Timestamps.epochSeconds(ManifestWriterTest.META.generatedAt());
        NodeEntries nodeEntries = new NodeEntries(createdAt, "target", manifest);
        SourceEntries sourceEntries = new SourceEntries(createdAt);
        Map<String, Object> nodes = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        for (Node n : manifest.nodes().values()) {
            if (n instanceof SourceNode s) {
                sources.put(n.id().value(), sourceEntries.entry(s));
            } else {
                nodes.put(n.id().value(), nodeEntries.entry(n, dag.parents(n.id()), null));
            }
        }
        assertEquals(nodes, document.get("nodes"));
        assertEquals(new ArrayList<>(nodes.keySet()), new ArrayList<>(((Map<?, ?>) document.get("nodes")).keySet()));
        assertEquals(sources, document.get("sources"));
        assertEquals(List.of("id"), ((Map<?, ?>) nodes.get("model.proj.m7")).get("primary_key"), "from its tests");

        // manifest.json, whose entries are made as they are written, a chunk at a time: the same document
        Path file = new ManifestWriter(ManifestWriterTest.META).write(dir.resolve("target"), manifest, dag, Map.of(),
                ManifestWriterTest.META.generatedAt(), null);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(json.valueToTree(document), json.readTree(file.toFile()));
        assertEquals(json.writeValueAsString(document), Files.readString(file), "the same bytes, in the same order");
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
