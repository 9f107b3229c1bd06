package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mallard source freshness: statuses against warn_after/error_after, filter, sources.json v3, exit code. */
class SourceFreshnessIT {
    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("models/recent.sql", "{{ config(materialized='table') }} "
                        + "select current_timestamp::timestamp as ts, 'new' as kind "
                        + "union all select timestamp '2000-01-01 00:00:00', 'old'")
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: main
                            loaded_at_field: ts
                            freshness:
                              warn_after: {count: 1, period: hour}
                              error_after: {count: 2, period: day}
                            tables:
                              - name: fresh
                                identifier: recent
                              - name: only_old
                                identifier: recent
                                freshness:
                                  warn_after: {count: 1, period: minute}
                                  filter: "kind = 'old'"
                              - name: no_field
                                identifier: recent
                                loaded_at_field: null
                              - name: unchecked
                                identifier: recent
                                freshness: null
                        """);
    }

    private static List<String> statuses(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.path("results").forEach(r -> out.add(r.path("unique_id").asText() + "=" + r.path("status").asText()));
        return out;
    }

    @Test
    void eachSourceIsCheckedAgainstItsThresholdsAndWrittenToSourcesJson() throws Exception {
        TestProject p = project();
        p.runOk("run");
        CommandResult result = p.run("source", "freshness");
        result.assertExit(1).assertOutContains("PASS freshness of raw.fresh", "ERROR STALE freshness of raw.only_old",
                "no 'loaded_at_field' provided");
        JsonNode doc = new ObjectMapper().readTree(dir.resolve("target/sources.json").toFile());
        assertEquals("https://schemas.getdbt.com/dbt/sources/v3.json",
                doc.path("metadata").path("dbt_schema_version").asText());
        // the table whose freshness cannot be computed is left out, and the one turned off is not checked
        assertEquals(List.of("source.proj.raw.fresh=pass", "source.proj.raw.only_old=error"), statuses(doc));
        JsonNode old = doc.path("results").get(1);
        assertEquals("kind = 'old'", old.path("criteria").path("filter").asText());
        assertEquals(2, old.path("criteria").path("error_after").path("count").asInt());
        assertEquals("2000-01-01T00:00:00.000000+00:00", old.path("max_loaded_at").asText());
    }

    @Test
    void selectingFreshSourcesOnlyPasses() throws Exception {
        TestProject p = project();
        p.runOk("run");
        p.runOk("source", "freshness", "--select", "source:raw.fresh", "--output", dir.resolve("out/fresh.json").toString());
        JsonNode doc = new ObjectMapper().readTree(dir.resolve("out/fresh.json").toFile());
        assertEquals(List.of("source.proj.raw.fresh=pass"), statuses(doc));
    }

    @Test
    void sourceStatusFresherSelectsTheSourcesLoadedSinceTheStatesRun() throws Exception {
        TestProject p = project().file("models/uses_fresh.sql", "select * from {{ source('raw', 'fresh') }}");
        p.runOk("run", "-s", "recent"); // the source's table, before the model that reads it
        p.runOk("run", "-s", "uses_fresh");
        p.run("source", "freshness");
        Path state = dir.resolve("state");
        TestProject.copyTree(dir.resolve("target"), state);
        Thread.sleep(20);
        p.runOk("run", "-s", "recent"); // a newer current_timestamp: raw.fresh is loaded again; only_old is not
        p.run("source", "freshness");
        List<String> listed = p.runOk("ls", "-s", "source_status:fresher+", "--state", state.toString(), "--output",
                "name").out().lines().filter(l -> !l.isBlank()).sorted().toList();
        // dbt lists a source by its source and table names
        assertEquals(List.of("raw.fresh", "uses_fresh"), listed);
        // without the current freshness results: dbt's error, as a usage error naming the file
        java.nio.file.Files.delete(dir.resolve("target/sources.json"));
        p.run("ls", "-s", "source_status:fresher", "--state", state.toString()).assertExit(2)
                .assertOutputContains("sources.json");
    }

    @Test
    void theProjectsHooksRunAroundTheChecksAndTheOutputIsDbts() {
        // dbt-core 1.11.16 on this project (timestamps and timings aside): the hooks run (its
        // source_freshness_run_project_hooks flag is on by default) and are counted in the summary
        TestProject p = TestProject.in(dir);
        p.dbtProject("on-run-start:\n  - \"create table if not exists raw_users as select 1 as id,"
                        + " now()::timestamp - interval 30 hour as loaded_at\"\n"
                        + "on-run-end:\n  - \"create table if not exists hooks_ran as select 1 as n\"\n")
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: main
                            config:
                              freshness:
                                warn_after: {count: 1, period: hour}
                                error_after: {count: 24, period: hour}
                              loaded_at_field: loaded_at
                            tables:
                              - name: raw_users
                        """);
        String out = p.run("source", "freshness").assertExit(1).out()
                .replaceAll("(?m)^\\d\\d:\\d\\d:\\d\\d  ", "").replaceAll("\\d+\\.\\d\\d", "0.00");
        assertTrue(out.startsWith("Running with mallard=0.1.0\n") && out.contains("\nFound 2 operations, 1 source, "), out);
        assertEquals(String.join("\n",
                "1 of 1 START hook: proj.on-run-start.0 ......................................... [RUN]",
                "1 of 1 OK hook: proj.on-run-start.0 ............................................ [OK in 0.00s]",
                "",
                "1 of 1 START freshness of raw.raw_users ........................................ [RUN]",
                "1 of 1 ERROR STALE freshness of raw.raw_users .................................. [ERROR STALE in 0.00s]",
                "",
                "1 of 1 START hook: proj.on-run-end.0 ........................................... [RUN]",
                "1 of 1 OK hook: proj.on-run-end.0 .............................................. [OK in 0.00s]",
                "",
                "Finished running 2 project hooks, 1 source in 0 hours 0 minutes and 0.00 seconds (0.00s).",
                "",
                "Failure in source raw_users (models/sources.yml)",
                "  Status: error",
                "Done.",
                ""), out.substring(out.indexOf("1 of 1 START hook")));
        assertEquals(List.of(List.of("1")), p.rows("select n from hooks_ran"));
        // with the flag off, dbt runs no hooks
        p.dbtProject("on-run-end: [\"create table hooks_ran_again as select 1 as n\"]\n"
                + "flags:\n  source_freshness_run_project_hooks: false\n");
        p.run("source", "freshness").assertExit(1);
        assertTrue(p.relations().contains("main.hooks_ran") && !p.relations().contains("main.hooks_ran_again"),
                p.relations().toString());
    }
}
