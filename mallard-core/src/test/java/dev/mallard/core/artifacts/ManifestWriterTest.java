package dev.mallard.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.testing.ShopManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given the shop project, target/manifest.json reads back with dbt's v12 field names and values. */
class ManifestWriterTest {
    static final ArtifactMetadata META = new ArtifactMetadata("3f1c8a1e-0000-4000-8000-000000000001",
            Instant.parse("2026-11-21T05:10:52.201483Z"), Instant.parse("2026-11-21T05:10:53.5376631Z"), "duckdb",
            "0.1.0", Map.of("TEAM", "data"));

    @TempDir
    Path tmp;

    Path target;

    JsonNode manifest;

    @BeforeEach
    void writeAndReadBack() throws IOException {
        target = tmp.resolve("target");
        ShopManifest shop = ShopManifest.standard();
        Path file = new ManifestWriter(META).write(target, shop.manifest(), shop.dag(),
                Map.of(new NodeId("model.shop.orders"), "select * from \"shop\".\"main\".\"stg_orders\""));
        assertEquals(target.resolve("manifest.json"), file);
        manifest = new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void topLevelSectionsAreDbts() {
        List<String> keys = new ArrayList<>();
        manifest.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("metadata", "nodes", "sources", "macros", "docs", "exposures", "metrics", "groups",
                "selectors", "disabled", "parent_map", "child_map", "group_map", "saved_queries", "semantic_models",
                "unit_tests", "functions"), keys);
        assertEquals(0, manifest.get("exposures").size());
        assertEquals(0, manifest.get("unit_tests").size());
    }

    @Test
    void metadata() {
        JsonNode m = manifest.get("metadata");
        assertEquals("https://schemas.getdbt.com/dbt/manifest/v12.json", m.get("dbt_schema_version").asText());
        assertEquals("1.11.0", m.get("dbt_version").asText());
        assertEquals("2026-11-21T05:10:53.537663Z", m.get("generated_at").asText());
        assertEquals("2026-11-21T05:10:52.201483Z", m.get("invocation_started_at").asText());
        assertEquals(META.invocationId(), m.get("invocation_id").asText());
        assertEquals("shop", m.get("project_name").asText());
        assertEquals("duckdb", m.get("adapter_type").asText());
        assertEquals("data", m.get("env").get("TEAM").asText());
        assertEquals("0.1.0", m.get("env").get("MALLARD_VERSION").asText());
    }

    @Test
    void modelEntry() throws IOException {
        JsonNode n = manifest.get("nodes").get("model.shop.orders");
        assertEquals("model.shop.orders", n.get("unique_id").asText());
        assertEquals("model", n.get("resource_type").asText());
        assertEquals("orders", n.get("name").asText());
        assertEquals("shop", n.get("package_name").asText());
        assertEquals("marts/orders.sql", n.get("path").asText());
        assertEquals("models/marts/orders.sql", n.get("original_file_path").asText());
        assertEquals("[\"shop\",\"marts\",\"orders\"]", n.get("fqn").toString());
        assertEquals("orders", n.get("alias").asText());
        assertEquals("main", n.get("schema").asText());
        assertEquals("shop", n.get("database").asText());
        assertEquals("\"shop\".\"main\".\"orders\"", n.get("relation_name").asText());
        assertEquals("select 1 as id", n.get("raw_code").asText());
        assertEquals("sql", n.get("language").asText());
        assertEquals("table", n.get("config").get("materialized").asText());
        assertEquals("ignore", n.get("config").get("on_schema_change").asText());
        assertTrue(n.get("config").get("enabled").asBoolean());
        assertEquals("[\"nightly\"]", n.get("tags").toString());
        assertEquals("[\"nightly\"]", n.get("config").get("tags").toString());
        assertEquals("protected", n.get("access").asText());
        assertEquals("{\"macros\":[],\"nodes\":[\"model.shop.stg_orders\",\"seed.shop.countries\"]}",
                n.get("depends_on").toString());
        assertEquals("[{\"name\":\"stg_orders\",\"package\":null,\"version\":null},"
                + "{\"name\":\"countries\",\"package\":null,\"version\":null}]", n.get("refs").toString());
        assertEquals("[]", n.get("sources").toString());
        // dbt 1.11 lists the functions (UDFs) a node calls, after its metrics
        assertEquals("[]", n.get("functions").toString());
        assertEquals("{\"name\":\"sha256\",\"checksum\":\"sha-orders\"}", n.get("checksum").toString());
        assertTrue(n.get("patch_path").isNull());
        assertEquals(new ObjectMapper().readTree("{\"materialized\":\"table\",\"tags\":[\"nightly\"]}"),
                n.get("unrendered_config"));
        assertEquals(1795237853.537663, n.get("created_at").asDouble(), 1e-6);
    }

    @Test
    void compiledFieldsOnlyForCompiledNodes() {
        JsonNode compiled = manifest.get("nodes").get("model.shop.orders");
        assertTrue(compiled.get("compiled").asBoolean());
        assertEquals("select * from \"shop\".\"main\".\"stg_orders\"", compiled.get("compiled_code").asText());
        assertEquals("target/compiled/shop/models/marts/orders.sql",
                compiled.get("compiled_path").asText());
        JsonNode notCompiled = manifest.get("nodes").get("model.shop.stg_orders");
        assertTrue(notCompiled.get("compiled_path").isNull());
        assertFalse(notCompiled.has("compiled_code"));
        assertFalse(notCompiled.has("compiled"));
    }

    @Test
    void modelSourcesAndColumns() {
        JsonNode n = manifest.get("nodes").get("model.shop.stg_orders");
        assertEquals("[[\"raw\",\"orders\"]]", n.get("sources").toString());
        JsonNode id = n.get("columns").get("id");
        assertEquals("id", id.get("name").asText());
        assertEquals("the id", id.get("description").asText());
        assertEquals("integer", id.get("data_type").asText());
        assertEquals("{\"owner\":\"data\"}", id.get("meta").toString());
        assertEquals("[\"key\"]", id.get("tags").toString());
        assertEquals("[]", id.get("constraints").toString());
        assertTrue(id.get("quote").isNull());
        JsonNode patched = manifest.get("nodes").get("model.shop.stg_customers");
        assertEquals("shop://models/staging/schema.yml", patched.get("patch_path").asText());
        assertEquals("staged customers", patched.get("description").asText());
    }

    @Test
    void seedAndAnalysisEntries() {
        JsonNode seed = manifest.get("nodes").get("seed.shop.countries");
        assertEquals("seed", seed.get("resource_type").asText());
        assertEquals("seed", seed.get("config").get("materialized").asText());
        assertEquals(",", seed.get("config").get("delimiter").asText());
        assertEquals("/projects/shop", seed.get("root_path").asText());
        assertEquals("{\"macros\":[]}", seed.get("depends_on").toString());
        assertFalse(seed.has("refs"));
        JsonNode analysis = manifest.get("nodes").get("analysis.shop.explore");
        assertEquals("analysis", analysis.get("resource_type").asText());
        assertTrue(analysis.get("relation_name").isNull());
        assertFalse(analysis.has("access"));
    }

    @Test
    void sourceEntry() {
        JsonNode s = manifest.get("sources").get("source.shop.raw.orders");
        assertEquals("source", s.get("resource_type").asText());
        assertEquals("raw", s.get("source_name").asText());
        assertEquals("orders", s.get("name").asText());
        assertEquals("orders", s.get("identifier").asText());
        assertEquals("raw", s.get("schema").asText());
        assertEquals("\"shop\".\"raw\".\"orders\"", s.get("relation_name").asText());
        assertEquals("fivetran", s.get("loader").asText());
        assertEquals("raw orders", s.get("description").asText());
        assertEquals("the raw data", s.get("source_description").asText());
        assertEquals("primary key", s.get("columns").get("id").get("description").asText());
        assertEquals("[\"shop\",\"staging\",\"raw\",\"orders\"]", s.get("fqn").toString());
        assertTrue(s.get("external").isNull());
        assertTrue(s.get("config").get("enabled").asBoolean());
        // dbt 1.11 writes every source config key, static_analysis (null) last
        List<String> keys = new ArrayList<>();
        s.get("config").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("enabled", "event_time", "freshness", "loaded_at_field", "loaded_at_query", "meta", "tags",
                "static_analysis"), keys);
        assertTrue(s.get("config").get("static_analysis").isNull());
        assertFalse(manifest.get("nodes").has("source.shop.raw.orders"));
    }

    @Test
    void macrosAndDocs() {
        JsonNode m = manifest.get("macros").get("macro.shop.cents");
        assertEquals("cents", m.get("name").asText());
        assertEquals("macro", m.get("resource_type").asText());
        assertEquals("macros/cents.sql", m.get("original_file_path").asText());
        assertEquals("{% macro cents(x) %}{{ x }} / 100{% endmacro %}", m.get("macro_sql").asText());
        assertEquals("{\"macros\":[]}", m.get("depends_on").toString());
        assertEquals("[]", m.get("arguments").toString());
        JsonNode d = manifest.get("docs").get("doc.shop.orders");
        assertEquals("doc", d.get("resource_type").asText());
        assertEquals("One row per order.", d.get("block_contents").asText());
    }

    @Test
    void parentAndChildMapsCoverEveryNodeAndSourceSorted() {
        JsonNode parents = manifest.get("parent_map");
        JsonNode children = manifest.get("child_map");
        assertEquals(10, parents.size());
        assertEquals(10, children.size());
        assertEquals("[\"model.shop.orders\",\"model.shop.stg_customers\"]",
                parents.get("model.shop.customers").toString());
        assertEquals("[\"source.shop.raw.orders\"]", parents.get("model.shop.stg_orders").toString());
        assertEquals("[]", parents.get("source.shop.raw.orders").toString());
        assertEquals("[\"analysis.shop.explore\",\"model.shop.customers\",\"model.shop.revenue\"]",
                children.get("model.shop.orders").toString());
        List<String> keys = new ArrayList<>();
        parents.fieldNames().forEachRemaining(keys::add);
        assertEquals(keys.stream().sorted().toList(), keys);
        assertEquals(0, manifest.get("group_map").size());
    }

    @Test
    void disabledNodesGoToTheDisabledSection() throws IOException {
        ShopManifest shop = ShopManifest.standard().model("legacy", Map.of("enabled", false), List.of(), List.of());
        new ManifestWriter(META).write(target, shop.manifest(), shop.dag(), Map.of());
        JsonNode m = new ObjectMapper().readTree(target.resolve("manifest.json").toFile());
        assertFalse(m.get("nodes").has("model.shop.legacy"));
        assertFalse(m.get("parent_map").has("model.shop.legacy"));
        assertEquals("legacy", m.get("disabled").get("model.shop.legacy").get(0).get("name").asText());
    }

    @Test
    void hooksAreWrittenAsDbtHookObjects() throws IOException {
        ShopManifest shop = ShopManifest.standard().add(ShopManifest.standard().buildModel(ResourceType.MODEL,
                "hooked", Map.of("post-hook", List.of("analyze {{ this }}")), List.of(), List.of(), null, ""));
        new ManifestWriter(META).write(target, shop.manifest(), shop.dag(), Map.of());
        JsonNode m = new ObjectMapper().readTree(target.resolve("manifest.json").toFile());
        assertEquals("[{\"sql\":\"analyze {{ this }}\",\"transaction\":true,\"index\":null}]",
                m.get("nodes").get("model.shop.hooked").get("config").get("post-hook").toString());
    }

    @Test
    void writingReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        ShopManifest shop = ShopManifest.standard();
        new ManifestWriter(META).write(target, shop.manifest(), shop.dag(), Map.of());
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(List.of("manifest.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
