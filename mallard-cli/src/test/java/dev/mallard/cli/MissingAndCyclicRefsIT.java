package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What dbt-core 1.11 does with a data test whose ref() or source() names nothing (a stale
 * properties entry, a deleted model), and with a model that refs itself: checked against dbt.
 */
class MissingAndCyclicRefsIT {
    @TempDir
    Path dir;

    private static final String NOT_FOUND = "(models/schema.yml) depends on a node named '%s' in package '' which was not found";

    private TestProject staleProperties() {
        return TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: a
                            columns:
                              - name: id
                                data_tests:
                                  - not_null
                                  - relationships:
                                      arguments:
                                        to: ref('also_gone')
                                        field: id
                          - name: gone
                            columns:
                              - name: id
                                data_tests: [not_null, unique]
                        """);
    }

    @Test
    void testsOfAMissingModelAreWarnedAboutAndDoNotRun() {
        TestProject p = staleProperties();
        CommandResult r = p.runOk("build");
        r.assertOutContains("Did not find matching node for patch with name 'gone' in the 'models' section",
                "[WARNING]: Test 'test.proj.not_null_gone_id.", String.format(NOT_FOUND, "gone"),
                "[WARNING]: Test 'test.proj.relationships_a_id__id__ref_also_gone_.", String.format(NOT_FOUND, "also_gone"));
        List<String> ran = new ArrayList<>();
        p.json("target/run_results.json").path("results").forEach(x -> ran.add(x.path("unique_id").asText()));
        assertEquals(2, ran.size(), ran.toString());
        assertEquals("model.proj.a", ran.get(0));
        assertTrue(ran.get(1).startsWith("test.proj.not_null_a_id."), ran.toString());
        List<String> listed = List.of(p.runOk("ls").out().strip().split("\n"));
        assertEquals(List.of("proj.a", "proj.not_null_a_id"), listed);
    }

    @Test
    void theManifestKeepsThemInNodesDisabledWithTheParentsThatResolved() {
        TestProject p = staleProperties();
        p.runOk("parse");
        JsonNode manifest = p.json("target/manifest.json");
        JsonNode gone = node(manifest, "test.proj.not_null_gone_id.");
        assertFalse(gone.path("config").path("enabled").asBoolean(true));
        assertEquals(0, gone.path("depends_on").path("nodes").size());
        assertEquals("gone", gone.path("refs").path(0).path("name").asText());
        assertTrue(gone.path("attached_node").isNull(), gone.toString());
        assertFalse(node(manifest, "test.proj.unique_gone_id.").path("config").path("enabled").asBoolean(true));
        JsonNode rel = node(manifest, "test.proj.relationships_a_id__id__ref_also_gone_.");
        assertFalse(rel.path("config").path("enabled").asBoolean(true));
        assertEquals("[\"model.proj.a\"]", rel.path("depends_on").path("nodes").toString());
        assertEquals("model.proj.a", rel.path("attached_node").asText());
        String relId = rel.path("unique_id").asText();
        assertEquals("[]", manifest.path("parent_map").path(gone.path("unique_id").asText()).toString());
        assertEquals("[\"model.proj.a\"]", manifest.path("parent_map").path(relId).toString());
        assertTrue(manifest.path("child_map").path("model.proj.a").toString().contains(relId));
        assertEquals(0, manifest.path("disabled").size(), manifest.path("disabled").toString());
    }

    @Test
    void aSingularTestReadingAMissingModelOrSourceIsWarnedAboutAndDoesNotRun() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("tests/t_nope.sql", "select * from {{ ref('nope') }} where 1 = 0")
                .file("tests/t_src.sql", "select * from {{ source('s', 't') }} where 1 = 0");
        p.runOk("build").assertOutContains(
                "[WARNING]: Test 'test.proj.t_nope' (tests/t_nope.sql) depends on a node named 'nope' in package '' "
                        + "which was not found",
                "[WARNING]: Test 'test.proj.t_src' (tests/t_src.sql) depends on a source named 's.t' in package '' "
                        + "which was not found",
                "PASS=1");
        JsonNode nodes = p.json("target/manifest.json").path("nodes");
        assertFalse(nodes.path("test.proj.t_nope").path("config").path("enabled").asBoolean(true));
        assertFalse(nodes.path("test.proj.t_src").path("config").path("enabled").asBoolean(true));
    }

    @Test
    void aModelThatRefsItselfParsesButCommandsThatWalkTheGraphStopWithTheCycle() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/me.sql", "select * from {{ ref('me') }}");
        p.runOk("parse");
        JsonNode manifest = p.json("target/manifest.json");
        assertEquals("[\"model.proj.me\"]", manifest.path("parent_map").path("model.proj.me").toString());
        for (String command : List.of("ls", "compile", "run", "build")) {
            p.run(command, "--select", "a").assertExit(2).assertNoJavaInternals()
                    .assertErrContains("Found a cycle: model.proj.me", "models/me.sql");
        }
    }

    private static JsonNode node(JsonNode manifest, String idPrefix) {
        List<JsonNode> found = new ArrayList<>();
        manifest.path("nodes").forEach(n -> {
            if (n.path("unique_id").asText().startsWith(idPrefix)) {
                found.add(n);
            }
        });
        assertEquals(1, found.size(), "one node " + idPrefix + "* in " + manifest.path("nodes").toString());
        return found.get(0);
    }
}
