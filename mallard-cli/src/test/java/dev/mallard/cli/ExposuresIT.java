package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exposures from properties YAML: listed, selectable with exposure:, in the DAG, never built;
 * {@code build} reports each selected one as NO-OP (or skipped), as dbt Core 1.11 does.
 */
class ExposuresIT {
    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/b.sql", "select * from {{ ref('a') }}")
                .file("models/other.sql", "select 2 as id")
                .file("models/exposures.yml", """
                        version: 2
                        exposures:
                          - name: weekly
                            type: dashboard
                            owner: {name: Ana, email: ana@example.com}
                            depends_on:
                              - ref('b')
                          - name: retired
                            type: notebook
                            owner: {name: Bo}
                            config: {enabled: false}
                        """);
    }

    private static List<String> ls(TestProject p, String... args) {
        return p.runOk("ls", args).out().lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void exposuresAreListedAndSelectWhatFeedsThem() {
        TestProject p = project();
        assertEquals(List.of("exposure:proj.weekly"), ls(p, "--resource-type", "exposure"));
        assertEquals(List.of("exposure:proj.weekly"), ls(p, "--select", "exposure:weekly"));
        assertEquals(List.of("exposure:proj.weekly", "proj.a", "proj.b"), ls(p, "--select", "+exposure:weekly")
                .stream().sorted().toList());
        p.runOk("build", "--select", "+exposure:weekly").assertOutContains("PASS=2");
    }

    @Test
    void anExposureDependingOnSomethingElseThanRefOrSourceIsAnError() {
        TestProject p = project().file("models/exposures.yml", """
                version: 2
                exposures:
                  - name: weekly
                    type: dashboard
                    owner: {name: Ana}
                    depends_on: ['b']
                """);
        p.run("parse").assertExit(2).assertOutputContains("models/exposures.yml")
                .assertOutputContains("not a ref() or source() call");
    }

    private static Map<String, JsonNode> results(TestProject p) {
        Map<String, JsonNode> out = new HashMap<>();
        p.json("target/run_results.json").path("results").forEach(r -> out.put(r.path("unique_id").asText(), r));
        return out;
    }

    @Test
    void buildReportsAnExposureAsNoOpWithoutWaitingForTests() {
        TestProject p = project().file("models/a.yml", """
                version: 2
                models:
                  - name: b
                    columns:
                      - name: id
                        data_tests: [{accepted_values: {values: [2]}}]
                """);

        CommandResult r = p.run("build").assertExit(1);

        assertTrue(r.outLines().stream()
                .anyMatch(l -> l.matches("\\d of 5 NO-OP exposure weekly \\.+ \\[NO-OP in \\S+]")), r.transcript());
        r.assertOutContains("Done. PASS=3 WARN=0 ERROR=1 SKIP=0 NO-OP=1 TOTAL=5", "1 exposure");
        JsonNode weekly = results(p).get("exposure.proj.weekly");
        assertEquals("no-op", weekly.path("status").asText(), weekly.toString());
        assertEquals("NO-OP", weekly.path("message").asText());
        assertTrue(weekly.path("relation_name").isNull(), weekly.toString());
        assertTrue(weekly.path("adapter_response").isEmpty(), weekly.toString());
        // run does not take exposures, as in dbt
        p.runOk("run").assertOutContains("TOTAL=3");
    }

    @Test
    void anExposureAndTestsBelowAFailedModelAreSkippedByTypeAndName() {
        TestProject p = project().file("models/a.sql", "{{ config(materialized='table') }} select 'x'::int as id")
                .file("models/a.yml", """
                version: 2
                models:
                  - name: b
                    columns:
                      - name: id
                        data_tests: [not_null]
                """);

        CommandResult r = p.run("build").assertExit(1);

        r.assertOutContains("SKIP exposure weekly ", "SKIP test not_null_b_id ", "SKIP relation main.b ");
        Map<String, JsonNode> results = results(p);
        for (String id : List.of("exposure.proj.weekly", "model.proj.b")) {
            assertEquals("skipped", results.get(id).path("status").asText(), id);
            // dbt writes no message for a skipped node
            assertTrue(results.get(id).path("message").isNull(), results.get(id).toString());
        }
        assertTrue(results.get("exposure.proj.weekly").path("relation_name").isNull());
        JsonNode test = results.values().stream().filter(n -> n.path("unique_id").asText().startsWith("test."))
                .findFirst().orElseThrow();
        assertTrue(test.path("relation_name").isNull(), test.toString());
    }
}
