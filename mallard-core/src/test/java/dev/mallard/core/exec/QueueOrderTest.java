package dev.mallard.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.plan.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ready nodes are taken as dbt's graph queue takes them: by depth in the plan, then by unique id. */
class QueueOrderTest {
    private static Step step(String id, String... waitsFor) {
        return new Step(new NodeId(id), "view", id, List.of(waitsFor).stream().map(NodeId::new).toList());
    }

    @Test
    void shallowerFirstThenByUniqueId() {
        List<Step> steps = List.of(
                step("seed.p.b"), step("seed.p.a"),
                step("model.p.stg", "seed.p.a"),
                // the YAML listed unique before not_null; dbt runs them in id order
                step("test.p.unique_stg_id.1", "model.p.stg"), step("test.p.not_null_stg_id.2", "model.p.stg"),
                // deeper than the tests though it waits for the model alone... and a seed of depth 0
                step("model.p.mart", "model.p.stg", "seed.p.b"),
                step("model.p.zeta", "seed.p.b"));
        List<NodeId> ids = new ArrayList<>(steps.stream().map(Step::node).toList());
        ids.sort(QueueOrder.of(steps));
        assertEquals(List.of("seed.p.a", "seed.p.b", "model.p.stg", "model.p.zeta", "model.p.mart",
                "test.p.not_null_stg_id.2", "test.p.unique_stg_id.1"), ids.stream().map(NodeId::value).toList());
    }

    @Test
    void aNodesDepthIsItsLongestPathFromANodeWaitingForNothing() {
        List<Step> steps = List.of(step("a"), step("b", "a"), step("c", "b"), step("d", "a", "c"), step("e", "a"));
        List<NodeId> ids = new ArrayList<>(List.of(new NodeId("d"), new NodeId("e"), new NodeId("c")));
        ids.sort(QueueOrder.of(steps));
        assertEquals(List.of("e", "c", "d"), ids.stream().map(NodeId::value).toList());
    }
}
