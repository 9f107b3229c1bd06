package dev.mallard.core.exec;

import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.plan.Step;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the nodes ready at the same moment starts first, as in dbt 1.11's graph queue:
 * the one of the lowest level (its longest chain of planned ancestors), then the lowest
 * unique id. dbt hands nodes to its workers as they become ready, so this orders the
 * first nodes and each batch a finished node makes ready; it decides the order of
 * run_results.json and of the results an on-run-end hook reads.
 */
final class RunOrder {
    private RunOrder() {
    }

    /** The order of {@code steps}' nodes that are ready together (steps in DAG order). */
    static Comparator<NodeId> of(List<Step> steps) {
        Map<NodeId, Integer> level = new HashMap<>();
        for (Step s : steps) {
            int l = 0;
            for (NodeId p : s.waitsFor()) {
                l = Math.max(l, level.getOrDefault(p, -1) + 1);
            }
            level.put(s.node(), l);
        }
        return Comparator.<NodeId>comparingInt(id -> level.getOrDefault(id, 0)).thenComparing(NodeId::value);
    }
}
