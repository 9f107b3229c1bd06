package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build on two threads does what one thread does: every node built and committed, the same
 * results, manifest.json, run_results.json and the last build's record whole when the command
 * returns; and the parse saved by a {@code --threads 1} build serves a {@code --threads 2} one.
 */
class ThreadsBuildIT {
    private static final int LEAVES = 8;

    @TempDir
    Path dir;

    private TestProject project() {
        TestProject p = TestProject.in(dir).dbtProject("models:\n  proj:\n    +materialized: table\n")
                .file("models/base.sql", "select range as id from range(1000)")
                .file("models/broken.sql", "select * from nowhere")
                .file("models/after_broken.sql", "select * from {{ ref('broken') }}")
                .file("models/schema.yml", "version: 2\nmodels:\n  - name: leaf_1\n    columns:\n"
                        + "      - name: n\n        data_tests: [not_null]\n");
        for (int i = 1; i <= LEAVES; i++) {
            p.file("models/leaf_" + i + ".sql", "select count(*) + " + i + " as n from {{ ref('base') }} where id % "
                    + (i + 1) + " = 0");
        }
        return p;
    }

    @Test
    void twoThreadsBuildWhatOneDoesWithWholeArtifacts() throws Exception {
        TestProject p = project();
        p.run("build", "--threads", "1").assertExit(1);
        Map<String, String> oneThread = statuses(p.json("target/run_results.json"));
        JsonNode manifestOne = p.json("target/manifest.json");
        Files.delete(p.databaseFile());
        Files.deleteIfExists(p.databaseFile().resolveSibling(p.databaseFile().getFileName() + ".wal"));

        CommandResult two = p.run("build", "--threads", "2", "--log-level", "debug").assertExit(1);
        // whole, or file by file when the files are too new for their stamps to be trusted (as here)
        assertTrue(java.util.regex.Pattern.compile("reused whole|\\((\\d+) of \\1 saved files reused\\)")
                .matcher(two.all()).find(), "the parse saved at --threads 1 serves --threads 2:\n" + two.all());

        JsonNode results = p.json("target/run_results.json");
        assertEquals(oneThread, statuses(results));
        assertEquals(LEAVES + 4, results.path("results").size(), "base, the leaves, broken, after_broken, one test");
        assertEquals(2, results.path("args").path("threads").asInt());
        JsonNode manifest = p.json("target/manifest.json");
        JsonNode record = p.json("target/last_build/manifest.json").path("nodes");
        for (int i = 1; i <= LEAVES; i++) {
            String id = "model.proj.leaf_" + i;
            assertEquals(List.of(List.of(String.valueOf(999 / (i + 1) + 1 + i))), p.rows("select n from leaf_" + i), id);
            assertEquals(manifestOne.path("nodes").path(id).path("compiled_code"),
                    manifest.path("nodes").path(id).path("compiled_code"), id);
            assertTrue(manifest.path("nodes").path(id).path("compiled").asBoolean(), id);
            assertTrue(record.has(id), id + " in the last build's record");
        }
        assertFalse(record.has("model.proj.broken"), "a failed model is not recorded as built");
        assertEquals(List.of(List.of("1000")), p.rows("select count(*) from base"));
    }

    @Test
    void aModelReadingTheThreadCountSeesTheCurrentOne() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/threads_seen.sql", "{{ config(tags=['t' ~ target.threads]) }}\n"
                        + "select {{ target.threads }} as threads");
        p.run("build", "--threads", "1").assertOk();
        assertEquals(List.of(List.of("1")), p.rows("select threads from threads_seen"));
        assertEquals("t1", p.json("target/manifest.json").path("nodes").path("model.proj.threads_seen")
                .path("tags").path(0).asText());
        p.run("build", "--threads", "2").assertOk();
        assertEquals(List.of(List.of("2")), p.rows("select threads from threads_seen"));
        assertEquals("t2", p.json("target/manifest.json").path("nodes").path("model.proj.threads_seen")
                .path("tags").path(0).asText());
    }

    private static Map<String, String> statuses(JsonNode runResults) {
        Map<String, String> out = new TreeMap<>();
        runResults.path("results").forEach(r -> out.put(r.path("unique_id").asText(), r.path("status").asText()));
        return out;
    }
}
