package dev.mallard.core.plan;

import dev.mallard.core.manifest.NodeId;
import java.util.List;

/**
 * One unit of work: build a node with a materialization. {@code waitsFor} are the steps
 * of this plan that must finish first (through unplanned nodes too).
 */
public record Step(NodeId node, String materialization, String label, List<NodeId> waitsFor) {
    public Step {
        waitsFor = List.copyOf(waitsFor);
    }
}
