package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mallard's manifest reads as dbt's for state comparison: conformance/state/project parsed by
 * Mallard has the checksums, code and project macros dbt 1.11.16 recorded for it
 * (conformance/state/expected/dbt_manifest.json, written by {@code conformance/state/run.sh record}),
 * and taking dbt's manifest as {@code --state} selects nothing as modified.
 */
class StateParityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields of a node compared with dbt's (a test's config holds warn_if, error_if, fail_calc, ...). */
    private static final List<String> FIELDS = List.of("checksum", "raw_code", "unrendered_config", "config", "fqn",
            "path", "original_file_path", "relation_name", "refs", "sources", "docs", "contract", "test_metadata",
            "column_name", "attached_node", "file_key_name", "alias", "schema", "tags", "meta", "description");

    @TempDir
    Path dir;

    @TempDir
    Path state;

    private static Path conformanceState() {
        return TestProject.examplesDir().getParent().resolve("conformance").resolve("state");
    }

    private TestProject project() {
        TestProject.copyTree(conformanceState().resolve("project"), dir);
        // the profile state_parity.py gives both tools: sources compare their database too
        return TestProject.in(dir).named("state_parity").file("profiles.yml", """
                state_parity:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: state.duckdb
                """);
    }

    private void dbtState() throws IOException {
        Files.copy(conformanceState().resolve("expected").resolve("dbt_manifest.json"), state.resolve("manifest.json"));
    }

    private List<String> ls(TestProject p, String selector, String... more) {
        List<String> args = new ArrayList<>(List.of("--output", "name", "--select", selector, "--state",
                state.toString()));
        args.addAll(List.of(more));
        // the listed names; log lines (dbt's "No nodes selected!" warning) carry a time
        return p.runOk("ls", args.toArray(String[]::new)).out().lines().filter(l -> !l.isBlank())
                .filter(l -> !l.matches("^\\d\\d:\\d\\d:\\d\\d .*")).sorted().toList();
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    @Test
    void checksumsCodeAndMacrosAreThoseDbtRecordedForTheSameFiles() throws IOException {
        TestProject p = project();
        p.runOk("parse");
        JsonNode mine = read(dir.resolve("target/manifest.json"));
        JsonNode dbt = read(conformanceState().resolve("expected/dbt_manifest.json"));
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = dbt.path("nodes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode node = mine.path("nodes").path(e.getKey());
            assertFalse(node.isMissingNode(), "Mallard has no node " + e.getKey());
            for (String field : FIELDS) {
                assertEquals(e.getValue().path(field), node.path(field), field + " of " + e.getKey());
            }
            assertEquals(e.getValue().path("depends_on").path("nodes"), node.path("depends_on").path("nodes"),
                    "depends_on.nodes of " + e.getKey());
            compared++;
        }
        assertEquals(dbt.path("nodes").size(), compared);
        for (Iterator<Map.Entry<String, JsonNode>> it = dbt.path("macros").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode macro = mine.path("macros").path(e.getKey());
            assertEquals(e.getValue().path("macro_sql"), macro.path("macro_sql"), "macro_sql of " + e.getKey());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = dbt.path("sources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode source = mine.path("sources").path(e.getKey());
            assertEquals(e.getValue().path("unrendered_config"), source.path("unrendered_config"), e.getKey());
            assertEquals(e.getValue().path("loaded_at_field"), source.path("loaded_at_field"), e.getKey());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = dbt.path("exposures").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode exposure = mine.path("exposures").path(e.getKey());
            for (String field : List.of("name", "fqn", "path", "original_file_path", "type", "owner", "label",
                    "maturity", "url", "description", "meta", "tags", "config", "unrendered_config", "refs", "sources")) {
                assertEquals(e.getValue().path(field), exposure.path(field), field + " of " + e.getKey());
            }
        }
        assertEquals(1, dbt.path("exposures").size());
        assertEquals(List.of("macro.state_parity.double"),
                JSON.convertValue(mine.path("nodes").path("model.state_parity.base").path("depends_on").path("macros"),
                        List.class).subList(0, 1));
        assertTrue(mine.path("docs").has("doc.dbt.__overview__"), "the docs site opens on the overview");
    }

    @Test
    void dbtsManifestAsStateSelectsNothingModifiedUntilAFileChanges() throws IOException {
        TestProject p = project();
        dbtState();
        assertEquals(List.of(), ls(p, "state:modified"));

        // whitespace around the code is not a change, as dbt strips it before hashing
        p.file("models/marts/summary.sql", "\n\n" + p.read("models/marts/summary.sql") + "\n\n\n");
        assertEquals(List.of(), ls(p, "state:modified"));

        p.file("models/marts/summary.sql", p.read("models/marts/summary.sql").replace("union all", "union"));
        assertEquals(List.of("summary"), ls(p, "state:modified", "--resource-type", "model"));
    }

    @Test
    void aChangedMacroModifiesTheNodesThatCallItDirectlyOrThroughAnotherMacro() throws IOException {
        TestProject p = project();
        p.file("models/other.sql", "select {{ spaced(1) }} as x")
                .file("models/plain.sql", "select 1 as x");
        p.runOk("parse");
        TestProject.copyTree(dir.resolve("target"), state);
        assertEquals(List.of(), ls(p, "state:modified"));

        // base calls double; other calls spaced, which calls double
        p.file("macros/double.sql", p.read("macros/double.sql").replace("* 2", "* 3"));
        assertEquals(List.of("base", "other"), ls(p, "state:modified", "--resource-type", "model"));
        assertEquals(List.of("base", "other"), ls(p, "state:modified.macros", "--resource-type", "model"));
        assertEquals(List.of(), ls(p, "state:modified.body", "--resource-type", "model"));
    }

    @Test
    void aSeedOverOneMebibyteIsRecordedByItsPathAsDbtDoes() throws Exception {
        StringBuilder csv = new StringBuilder("id,txt\n");
        for (int i = 0; csv.length() <= 1024 * 1024; i++) {
            csv.append(i).append(",abcdefghijklmnopqrstuvwxyz\n");
        }
        TestProject p = TestProject.in(dir).dbtProject().file("seeds/large.csv", csv.toString())
                .file("seeds/small.csv", "id\n1\n\n");
        p.runOk("parse");
        JsonNode nodes = read(dir.resolve("target/manifest.json")).path("nodes");
        assertEquals("path", nodes.path("seed." + p.name() + ".large").path("checksum").path("name").asText());
        assertEquals("seeds/large.csv", nodes.path("seed." + p.name() + ".large").path("checksum").path("checksum")
                .asText());
        // the sha256 of the file's text stripped: "id\n1"
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest("id\n1".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                nodes.path("seed." + p.name() + ".small").path("checksum").path("checksum").asText());
    }
}
