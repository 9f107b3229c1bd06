package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbt's flags, with dbt's meaning: unknown options, --warn-error, --empty, --target-path, compile/show/ls output. */
class DbtFlagsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("seeds/people.csv", "id,name\n1,Ada\n1,Bruno\n")
                .file("models/names.sql", "{{ config(materialized='table', tags=['daily']) }}\n"
                        + "select id, name from {{ ref('people') }}")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: names
                            columns:
                              - name: id
                                data_tests: [unique]
                        """);
    }

    @Test
    void anUnknownOptionIsAnErrorWhereverItStandsEvenAfterSelect() {
        TestProject p = project();
        for (List<String> args : List.of(List.of("-s", "names", "--ful-refresh"), List.of("--select", "names",
                "people", "--ful-refresh"), List.of("--ful-refresh", "-s", "names"))) {
            p.run("run", args.toArray(String[]::new)).assertExit(2)
                    .assertErrContains("Error: No such option '--ful-refresh'. Did you mean '--full-refresh'?",
                            "Usage: mallard run [OPTIONS]");
        }
        assertFalse(Files.exists(p.dir().resolve("target/run_results.json")), "nothing ran");
        TestProject.execute("--no-such-global", "ls").assertExit(2).assertErrContains("No such option '--no-such-global'");
    }

    @Test
    void warnErrorTurnsAWarningIntoAnErrorAndWarnErrorOptionsCanSilenceIt() {
        TestProject p = project();
        p.run("run", "-s", "nothing_matches").assertOk()
                .assertOutContains("The selection criterion 'nothing_matches' does not match any enabled nodes");
        p.run("run", "-s", "nothing_matches", "--warn-error").assertExit(2)
                .assertErrContains("does not match any enabled nodes");
        // as in dbt, "Nothing to do" is a warning of its own
        p.run("run", "-s", "nothing_matches", "--warn-error-options", "{error: all, warn: [NoNodesForSelectionCriteria]}")
                .assertExit(2).assertErrContains("Nothing to do");
        p.run("run", "-s", "nothing_matches", "--warn-error-options",
                "{error: all, warn: [NoNodesForSelectionCriteria, NothingToDo]}").assertOk();
        CommandResult silenced = p.run("run", "-s", "nothing_matches", "--warn-error-options",
                "{silence: [NoNodesForSelectionCriteria]}").assertOk();
        assertFalse(silenced.out().contains("does not match"), silenced.out());
    }

    @Test
    void emptyBuildsTheModelsWithNoRowsAndStoreFailuresKeepsTheFailingRows() {
        TestProject p = project();
        p.run("build", "--empty").assertOk();
        assertEquals("0", p.rows("select count(*) from names").get(0).get(0));
        assertEquals("2", p.rows("select count(*) from people").get(0).get(0), "seeds load whole");
        p.run("build", "--store-failures").assertFailed();
        assertEquals("1", p.rows("select count(*) from main_dbt_test__audit.unique_names_id").get(0).get(0));
    }

    @Test
    void targetPathAndItsEnvironmentVariableMoveTheArtifacts() {
        TestProject p = project();
        p.run("parse", "--target-path", "elsewhere").assertOk();
        assertTrue(Files.isRegularFile(p.dir().resolve("elsewhere/manifest.json")));
        assertFalse(Files.exists(p.dir().resolve("target/manifest.json")));
        p.run("parse", "--no-partial-parse").assertOk();
        p.run("parse", "--partial-parse").assertOk();
    }

    @Test
    void compilePrintsTheSqlOfOneSelectedNodeAndOfInlineSql() {
        TestProject p = project();
        p.run("compile", "-s", "names").assertOk()
                .assertOutContains("Compiled node 'names' is:\n", "select id, name from \"proj\".\"main\".\"people\"");
        String quiet = p.run("compile", "-s", "names", "--quiet").assertOk().out();
        assertEquals("select id, name from \"proj\".\"main\".\"people\"", quiet.strip(), "--quiet: the SQL alone");
        p.run("compile", "--inline", "select count(*) from {{ ref('names') }}").assertOk()
                .assertOutContains("Compiled inline node is:\nselect count(*) from \"proj\".\"main\".\"names\"");
    }

    @Test
    void showWritesJsonAndLsWritesDbtsKeys() throws IOException {
        TestProject p = project();
        p.run("seed").assertOk();
        JsonNode shown = JSON.readTree(p.run("show", "-s", "people", "--output", "json", "--quiet").assertOk().out());
        assertEquals("people", shown.path("node").asText());
        assertEquals("Ada", shown.path("show").get(0).path("name").asText());
        assertEquals(1, shown.path("show").get(0).path("id").asInt());

        String line = p.run("ls", "-s", "names", "--resource-type", "model", "--output", "json").assertOk().out().strip();
        JsonNode listed = JSON.readTree(line);
        assertEquals(List.of("name", "resource_type", "package_name", "original_file_path", "unique_id", "alias",
                "config", "tags", "depends_on"), iterate(listed));
        assertEquals("table", listed.path("config").path("materialized").asText());
        assertEquals("daily", listed.path("tags").get(0).asText());
        assertEquals("seed.proj.people", listed.path("depends_on").path("nodes").get(0).asText());
        JsonNode keys = JSON.readTree(p.run("ls", "-s", "names", "--resource-type", "model", "--output", "json",
                "--output-keys", "name", "unique_id").assertOk().out().strip());
        assertEquals(List.of("name", "unique_id"), iterate(keys));
        // dbt's cache and parser flags are accepted, before or after the command, and change nothing
        TestProject.execute("--no-populate-cache", "ls", "--project-dir", p.dir().toString(), "-s", "names",
                "--cache-selected-only", "--static-parser", "--no-use-experimental-parser", "--log-cache-events")
                .assertOk().assertOutContains("proj.names");
        // each line is json.dumps's text, as dbt prints it; --resource-types is the same flag, as in dbt
        p.run("ls", "-s", "names", "--resource-types", "model", "--output", "json", "--output-keys", "name",
                "unique_id").assertOk().assertOutContains("{\"name\": \"names\", \"unique_id\": \"model.proj.names\"}");

        p.run("ls", "-s", "no_such_node").assertOk().assertOutContains(
                "The selection criterion 'no_such_node' does not match any enabled nodes", "No nodes selected!");
    }

    @Test
    void warnErrorMakesAWarningTestFailAsInDbt() throws IOException {
        TestProject p = TestProject.in(dir.resolve("we")).dbtProject()
                .file("models/m.sql", "select 1 as id union all select 1")
                .file("models/s.yml", """
                        version: 2
                        models:
                          - name: m
                            columns:
                              - name: id
                                data_tests:
                                  - unique:
                                      config:
                                        severity: warn
                        """);
        p.run("build").assertOk().assertOutContains("WARN=1");
        p.run("build", "--warn-error").assertExit(1).assertOutContains("ERROR=1", "configured to fail if != 0");
        JsonNode results = JSON.readTree(p.dir().resolve("target/run_results.json").toFile()).path("results");
        assertEquals("fail", results.get(1).path("status").asText());
        p.run("build", "--warn-error-options", "{error: [LogTestResult]}").assertExit(1);
        p.run("build", "--warn-error-options", "{error: all, warn: [LogTestResult]}").assertOk();
    }

    private static List<String> iterate(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
