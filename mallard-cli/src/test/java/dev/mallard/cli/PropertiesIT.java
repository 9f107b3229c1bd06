package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties YAML: docs blocks, config precedence, sources. */
class PropertiesIT {
    @TempDir
    Path dir;

    private TestProject docsProject() {
        return TestProject.in(dir).dbtProject()
                .file("models/docs.md", """
                        {% docs order_status %}
                        One of placed, shipped or returned.
                        {% enddocs %}
                        """)
                .file("models/orders.sql", "select 1 as order_id, 'placed' as status")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            description: 'Orders. {{ doc("order_status") }}'
                            columns:
                              - name: status
                                description: '{{ doc("order_status") }}'
                        """);
    }

    @Test
    void aProjectWithDocBlocksBuilds() {
        TestProject p = docsProject();
        p.runOk("build");
        assertEquals("VIEW", p.tableType("orders"));
    }

    @Test
    void docCallsInDescriptionsAreResolvedInTheManifest() {
        TestProject p = docsProject();
        p.runOk("parse");
        var model = p.json("target/manifest.json").path("nodes").path("model.proj.orders");
        assertEquals("Orders. One of placed, shipped or returned.", model.path("description").asText());
        assertEquals("One of placed, shipped or returned.",
                model.path("columns").path("status").path("description").asText());
    }

    @Test
    void aDocCallToAMissingBlockNamesTheFile() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/orders.sql", "select 1 as order_id")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            description: '{{ doc("nowhere") }}'
                        """);
        p.run("parse").assertFailed().assertNoJavaInternals().assertErrContains("models/schema.yml", "nowhere");
    }

    @Test
    void inFileConfigBeatsPropertiesConfigWhichBeatsDbtProjectYml() {
        TestProject p = TestProject.in(dir).dbtProject("""
                models:
                  proj:
                    +materialized: table
                    +schema: from_project
                """)
                .file("models/project_only.sql", "select 1 as id")
                .file("models/with_properties.sql", "select 1 as id")
                .file("models/with_all_three.sql",
                        "{{ config(materialized='table', schema='from_file') }}\nselect 1 as id")
                .file("models/properties.yml", """
                        version: 2
                        models:
                          - name: with_properties
                            config:
                              materialized: view
                              schema: from_properties
                          - name: with_all_three
                            config:
                              materialized: view
                              schema: from_properties
                        """);

        p.runOk("build");

        assertEquals(List.of("main_from_file.with_all_three", "main_from_project.project_only",
                "main_from_properties.with_properties"), p.relations());
        assertEquals("BASE TABLE", p.tableType("main_from_project.project_only"));
        assertEquals("VIEW", p.tableType("main_from_properties.with_properties"));
        assertEquals("BASE TABLE", p.tableType("main_from_file.with_all_three"));
    }

    @Test
    void aSourceWithSchemaAndIdentifierReadsThatRelation() {
        TestProject p = TestProject.in(dir).dbtProject("""
                seeds:
                  proj:
                    +schema: raw
                """)
                .file("seeds/crm_people_export.csv", "id,name\n1,Ada\n2,Bruno\n")
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: crm
                            schema: main_raw
                            tables:
                              - name: people
                                identifier: crm_people_export
                        """)
                .file("models/people.sql", "select name from {{ source('crm', 'people') }} order by id");

        p.runOk("seed");
        p.runOk("run");

        assertEquals(List.of(List.of("Ada"), List.of("Bruno")), p.rows("select * from people"));
        String compiled = p.read("target/compiled/proj/models/people.sql");
        assertTrue(compiled.contains("\"main_raw\".\"crm_people_export\""), compiled);
    }

    @Test
    void aSourceWithAnExternalLocationReadsTheParquetFile() throws IOException {
        Files.createDirectories(dir.resolve("raw"));
        Path parquet = dir.resolve("raw/events.parquet");
        TestProject p = TestProject.in(dir).dbtProject()
                .withInMemoryDuckDb("COPY (select * from (values (1, 'click'), (2, 'view')) t(id, kind)) TO '"
                        + parquet + "' (FORMAT parquet)")
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: lake
                            meta:
                              external_location: "raw/{name}.parquet"
                            tables:
                              - name: events
                        """)
                .file("models/event_kinds.sql", """
                        {{ config(materialized='table') }}
                        select kind from {{ source('lake', 'events') }} order by id
                        """);

        p.runOk("build");

        assertEquals(List.of(List.of("click"), List.of("view")), p.rows("select * from event_kinds"));
        assertTrue(p.read("target/compiled/proj/models/event_kinds.sql").contains("'raw/events.parquet'"));
    }
}
