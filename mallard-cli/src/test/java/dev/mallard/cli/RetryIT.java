package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mallard retry: the last run, seed or build again, for the nodes that errored or were skipped. */
class RetryIT {
    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("profiles.yml", """
                        proj:
                          target: dev
                          outputs:
                            dev: {type: duckdb, path: dev.duckdb}
                            ci: {type: duckdb, path: ci.duckdb}
                        """)
                .file("seeds/raw_orders.csv", "id,amount\n1,10\n2,20\n")
                .file("models/stg_orders.sql", "select * from {{ ref('raw_orders') }}")
                .file("models/orders.sql", "select id, amount from not_there")
                .file("models/report.sql", "select sum(amount) as total from {{ ref('orders') }}")
                .file("models/other.sql", "select 1 as x")
                .database("ci.duckdb");
    }

    private static Map<String, String> statuses(JsonNode runResults) {
        Map<String, String> out = new TreeMap<>();
        runResults.path("results").forEach(r -> out.put(r.path("unique_id").asText(), r.path("status").asText()));
        return out;
    }

    @Test
    void retryBuildsOnlyTheFailedAndSkippedNodesWithTheSameCommandAndTarget() {
        TestProject p = project();
        p.run("build", "--target", "ci", "--exclude", "other").assertExit(1);
        assertEquals(Map.of("model.proj.orders", "error", "model.proj.report", "skipped",
                "model.proj.stg_orders", "success", "seed.proj.raw_orders", "success"),
                statuses(p.json("target/run_results.json")));

        p.file("models/orders.sql", "select id, amount from {{ ref('stg_orders') }}");
        CommandResult retry = p.runOk("retry");

        retry.assertOutContains("TOTAL=2", "sql view model main.orders", "sql view model main.report");
        assertEquals(List.of("main.orders", "main.raw_orders", "main.report", "main.stg_orders"), p.relations());
        assertEquals("30", p.value("select total from report"));
        JsonNode results = p.json("target/run_results.json");
        assertEquals(Map.of("model.proj.orders", "success", "model.proj.report", "success"), statuses(results));
        assertEquals("build", results.path("args").path("which").asText());
        assertEquals("ci", results.path("args").path("target").asText());
        List<String> exclude = new ArrayList<>();
        results.path("args").path("exclude").forEach(e -> exclude.add(e.asText()));
        assertEquals(List.of("other"), exclude);
    }

    @Test
    void retryAfterASuccessSaysThereIsNothingToDo() {
        TestProject p = project().file("models/orders.sql", "select id, amount from {{ ref('stg_orders') }}");
        p.runOk("build", "--target", "ci");

        p.runOk("retry").assertOutContains("Nothing to retry: the last build had no errors, failures or skipped nodes");
    }

    @Test
    void retryRunsTheLastCommandNotBuild() {
        TestProject p = project();
        p.runOk("seed", "--target", "ci");
        p.run("run", "--target", "ci").assertExit(1);

        p.file("models/orders.sql", "select id, amount from {{ ref('stg_orders') }}");
        p.file("seeds/raw_orders.csv", "id,amount\n1,100\n");
        p.runOk("retry").assertOutContains("TOTAL=2");

        assertEquals("run", p.json("target/run_results.json").path("args").path("which").asText());
        assertEquals("30", p.value("select total from report"));
    }

    @Test
    void withoutRunResultsThereIsNothingToRetry() {
        TestProject p = project();

        p.run("retry").assertExit(2).assertNoJavaInternals()
                .assertErrContains("there is no previous run to retry: target/run_results.json does not exist");
    }
}
