package dev.mallard.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.core.testing.ShopManifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Linking as dbt 1.11 links: tests that name a missing node are disabled with a warning; cycles stop all but parse. */
class LinkerTest {
    private static TestNode singular(String name, List<String> refs, List<SourceCall> sources) {
        return new TestNode(new NodeId("test.shop." + name), name, "shop", name + ".sql", "tests/" + name + ".sql",
                List.of("shop", name), new NodeConfig(Map.of("severity", "ERROR")), null, "", "select 1", null, null,
                null, refs.stream().map(r -> new RefCall(null, r, 1)).toList(), sources, "");
    }

    @Test
    void aTestNamingAMissingModelOrSourceIsDisabledWithItsResolvedParentsAndAWarning() {
        ShopManifest shop = ShopManifest.standard()
                .add(singular("t_gone", List.of("orders", "gone"), List.of()))
                .add(singular("t_src", List.of(), List.of(new SourceCall("raw", "nope", 1))));
        Linker linker = new Linker(shop.manifest());
        Dag dag = linker.link();

        Manifest linked = linker.manifest();
        TestNode gone = (TestNode) linked.nodes().get(new NodeId("test.shop.t_gone"));
        assertFalse(gone.config().enabled());
        assertFalse(gone.config().written().containsKey("enabled"), "not in unrendered_config");
        assertEquals(List.of(new NodeId("model.shop.orders")), dag.parents(gone.id()));
        assertFalse(linked.nodes().get(new NodeId("test.shop.t_src")).config().enabled());
        assertTrue(shop.manifest().nodes().get(gone.id()).config().enabled(), "the parsed manifest is left as it was");
        assertEquals(List.of(
                "[WARNING]: Test 'test.shop.t_src' (tests/t_src.sql) depends on a source named 'raw.nope' in package '' "
                        + "which was not found",
                "[WARNING]: Test 'test.shop.t_gone' (tests/t_gone.sql) depends on a node named 'gone' in package '' "
                        + "which was not found"), linker.warnings());
    }

    @Test
    void aModelThatRefsItselfLinksOnlyWhenCyclesAreAllowed() {
        ShopManifest shop = ShopManifest.standard().model("me", Map.of(), List.of("me"), List.of());
        Dag dag = new Linker(shop.manifest()).linkAllowingCycles();
        assertEquals(List.of(new NodeId("model.shop.me")), dag.parents(new NodeId("model.shop.me")));

        MallardException e = assertThrows(MallardException.class, () -> new Linker(shop.manifest()).link());
        assertTrue(e.getMessage().contains("Found a cycle: model.shop.me"), e.getMessage());
    }
}
