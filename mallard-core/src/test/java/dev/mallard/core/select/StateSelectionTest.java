package dev.mallard.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.artifacts.ArtifactMetadata;
import dev.mallard.core.artifacts.ManifestWriter;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SeedNode;
import dev.mallard.core.state.PreviousState;
import dev.mallard.core.testing.ShopManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given the manifest.json of the shop project as state, and the project changed in one
 * way per node, the state: methods select what dbt's StateSelectorMethod selects, and
 * result: what the state's run_results.json says.
 */
class StateSelectionTest {
    private static final ArtifactMetadata META = new ArtifactMetadata("prev", Instant.EPOCH, Instant.EPOCH,
            "duckdb", "0.1.0", Map.of());

    @TempDir
    Path state;

    private Selector selector;

    @BeforeEach
    void writeStateAndChangeTheProject() throws IOException {
        ShopManifest before = ShopManifest.standard();
        before.add(withConfig(model(before, "dashboard"), c -> put(c, "persist_docs", Map.of("relation", true))));
        new ManifestWriter(META).write(state, before.manifest(), before.dag(), Map.of());
        Files.writeString(state.resolve("run_results.json"), """
                {"metadata": {}, "elapsed_time": 1.0, "args": {"which": "build"}, "results": [
                  {"unique_id": "seed.shop.countries", "status": "success"},
                  {"unique_id": "model.shop.stg_orders", "status": "error"},
                  {"unique_id": "model.shop.orders", "status": "skipped"}]}
                """);

        ShopManifest now = ShopManifest.standard();
        ModelNode stgOrders = model(now, "stg_orders");
        now.add(new ModelNode(stgOrders.id(), stgOrders.resourceType(), stgOrders.name(), stgOrders.packageName(),
                stgOrders.path(), stgOrders.originalFilePath(), stgOrders.fqn(), "select 2 as id", stgOrders.config(),
                stgOrders.relation(), stgOrders.description(), stgOrders.columns(), stgOrders.refs(),
                stgOrders.sourceCalls(), stgOrders.patchPath(), "sha-changed"));
        now.add(withConfig(model(now, "orders"), c -> put(c, "materialized", "view")));
        now.add(withConfig(model(now, "customers"), c -> put(c, "alias", "clients")));
        now.add(withConfig(model(now, "revenue"), c -> put(c, "tags", List.of("finance"))));
        ModelNode dashboard = withConfig(model(now, "dashboard"), c -> put(c, "persist_docs", Map.of("relation", true)));
        now.add(new ModelNode(dashboard.id(), dashboard.resourceType(), dashboard.name(), dashboard.packageName(),
                dashboard.path(), dashboard.originalFilePath(), dashboard.fqn(), dashboard.rawCode(), dashboard.config(),
                dashboard.relation(), "a new description", dashboard.columns(), dashboard.refs(),
                dashboard.sourceCalls(), dashboard.patchPath(), dashboard.checksum()));
        SeedNode countries = (SeedNode) now.manifest().nodes().get(new NodeId("seed.shop.countries"));
        now.add(new SeedNode(countries.id(), countries.name(), countries.packageName(), countries.path(),
                countries.originalFilePath(), countries.fqn(), countries.config(), countries.relation(),
                countries.description(), countries.columns(), countries.csvFile(), countries.patchPath(), "def456"));
        now.model("marts/margin", Map.of(), List.of("orders"), List.of());
        selector = new Selector(now.manifest(), now.dag(), PreviousState.at(state));
    }

    private static ModelNode model(ShopManifest shop, String name) {
        return (ModelNode) shop.manifest().nodes().get(NodeId.of(ResourceType.MODEL, ShopManifest.PROJECT, name));
    }

    private static ModelNode withConfig(ModelNode m, UnaryOperator<Map<String, Object>> change) {
        NodeConfig config = new NodeConfig(change.apply(new LinkedHashMap<>(m.config().values())));
        return new ModelNode(m.id(), m.resourceType(), m.name(), m.packageName(), m.path(), m.originalFilePath(),
                m.fqn(), m.rawCode(), config, m.relation(), m.description(), m.columns(), m.refs(), m.sourceCalls(),
                m.patchPath(), m.checksum());
    }

    private static Map<String, Object> put(Map<String, Object> config, String key, Object value) {
        config.put(key, value);
        return config;
    }

    private String ls(String... select) {
        return names(selector.select(List.of(select), List.of(), SelectorTest.LS_TYPES));
    }

    private static String names(Set<NodeId> ids) {
        return ids.stream().map(id -> {
            String[] parts = id.value().split("\\.");
            return id.value().startsWith("source.") ? parts[2] + "." + parts[3] : parts[2];
        }).collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(" "));
    }

    @Test
    void newIsWhatTheStateDoesNotHave() {
        assertEquals("margin", ls("state:new"));
        assertEquals("countries customers dashboard orders raw.customers raw.orders revenue stg_customers stg_orders",
                ls("state:old"));
    }

    @Test
    void modifiedIsNewOrChangedInBodyConfigRelationOrPersistedDescription() {
        assertEquals("countries customers dashboard margin orders stg_orders", ls("state:modified"));
        assertEquals("raw.customers raw.orders revenue stg_customers", ls("state:unmodified"));
    }

    @Test
    void eachKindOfModificationHasItsOwnSubSelector() {
        assertEquals("countries margin stg_orders", ls("state:modified.body"));
        assertEquals("margin orders", ls("state:modified.configs"));
        assertEquals("customers margin", ls("state:modified.relation"));
        assertEquals("dashboard margin", ls("state:modified.persisted_descriptions"));
    }

    @Test
    void tagsAloneAreNotAModificationAsInDbt() {
        assertEquals("", ls("state:modified,revenue"));
    }

    @Test
    void graphOperatorsAndIntersectionsWorkOnStateMethods() {
        assertEquals("customers dashboard margin orders revenue stg_orders", ls("state:modified.body+,resource_type:model"));
        assertEquals("margin", ls("state:new+"));
    }

    @Test
    void resultSelectsByThePreviousStatus() {
        assertEquals("stg_orders", ls("result:error"));
        assertEquals("orders stg_orders", ls("result:error", "result:skipped"));
        assertEquals("countries", ls("result:success"));
        assertEquals("customers dashboard margin orders revenue stg_orders", ls("result:error+"));
        assertEquals("", ls("result:fail"));
    }

    @Test
    void unknownStateValuesAreUsageErrors() {
        MallardException e = assertThrows(MallardException.class, () -> ls("state:changed"));
        assertEquals(ErrorCode.USAGE, e.code());
        assertTrue(e.hint().contains("state:modified"), e.hint());
    }

    @Test
    void withoutStateTheMethodsAskForIt() {
        ShopManifest shop = ShopManifest.standard();
        Selector noState = new Selector(shop.manifest(), shop.dag());
        for (String s : List.of("state:modified", "result:error")) {
            MallardException e = assertThrows(MallardException.class,
                    () -> noState.select(List.of(s), List.of(), Set.of()));
            assertEquals(ErrorCode.USAGE, e.code());
            assertTrue(e.getMessage().contains("no --state was given"), e.getMessage());
        }
    }

    @Test
    void aStateFolderWithoutTheFileNeededSaysWhichIsMissing(@TempDir Path empty) {
        ShopManifest shop = ShopManifest.standard();
        Selector sel = new Selector(shop.manifest(), shop.dag(), PreviousState.at(empty));
        MallardException e = assertThrows(MallardException.class, () -> sel.select(List.of("state:new"), List.of(),
                Set.of()));
        assertTrue(e.getMessage().contains("holds no manifest.json"), e.getMessage());
        e = assertThrows(MallardException.class, () -> sel.select(List.of("result:error"), List.of(), Set.of()));
        assertTrue(e.getMessage().contains("holds no run_results.json"), e.getMessage());
        assertEquals(ErrorCode.USAGE, assertThrows(MallardException.class,
                () -> PreviousState.at(empty.resolve("nope"))).code());
    }

    @Test
    void theRelationIsComparedAsConfiguredNotAsRendered() throws IOException {
        ShopManifest prod = ShopManifest.standard();
        ModelNode orders = model(prod, "orders");
        prod.add(new ModelNode(orders.id(), orders.resourceType(), orders.name(), orders.packageName(), orders.path(),
                orders.originalFilePath(), orders.fqn(), orders.rawCode(), orders.config(),
                new Relation("prod", "analytics", "orders"), orders.description(), orders.columns(), orders.refs(),
                orders.sourceCalls(), orders.patchPath(), orders.checksum()));
        Path prodState = state.resolve("prod");
        new ManifestWriter(META).write(prodState, prod.manifest(), prod.dag(), Map.of());
        ShopManifest dev = ShopManifest.standard();
        Selector sel = new Selector(dev.manifest(), dev.dag(), PreviousState.at(prodState));
        assertEquals("", names(sel.select(List.of("state:modified"), List.of(), Set.of())));
    }
}
