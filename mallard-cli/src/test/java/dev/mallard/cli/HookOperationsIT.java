package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** on-run-start/on-run-end hooks are dbt's operation nodes in manifest.json and run_results.json. */
class HookOperationsIT {
    @TempDir
    Path dir;

    private TestProject project() {
        TestProject.in(dir.resolve("helpers")).named("helpers").dbtProject("""
                on-run-start: ["select 'helpers start' as x"]
                on-run-end:
                  - "{{ helpers.noop() }}"
                """).file("macros/noop.sql", "{% macro noop() %}select 42{% endmacro %}\n");
        return TestProject.in(dir.resolve("app")).dbtProject("""
                on-run-start:
                  - "create table if not exists {{ target.schema }}.audit_log (x int)"
                  - "{{ stamp() }}"
                on-run-end: "insert into {{ target.schema }}.audit_log values (1)"
                models:
                  proj:
                    +materialized: table
                """)
                .file("packages.yml", "packages:\n  - local: ../helpers\n")
                .file("macros/stamp.sql", "{% macro stamp() %}select 1{% endmacro %}\n")
                .file("models/a.sql", "select 1 as id\n");
    }

    @Test
    void eachHookIsAnOperationNodeOfItsPackageInManifestJson() {
        TestProject p = project();
        p.runOk("deps");
        p.runOk("parse");
        JsonNode manifest = p.json("target/manifest.json");
        JsonNode nodes = manifest.path("nodes");
        JsonNode second = nodes.path("operation.proj.proj-on-run-start-1");
        assertEquals("operation", second.path("resource_type").asText(), nodes.toString());
        assertEquals("proj-on-run-start-1", second.path("name").asText());
        assertEquals("proj", second.path("package_name").asText());
        assertEquals("hooks/proj-on-run-start-1.sql", second.path("path").asText());
        assertEquals("./dbt_project.yml", second.path("original_file_path").asText());
        assertEquals("[\"proj\",\"hooks\",\"proj-on-run-start-1\"]", second.path("fqn").toString());
        assertEquals("[\"on-run-start\"]", second.path("tags").toString());
        assertEquals(1, second.path("index").asInt());
        assertEquals("{{ stamp() }}", second.path("raw_code").asText());
        assertEquals("[\"macro.proj.stamp\"]", second.path("depends_on").path("macros").toString());
        // the models: tree of dbt_project.yml applies at [proj, hooks, <name>]
        assertEquals("table", second.path("config").path("materialized").asText());
        assertEquals("{\"materialized\":\"table\"}", second.path("unrendered_config").toString());
        assertEquals("main", second.path("schema").asText());
        assertTrue(second.path("relation_name").isNull());
        assertEquals(64, second.path("checksum").path("checksum").asText().length());

        JsonNode end = nodes.path("operation.proj.proj-on-run-end-0");
        assertEquals("[\"on-run-end\"]", end.path("tags").toString());
        assertEquals(0, end.path("index").asInt());
        JsonNode helpersEnd = nodes.path("operation.helpers.helpers-on-run-end-0");
        assertEquals("helpers", helpersEnd.path("package_name").asText(), nodes.toString());
        assertEquals("view", helpersEnd.path("config").path("materialized").asText());
        assertEquals("[\"macro.helpers.noop\"]", helpersEnd.path("depends_on").path("macros").toString());
        assertTrue(nodes.has("operation.helpers.helpers-on-run-start-0"));
        assertEquals("[]", manifest.path("parent_map").path("operation.proj.proj-on-run-start-0").toString());
        assertEquals("[]", manifest.path("child_map").path("operation.helpers.helpers-on-run-end-0").toString());
    }

    @Test
    void aPackagesHooksRunUnderTheirOwnIds() {
        TestProject p = project();
        p.runOk("deps");
        CommandResult r = p.runOk("run");
        r.assertOutContains("START hook: helpers.on-run-start.2");
        assertEquals("1", p.value("select count(*) from audit_log"));
        List<String> ids = new ArrayList<>();
        p.json("target/run_results.json").path("results").forEach(n -> ids.add(n.path("unique_id").asText()));
        assertEquals(List.of("operation.proj.proj-on-run-start-0", "operation.proj.proj-on-run-start-1",
                "operation.helpers.helpers-on-run-start-0", "model.proj.a", "operation.proj.proj-on-run-end-0",
                "operation.helpers.helpers-on-run-end-0"), ids);
        JsonNode helpersStart = p.json("target/run_results.json").path("results").path(2);
        assertEquals("helpers.on-run-start.2 passed", helpersStart.path("message").asText());
        assertEquals("{}", helpersStart.path("adapter_response").toString());
        // the manifest written after the run keeps what each ran, numbered by its place in the run
        JsonNode ran = p.json("target/manifest.json").path("nodes").path("operation.helpers.helpers-on-run-start-0");
        assertEquals("select 'helpers start' as x", ran.path("compiled_code").asText(), ran.toString());
        assertEquals(3, ran.path("index").asInt());
        assertEquals("target/compiled/helpers/./dbt_project.yml/hooks/helpers-on-run-start-0.sql",
                ran.path("compiled_path").asText());
    }

    @Test
    void theGraphVariableHoldsTheHooksAmongItsNodes() {
        TestProject p = project().file("models/ops.sql", """
                {% set ops = [] %}
                {% if execute %}
                {% for n in graph.nodes.values() if n.resource_type == 'operation' %}{% do ops.append(n.unique_id) %}{% endfor %}
                {% endif %}
                select '{{ ops | sort | join(",") }}' as ops
                """);
        p.runOk("deps");
        p.runOk("run", "-s", "ops");
        assertEquals("operation.helpers.helpers-on-run-end-0,operation.helpers.helpers-on-run-start-0,"
                + "operation.proj.proj-on-run-end-0,operation.proj.proj-on-run-start-0,operation.proj.proj-on-run-start-1",
                p.value("select ops from ops"));
    }
}
