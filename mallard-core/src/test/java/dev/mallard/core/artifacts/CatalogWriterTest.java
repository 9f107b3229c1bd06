package dev.mallard.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given entries read from the engine, target/catalog.json has dbt-duckdb's catalog v1 shape. */
class CatalogWriterTest {
    static final List<CatalogEntry> ENTRIES = List.of(
            entry("model.shop.orders", ResourceType.MODEL, "orders", RelationKind.TABLE, 42L,
                    new ColumnInfo("order_id", "INTEGER"), new ColumnInfo("amount", "DECIMAL(10,2)"),
                    new ColumnInfo("tags", "VARCHAR[]")),
            entry("model.shop.stg_orders", ResourceType.MODEL, "stg_orders", RelationKind.VIEW, null,
                    new ColumnInfo("order_id", "INTEGER")),
            entry("source.shop.raw.orders", ResourceType.SOURCE, "orders", RelationKind.TABLE, 0L,
                    new ColumnInfo("id", "BIGINT")));

    @TempDir
    Path tmp;

    JsonNode catalog;

    static CatalogEntry entry(String id, ResourceType type, String name, RelationKind kind, Long rows,
                              ColumnInfo... columns) {
        return new CatalogEntry(new NodeId(id), type, new ExistingRelation(new Relation("shop", "main", name), kind),
                List.of(columns), rows);
    }

    @BeforeEach
    void writeAndReadBack() throws IOException {
        Path file = new CatalogWriter(ManifestWriterTest.META).write(tmp.resolve("target"), ENTRIES);
        assertEquals(tmp.resolve("target").resolve("catalog.json"), file);
        catalog = new ObjectMapper().readTree(file.toFile());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void topLevelSectionsAndMetadataAreDbts() {
        assertEquals(List.of("metadata", "nodes", "sources", "errors"), keys(catalog));
        assertTrue(catalog.get("errors").isNull());
        JsonNode m = catalog.get("metadata");
        assertEquals(List.of("dbt_schema_version", "dbt_version", "generated_at", "invocation_id",
                "invocation_started_at", "env"), keys(m));
        assertEquals("https://schemas.getdbt.com/dbt/catalog/v1.json", m.get("dbt_schema_version").asText());
        assertEquals("1.11.0", m.get("dbt_version").asText());
        assertEquals("2026-11-21T05:10:53.537663Z", m.get("generated_at").asText());
        assertEquals("2026-11-21T05:10:52.201483Z", m.get("invocation_started_at").asText());
        assertEquals(ManifestWriterTest.META.invocationId(), m.get("invocation_id").asText());
        assertEquals("data", m.get("env").get("TEAM").asText());
    }

    @Test
    void nodesAndSourcesAreKeyedByUniqueId() {
        assertEquals(List.of("model.shop.orders", "model.shop.stg_orders"), keys(catalog.get("nodes")));
        assertEquals(List.of("source.shop.raw.orders"), keys(catalog.get("sources")));
        assertEquals("source.shop.raw.orders", catalog.get("sources").get("source.shop.raw.orders")
                .get("unique_id").asText());
    }

    @Test
    void tableEntry() {
        JsonNode t = catalog.get("nodes").get("model.shop.orders");
        assertEquals(List.of("metadata", "columns", "stats", "unique_id"), keys(t));
        JsonNode meta = t.get("metadata");
        assertEquals(List.of("type", "schema", "name", "database", "comment", "owner"), keys(meta));
        assertEquals("BASE TABLE", meta.get("type").asText());
        assertEquals("main", meta.get("schema").asText());
        assertEquals("orders", meta.get("name").asText());
        assertEquals("shop", meta.get("database").asText());
        assertTrue(meta.get("comment").isNull());
        assertTrue(meta.get("owner").isNull());
        assertEquals("model.shop.orders", t.get("unique_id").asText());
    }

    @Test
    void columnsKeepEngineOrderAndTypesWithOneBasedIndex() {
        JsonNode cols = catalog.get("nodes").get("model.shop.orders").get("columns");
        assertEquals(List.of("order_id", "amount", "tags"), keys(cols));
        JsonNode amount = cols.get("amount");
        assertEquals(List.of("type", "index", "name", "comment"), keys(amount));
        assertEquals("DECIMAL(10,2)", amount.get("type").asText());
        assertEquals(2, amount.get("index").asInt());
        assertEquals("amount", amount.get("name").asText());
        assertTrue(amount.get("comment").isNull());
        assertEquals(1, cols.get("order_id").get("index").asInt());
        assertEquals("VARCHAR[]", cols.get("tags").get("type").asText());
    }

    @Test
    void tablesCarryTheirRowCountThenHasStats() {
        JsonNode stats = catalog.get("nodes").get("model.shop.orders").get("stats");
        assertEquals(List.of("row_count", "has_stats"), keys(stats));
        JsonNode rows = stats.get("row_count");
        assertEquals(List.of("id", "label", "value", "include", "description"), keys(rows));
        assertEquals("row_count", rows.get("id").asText());
        assertEquals(42, rows.get("value").asLong());
        assertTrue(rows.get("include").asBoolean());
        JsonNode has = stats.get("has_stats");
        assertEquals("Has Stats?", has.get("label").asText());
        assertTrue(has.get("value").asBoolean());
        assertFalse(has.get("include").asBoolean());
        assertEquals("Indicates whether there are statistics for this table", has.get("description").asText());
        assertEquals(0, catalog.get("sources").get("source.shop.raw.orders").get("stats").get("row_count")
                .get("value").asLong());
    }

    @Test
    void viewsHaveOnlyHasStatsFalse() {
        JsonNode t = catalog.get("nodes").get("model.shop.stg_orders");
        assertEquals("VIEW", t.get("metadata").get("type").asText());
        Iterator<String> names = t.get("stats").fieldNames();
        assertEquals("has_stats", names.next());
        assertFalse(names.hasNext());
        assertFalse(t.get("stats").get("has_stats").get("value").asBoolean());
    }

    @Test
    void anEmptyCatalogStillHasBothSections() {
        JsonNode empty = new ObjectMapper().valueToTree(new CatalogWriter(ManifestWriterTest.META).document(List.of()));
        assertEquals(0, empty.get("nodes").size());
        assertEquals(0, empty.get("sources").size());
    }

    @Test
    void writesAtomicallyLeavingNoTemporaryFile() throws IOException {
        new CatalogWriter(ManifestWriterTest.META).write(tmp.resolve("target"), ENTRIES.subList(0, 1));
        try (Stream<Path> files = Files.list(tmp.resolve("target"))) {
            assertEquals(List.of("catalog.json"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(1, new ObjectMapper().readTree(tmp.resolve("target/catalog.json").toFile()).get("nodes").size());
    }
}
