package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mallard docs generate}: target/catalog.json describes what the database holds. */
class DocsGenerateIT {
    @TempDir
    static Path dir;

    static TestProject project;
    static CommandResult generated;
    static JsonNode catalog;
    static List<String> relationsBefore;

    @BeforeAll
    static void buildThenGenerate() {
        project = TestProject.in(dir).dbtProject("""
                        on-run-start:
                          - "create table if not exists main.hooked_events as select 7 as event_id, 'open' as kind"
                        """)
                .file("seeds/raw_numbers.csv", "n,label\n1,one\n2,two\n3,three\n")
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: main
                            tables:
                              - name: raw_numbers
                              - name: hooked_events
                              - name: never_loaded
                        """)
                .file("models/numbers_view.sql",
                        "select n, n * 2 as doubled, label from {{ ref('raw_numbers') }}")
                .file("models/numbers_table.sql", """
                        {{ config(materialized='table') }}
                        select n::bigint as n, (n * 1.5)::decimal(10, 2) as scaled, [n] as ns, now() as loaded_at
                        from {{ ref('numbers_view') }} where n > 1
                        """)
                .file("models/helper.sql", "{{ config(materialized='ephemeral') }}\nselect 1 as one")
                .file("models/uses_helper.sql", "select * from {{ ref('helper') }}")
                .file("models/never_built.sql", "select 1 as x");
        project.runOk("build", "--exclude", "never_built", "uses_helper");
        relationsBefore = project.relations();
        generated = docsGenerate(project).assertOk();
        catalog = project.json("target/catalog.json");
    }

    /** {@code mallard docs generate --project-dir <dir> <rest...>}: the options belong to the subcommand. */
    private static CommandResult docsGenerate(TestProject p, String... rest) {
        List<String> args = new ArrayList<>(List.of("docs", "generate", "--project-dir", p.dir().toString()));
        args.addAll(List.of(rest));
        return TestProject.execute(args.toArray(String[]::new));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static JsonNode node(String uniqueId) {
        return catalog.get("nodes").get(uniqueId);
    }

    @Test
    void catalogUsesDbtSchemaV1() {
        assertEquals("https://schemas.getdbt.com/dbt/catalog/v1.json",
                catalog.path("metadata").path("dbt_schema_version").asText());
        assertTrue(catalog.get("errors").isNull());
        assertTrue(generated.out().contains("Catalog written to target/catalog.json"), generated.out());
    }

    @Test
    void holdsEveryBuiltNodeOrderedBySchemaAndName() {
        assertEquals(List.of("model.proj.numbers_table", "model.proj.numbers_view", "seed.proj.raw_numbers"),
                keys(catalog.get("nodes")));
    }

    @Test
    void leavesOutWhatTheDatabaseDoesNotHold() {
        // never built, ephemeral, and a source table nobody loaded: absent, not an error
        assertFalse(catalog.get("nodes").has("model.proj.never_built"));
        assertFalse(catalog.get("nodes").has("model.proj.helper"));
        assertFalse(catalog.get("nodes").has("model.proj.uses_helper"));
        assertFalse(catalog.get("sources").has("source.proj.raw.never_loaded"));
    }

    @Test
    void sourcesOverASeedAndAHookTable() {
        assertEquals(List.of("source.proj.raw.hooked_events", "source.proj.raw.raw_numbers"),
                keys(catalog.get("sources")));
        JsonNode hooked = catalog.get("sources").get("source.proj.raw.hooked_events");
        assertEquals("BASE TABLE", hooked.at("/metadata/type").asText());
        assertEquals(List.of("event_id", "kind"), keys(hooked.get("columns")));
        assertEquals(1, hooked.at("/stats/row_count/value").asLong());
        assertEquals("source.proj.raw.hooked_events", hooked.get("unique_id").asText());
    }

    @Test
    void tableMetadataNamesTheRelation() {
        JsonNode meta = node("model.proj.numbers_table").get("metadata");
        assertEquals("BASE TABLE", meta.get("type").asText());
        assertEquals("main", meta.get("schema").asText());
        assertEquals("numbers_table", meta.get("name").asText());
        assertEquals("proj", meta.get("database").asText());
        assertTrue(meta.get("comment").isNull());
        assertTrue(meta.get("owner").isNull());
        assertEquals("VIEW", node("model.proj.numbers_view").at("/metadata/type").asText());
        assertEquals("BASE TABLE", node("seed.proj.raw_numbers").at("/metadata/type").asText());
    }

    @Test
    void columnsInTableOrderWithTheEnginesTypeNames() {
        JsonNode cols = node("model.proj.numbers_table").get("columns");
        assertEquals(List.of("n", "scaled", "ns", "loaded_at"), keys(cols));
        assertEquals(List.of("BIGINT", "DECIMAL(10,2)", "INTEGER[]", "TIMESTAMP WITH TIME ZONE"),
                List.of(cols.at("/n/type").asText(), cols.at("/scaled/type").asText(), cols.at("/ns/type").asText(),
                        cols.at("/loaded_at/type").asText()));
        assertEquals(List.of(1, 2, 3, 4), List.of(cols.at("/n/index").asInt(), cols.at("/scaled/index").asInt(),
                cols.at("/ns/index").asInt(), cols.at("/loaded_at/index").asInt()));
        assertEquals("scaled", cols.at("/scaled/name").asText());
        // seeds type whole numbers as INTEGER, as dbt-duckdb does
        JsonNode seedCols = node("seed.proj.raw_numbers").get("columns");
        assertEquals("INTEGER", seedCols.at("/n/type").asText());
        assertEquals("VARCHAR", seedCols.at("/label/type").asText());
        assertEquals(List.of("n", "doubled", "label"), keys(node("model.proj.numbers_view").get("columns")));
    }

    @Test
    void tablesCarryExactRowCountsViewsNone() {
        assertEquals(3, node("seed.proj.raw_numbers").at("/stats/row_count/value").asLong());
        assertEquals(2, node("model.proj.numbers_table").at("/stats/row_count/value").asLong());
        assertTrue(node("model.proj.numbers_table").at("/stats/has_stats/value").asBoolean());
        JsonNode viewStats = node("model.proj.numbers_view").get("stats");
        assertEquals(List.of("has_stats"), keys(viewStats));
        assertFalse(viewStats.at("/has_stats/value").asBoolean());
    }

    @Test
    void writesTheManifestWithCompiledCodeAndChangesNoData() {
        JsonNode manifest = project.json("target/manifest.json");
        assertTrue(manifest.at("/nodes/model.proj.numbers_table/compiled_code").asText()
                .contains("\"proj\".\"main\".\"numbers_view\""));
        assertTrue(project.exists("target/compiled/proj/models/numbers_table.sql"));
        assertEquals(relationsBefore, project.relations());
    }

    @Test
    void selectLimitsTheCatalog() {
        docsGenerate(project, "--select", "numbers_table", "source:raw.hooked_events").assertOk();
        JsonNode selected = project.json("target/catalog.json");
        assertEquals(List.of("model.proj.numbers_table"), keys(selected.get("nodes")));
        assertEquals(List.of("source.proj.raw.hooked_events"), keys(selected.get("sources")));

        docsGenerate(project, "--exclude", "raw_numbers").assertOk();
        JsonNode excluded = project.json("target/catalog.json");
        assertEquals(List.of("model.proj.numbers_table", "model.proj.numbers_view"), keys(excluded.get("nodes")));
    }

    @Test
    void noCompileSkipsCompilationAndAnEmptyDatabaseGivesAnEmptyCatalog(@TempDir Path other) {
        TestProject fresh = TestProject.in(other).dbtProject()
                .file("models/fails_at_compile.sql",
                        "{% if execute %}{{ exceptions.raise_compiler_error('boom at compile') }}{% endif %}select 1");
        CommandResult failed = docsGenerate(fresh).assertExit(2);
        assertTrue(failed.err().contains("boom at compile"), failed.all());

        docsGenerate(fresh, "--no-compile").assertOk();
        JsonNode empty = fresh.json("target/catalog.json");
        assertEquals(0, empty.get("nodes").size());
        assertEquals(0, empty.get("sources").size());
        assertFalse(fresh.json("target/manifest.json").at("/nodes/model.proj.fails_at_compile/compiled").asBoolean());
    }

    @Test
    void docsWithoutASubcommandPrintsUsage() {
        CommandResult usage = TestProject.execute("docs");
        usage.assertOk();
        assertTrue(usage.out().contains("generate"), usage.out());
    }
}
