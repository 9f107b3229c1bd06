package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** target/manifest.json and target/run_results.json after a build with a failure. */
class ArtifactsIT {
    @TempDir
    static Path dir;

    static TestProject project;
    static JsonNode manifest;
    static JsonNode runResults;

    @BeforeAll
    static void buildWithOneFailure() {
        project = TestProject.in(dir).dbtProject()
                .file("seeds/raw_numbers.csv", "n\n1\n2\n")
                .file("macros/double.sql", "{% macro double(x) %}({{ x }} * 2){% endmacro %}")
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: files
                            tables:
                              - name: events
                                meta:
                                  external_location: "events.csv"
                        """)
                .file("events.csv", "id\n1\n")
                .file("models/doubled.sql", "select {{ double('n') }} as n from {{ ref('raw_numbers') }}")
                .file("models/total.sql", "select sum(n) as total from {{ ref('doubled') }}")
                .file("models/event_ids.sql", "select id from {{ source('files', 'events') }}")
                .file("models/broken.sql", "select * from nowhere")
                .file("models/after_broken.sql", "select * from {{ ref('broken') }}");
        project.run("build").assertExit(1);
        manifest = project.json("target/manifest.json");
        runResults = project.json("target/run_results.json");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.stream().sorted().toList();
    }

    @Test
    void manifestUsesDbtSchemaV12() {
        assertEquals("https://schemas.getdbt.com/dbt/manifest/v12.json",
                manifest.path("metadata").path("dbt_schema_version").asText());
    }

    @Test
    void manifestHoldsNodesSourcesAndMacros() {
        JsonNode nodes = manifest.path("nodes");
        for (String id : List.of("seed.proj.raw_numbers", "model.proj.doubled", "model.proj.total",
                "model.proj.event_ids", "model.proj.broken", "model.proj.after_broken")) {
            assertTrue(nodes.has(id), id + " in nodes");
        }
        assertEquals("model", nodes.path("model.proj.total").path("resource_type").asText());
        assertEquals("models/total.sql", nodes.path("model.proj.total").path("original_file_path").asText());
        assertTrue(manifest.path("sources").has("source.proj.files.events"));
        assertTrue(manifest.path("macros").has("macro.proj.double"));
        // dbt's macro library, as dbt lists it: package dbt
        for (String name : List.of("date_trunc", "duckdb__dateadd", "default__dateadd", "type_string")) {
            assertEquals("dbt", manifest.path("macros").path("macro.dbt." + name).path("package_name").asText(), name);
        }
    }

    @Test
    void parentAndChildMapsFollowRefsAndSources() {
        assertEquals(List.of("model.proj.doubled"), texts(manifest.path("parent_map").path("model.proj.total")));
        assertEquals(List.of("seed.proj.raw_numbers"), texts(manifest.path("parent_map").path("model.proj.doubled")));
        assertEquals(List.of("source.proj.files.events"),
                texts(manifest.path("parent_map").path("model.proj.event_ids")));
        assertEquals(List.of("model.proj.total"), texts(manifest.path("child_map").path("model.proj.doubled")));
        assertEquals(List.of("model.proj.event_ids"), texts(manifest.path("child_map").path("source.proj.files.events")));
    }

    @Test
    void runResultsUseDbtSchemaV6AndGiveEveryNodesStatus() {
        assertEquals("https://schemas.getdbt.com/dbt/run-results/v6.json",
                runResults.path("metadata").path("dbt_schema_version").asText());
        Map<String, String> statuses = new TreeMap<>();
        runResults.path("results").forEach(r -> statuses.put(r.path("unique_id").asText(), r.path("status").asText()));
        assertEquals(Map.of(
                "seed.proj.raw_numbers", "success",
                "model.proj.doubled", "success",
                "model.proj.total", "success",
                "model.proj.event_ids", "success",
                "model.proj.broken", "error",
                "model.proj.after_broken", "skipped"), statuses);
    }

    @Test
    void aFailedResultCarriesItsMessage() {
        runResults.path("results").forEach(r -> {
            if (r.path("unique_id").asText().equals("model.proj.broken")) {
                assertTrue(r.path("message").asText().contains("nowhere"), r.toString());
            }
        });
    }
}
