package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mallard ingest and build with ingests: the files source, the DAG, listing, the manifest, bad input. */
class IngestIT {
    private static final String SOURCES = """
            version: 2
            sources:
              - name: raw
                tables:
                  - name: orders
            """;

    @TempDir
    Path dir;

    private TestProject ordersProject(String extraSpec) {
        return TestProject.in(dir).dbtProject()
                .file("ingest/orders.yml", """
                        ingests:
                          - name: orders_files
                            type: files
                            table: raw.orders
                            key: [id]
                            columns: {amount: DOUBLE}
                            path: data/orders/*.csv
                        """ + extraSpec)
                .file("models/sources.yml", SOURCES)
                .file("models/mart.sql", "select count(*) as n, sum(amount) as total from {{ source('raw', 'orders') }}\n")
                .file("models/other.sql", "select 1 as x\n");
    }

    @Test
    void onlyNewOrChangedFilesLoadAndRowsMergeOnTheKey() throws IOException {
        TestProject p = ordersProject("")
                .file("data/orders/a.csv", "id,amount\n1,10\n2,20\n")
                .file("data/orders/b.csv", "id,amount\n2,25\n3,30\n");

        p.runOk("ingest").assertOutContains("INGEST 4 rows in 2 commits");
        assertEquals(List.of(List.of("1", "10.0"), List.of("2", "25.0"), List.of("3", "30.0")),
                p.rows("select id, amount from raw.orders order by id"));
        assertEquals("DOUBLE", p.value("select data_type from information_schema.columns where table_name = 'orders' "
                + "and column_name = 'amount'"));

        // touched (new mtime, same bytes): not reloaded; a new file and a changed one are
        Files.setLastModifiedTime(dir.resolve("data/orders/a.csv"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        p.runOk("ingest").assertOutContains("2 files matched, 0 new or changed", "INGEST 0 rows in 0 commits");
        p.file("data/orders/c.csv", "id,amount\n4,40\n").file("data/orders/a.csv", "id,amount\n1,11\n");
        p.runOk("ingest").assertOutContains("3 files matched, 2 new or changed", "INGEST 2 rows in 2 commits");
        assertEquals(List.of(List.of("1", "11.0"), List.of("2", "25.0"), List.of("3", "30.0"), List.of("4", "40.0")),
                p.rows("select id, amount from raw.orders order by id"));
        String state = p.value("select state::varchar from main.mallard_ingest_state where ingest = 'orders_files' "
                + "and table_name = 'raw.orders'");
        assertTrue(state.contains("\"data/orders/c.csv\":{\"size\":15,") && state.contains("\"sha256\":\""), state);
    }

    @Test
    void jsonNdjsonAndParquetFilesLoadIntoOneTable() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("ingest/events.yml", """
                        ingests:
                          - name: events
                            type: files
                            table: raw.events
                            path: [landing/*.json, landing/*.ndjson, landing/*.parquet]
                            filename_column: _file
                        """)
                .file("landing/a.json", "[{\"id\": 1, \"kind\": \"a\"}, {\"id\": 2, \"kind\": \"b\"}]")
                .file("landing/b.ndjson", "{\"id\": 3, \"kind\": \"c\"}\n{\"id\": 4, \"kind\": \"d\", \"extra\": true}\n")
                .withInMemoryDuckDb("COPY (SELECT 5::BIGINT AS id, 'e' AS kind) TO '" + dir.resolve("landing/c.parquet")
                        + "' (FORMAT parquet)");

        p.runOk("ingest").assertOutContains("INGEST 5 rows in 3 commits");
        assertEquals(List.of(Arrays.asList("1", "a", null, "landing/a.json"), Arrays.asList("2", "b", null, "landing/a.json"),
                        Arrays.asList("3", "c", null, "landing/b.ndjson"), Arrays.asList("4", "d", "true", "landing/b.ndjson"),
                        Arrays.asList("5", "e", null, "landing/c.parquet")),
                p.rows("select id, kind, extra, _file from raw.events order by id"));
    }

    @Test
    void buildRunsTheIngestBeforeTheModelsThatReadItsTable() {
        TestProject p = ordersProject("").file("data/orders/a.csv", "id,amount\n1,10\n2,20\n");

        CommandResult r = p.runOk("build", "--select", "+mart");
        assertTrue(r.out().indexOf("ingest orders_files") < r.out().indexOf("model main.mart"), r.out());
        assertEquals(List.of(List.of("2", "30.0")), p.rows("select n, total from mart"));
        JsonNode results = p.json("target/run_results.json").get("results");
        assertEquals(2, results.size());
        assertEquals("ingest.proj.orders_files", results.get(0).get("unique_id").asText());
        assertEquals("success", results.get(0).get("status").asText());

        // the model alone does not run the ingest; run never does
        p.file("data/orders/b.csv", "id,amount\n3,30\n");
        p.runOk("build", "--select", "mart");
        assertEquals("2", p.value("select count(*) from raw.orders"));
        p.runOk("run");
        assertEquals("2", p.value("select count(*) from raw.orders"));
        p.runOk("ingest", "--select", "other").assertOutContains("Nothing to do");
        assertEquals("2", p.value("select count(*) from raw.orders"));
    }

    @Test
    void lsAndTheManifestShowIngests() {
        TestProject p = ordersProject("");

        assertEquals("ingest:proj.orders_files", p.runOk("ls", "--resource-type", "ingest").out().strip());
        assertEquals("ingest:proj.orders_files", p.runOk("ls", "--select", "resource_type:ingest").out().strip());
        assertEquals("ingest:proj.orders_files", p.runOk("ls", "--select", "ingest:orders_files").out().strip());
        assertEquals(List.of("ingest:proj.orders_files", "proj.mart", "source:proj.raw.orders"),
                p.runOk("ls", "--select", "+mart").out().strip().lines().toList());
        p.runOk("parse");
        JsonNode manifest = p.json("target/manifest.json");
        JsonNode ingest = manifest.get("ingests").get("ingest.proj.orders_files");
        assertEquals("files", ingest.get("type").asText());
        assertEquals("source.proj.raw.orders", ingest.get("feeds").get(0).asText());
        assertEquals("id", ingest.get("tables").get(0).get("key").get(0).asText());
        assertFalse(manifest.get("nodes").has("ingest.proj.orders_files"));
        assertFalse(manifest.toString().contains("data/orders/*.csv"), "options stay out of the manifest");
    }

    @Test
    void aMalformedCsvNamesTheIngestAndTheFileAndChangesNothing() {
        TestProject p = ordersProject("").file("data/orders/a.csv", "id,amount\n1,10\n");
        p.runOk("ingest");
        String stateBefore = p.value("select state::varchar from main.mallard_ingest_state");

        p.file("data/orders/b.csv", "id,amount\n2,20\n3,30,extra\n4,40\n");
        CommandResult r = p.run("ingest").assertExit(1);
        assertTrue(r.all().contains("ingest 'orders_files': cannot load data/orders/b.csv into raw.orders"), r.all());
        assertFalse(r.all().contains("\tat dev.mallard"), r.all());
        assertEquals(List.of(List.of("1", "10.0")), p.rows("select id, amount from raw.orders"));
        assertEquals(stateBefore, p.value("select state::varchar from main.mallard_ingest_state"));
        assertEquals(List.of(), p.relations().stream().filter(t -> t.contains("stage")).toList());
    }

    @Test
    void malformedJsonNamesTheFileAndChangesNothing() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("ingest/events.yml", "ingests:\n  - {name: events, type: files, table: raw.events, path: 'in/*.ndjson'}\n")
                .file("in/a.ndjson", "{\"id\": 1}\n")
                .file("in/b.ndjson", "{\"id\": 2}\n{\"id\": 3,,}\n");

        CommandResult r = p.run("ingest").assertExit(1);
        assertTrue(r.all().contains("ingest 'events': cannot load in/b.ndjson into raw.events"), r.all());
        assertEquals("1", p.value("select count(*) from raw.events"));
        assertFalse(p.value("select state::varchar from main.mallard_ingest_state").contains("b.ndjson"));
    }

    @Test
    void aBadSpecIsAnErrorWithFileAndLineAndNoStackTrace() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("ingest/bad.yml", "ingests:\n  - name: a\n    type: sftp\n    table: raw.a\n");

        CommandResult r = p.run("ls").assertExit(2);
        assertTrue(r.all().contains("ingest/bad.yml:3") && r.all().contains("unknown type 'sftp'"), r.all());
        assertFalse(r.all().contains("\tat "), r.all());
    }

    @Test
    void aChangedSpecIsReadAgainWithPartialParsing() {
        TestProject p = ordersProject("");
        p.runOk("parse");
        p.file("ingest/orders.yml", "ingests:\n  - {name: renamed, type: files, table: raw.orders, path: 'x/*.csv'}\n");
        assertEquals("ingest:proj.renamed", p.runOk("ls", "--resource-type", "ingest").out().strip());
    }
}
