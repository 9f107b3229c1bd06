package dev.mallard.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.artifacts.ArtifactMetadata;
import dev.mallard.core.artifacts.ManifestWriter;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.graph.Dag;
import dev.mallard.core.graph.Linker;
import dev.mallard.core.manifest.IngestNode;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.parse.Parser;
import dev.mallard.core.parse.YamlValueRenderer;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest specs: what ingest/*.yml declares, the errors for bad specs, and how ingests link to sources. */
class IngestSpecReaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void project() throws IOException {
        write("profiles.yml", "proj:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: warehouse.duckdb\n");
        write("dbt_project.yml", "name: proj\nversion: '1.0'\nconfig-version: 2\nprofile: proj\n");
        write("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n"
                + "      - name: other\n");
        write("models/mart.sql", "select * from {{ source('raw', 'orders') }}\n");
    }

    @Test
    void aSpecBecomesAnIngestNodeWithItsTableKeyColumnsAndOptions() throws IOException {
        write("ingest/orders.yml", "ingests:\n  - name: orders_files\n    type: files\n    table: raw.orders\n"
                + "    key: id\n    columns: {id: BIGINT, amount: DOUBLE}\n    path: data/*.csv\n    tags: [daily]\n");
        IngestNode node = read().get(0);
        assertEquals("ingest.proj.orders_files", node.id().value());
        assertEquals("files", node.type());
        assertEquals("ingest/orders.yml", node.originalFilePath());
        assertEquals(2, node.line());
        IngestNode.IngestTable table = node.tables().get(0);
        assertEquals("raw.orders", table.name());
        assertEquals("warehouse", table.relation().database());
        assertEquals("raw", table.relation().schema());
        assertEquals("orders", table.relation().identifier());
        assertEquals(List.of("id"), table.key());
        assertEquals(Map.of("id", "BIGINT", "amount", "DOUBLE"), table.columns());
        assertEquals("data/*.csv", node.options().get("path"));
        assertFalse(node.options().containsKey("key"));
        assertEquals(List.of("daily"), node.config().tags());
    }

    @Test
    void tablesMayEachHaveTheirOwnKey() throws IOException {
        write("ingest/api.yml", "ingests:\n  - name: api\n    type: files\n    tables:\n      raw.orders: {key: [id, day]}\n"
                + "      raw.other:\n");
        IngestNode node = read().get(0);
        assertEquals(List.of("raw.orders", "raw.other"), node.tables().stream().map(IngestNode.IngestTable::name).toList());
        assertEquals(List.of("id", "day"), node.tables().get(0).key());
        assertEquals(List.of(), node.tables().get(1).key());
    }

    @Test
    void anUnknownTypeIsAnErrorAtItsLine() throws IOException {
        write("ingest/bad.yml", "ingests:\n  - name: a\n    type: ftp\n    table: raw.a\n");
        MallardException e = assertThrows(MallardException.class, this::read);
        assertEquals("ingest/bad.yml", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unknown type 'ftp'"), e.getMessage());
        assertTrue(e.hint().contains("files"), e.hint());
    }

    @Test
    void aMissingNameAndADuplicateAreBothReported() throws IOException {
        write("ingest/a.yml", "ingests:\n  - name: dup\n    type: files\n    table: raw.a\n");
        write("ingest/b.yml", "ingests:\n  - type: files\n    table: raw.b\n  - name: dup\n    type: files\n    table: raw.c\n");
        MallardException e = assertThrows(MallardException.class, this::read);
        assertEquals("ingest/b.yml", e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("needs a name"), e.getMessage());
        assertTrue(e.getMessage().contains("ingest/b.yml:4: ingest 'dup' is defined twice (first at ingest/a.yml:2)"),
                e.getMessage());
    }

    @Test
    void aMissingTableIsAnError() throws IOException {
        write("ingest/a.yml", "ingests:\n  - name: a\n    type: files\n    path: x.csv\n");
        MallardException e = assertThrows(MallardException.class, this::read);
        assertTrue(e.getMessage().contains("needs table:"), e.getMessage());
    }

    @Test
    void aSourceOnAnIngestedTableDependsOnTheIngestAndTheManifestKeepsIngestsApart() throws IOException {
        write("ingest/orders.yml", "ingests:\n  - name: orders_files\n    type: files\n    table: raw.orders\n"
                + "    path: data/*.csv\n");
        Project project = load();
        Parser.Result result = new Parser(project).parse();
        Dag dag = new Linker(result.manifest(), result.disabledNames()).link();
        NodeId ingest = new NodeId("ingest.proj.orders_files");
        assertEquals(List.of(ingest), dag.parents(new NodeId("source.proj.raw.orders")));
        assertEquals(List.of(), dag.parents(new NodeId("source.proj.raw.other")));
        assertTrue(dag.ancestors(new NodeId("model.proj.mart"), -1).contains(ingest));
        Map<String, Object> doc = new ManifestWriter(ArtifactMetadata.now("id", Instant.parse("2026-01-01T00:00:00Z"),
                "duckdb", "test")).document(result.manifest(), dag, Map.of(), "target");
        assertFalse(((Map<?, ?>) doc.get("nodes")).containsKey(ingest.value()));
        Map<?, ?> entry = (Map<?, ?>) ((Map<?, ?>) doc.get("ingests")).get(ingest.value());
        assertEquals(List.of("source.proj.raw.orders"), entry.get("feeds"));
        assertEquals(List.of(), ((Map<?, ?>) doc.get("parent_map")).get("source.proj.raw.orders"));
    }

    @Test
    void twoIngestsFillingOneTableAreRefused() throws IOException {
        write("ingest/a.yml", "ingests:\n  - {name: a, type: files, table: raw.orders, path: a.csv}\n"
                + "  - {name: b, type: files, table: RAW.Orders, path: b.csv}\n");
        Parser.Result result = new Parser(load()).parse();
        MallardException e = assertThrows(MallardException.class, () -> new Linker(result.manifest(), Set.of()).link());
        assertTrue(e.getMessage().contains("both fill"), e.getMessage());
    }

    @Test
    void enabledMayBeJinjaAndADisabledIngestIsLeftOutOfTheManifest() throws IOException {
        write("ingest/a.yml", "ingests:\n  - {name: fetched, type: files, table: raw.orders, path: a.csv, "
                + "enabled: \"{{ var('fetch', true) }}\"}\n"
                + "  - {name: skipped, type: files, table: raw.other, path: b.csv, enabled: \"{{ env_var('NO_SUCH_VAR_X', '') != '' }}\"}\n");
        Parser.Result result = new Parser(load()).parse();
        assertTrue(result.manifest().nodes().containsKey(new NodeId("ingest.proj.fetched")));
        assertFalse(result.manifest().nodes().containsKey(new NodeId("ingest.proj.skipped")));

        write("ingest/a.yml", "ingests:\n  - {name: fetched, type: files, table: raw.orders, path: a.csv, enabled: maybe}\n");
        MallardException e = assertThrows(MallardException.class, () -> new Parser(load()).parse());
        assertTrue(e.getMessage().contains("enabled: must be true or false, not 'maybe'"), e.getMessage());
    }

    @Test
    void onExistingKeyIsReadPerTable() throws IOException {
        write("ingest/api.yml", "ingests:\n  - name: api\n    type: files\n    tables:\n"
                + "      raw.orders: {key: [id], on_existing_key: keep}\n      raw.other: {key: [id]}\n");
        IngestNode node = read().get(0);
        assertEquals(IngestNode.OnExistingKey.KEEP, node.tables().get(0).onExistingKey());
        assertEquals(IngestNode.OnExistingKey.REPLACE, node.tables().get(1).onExistingKey());
        assertFalse(node.options().containsKey("on_existing_key"));
    }

    private List<IngestNode> read() {
        return new IngestSpecReader(load(), IngestSources::known).read();
    }

    private Project load() {
        return new ProjectLoader(Map.of(), (cliVars, projectVars) -> new YamlValueRenderer(cliVars), new Warnings())
                .load(new ProjectLoader.Options(dir, dir, null, null, Map.of()));
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
