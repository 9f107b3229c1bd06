package dev.mallard.core.exec;

import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.plan.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which nodes that become ready together are handed to the threads, as dbt's graph queue
 * takes them: by depth in the plan (a node waiting for nothing is 0, any other one more than its deepest
 * dependency: dbt's topological generations), then by unique id. The threads take them first come, first
 * served, as dbt's pool does, so with one thread the nodes run in dbt's order (a model's tests in id order
 * right after it, not in the YAML's order).
 */
final class QueueOrder {
    private QueueOrder() {
    }

    static Comparator<NodeId> of(List<Step> steps) {
        Map<NodeId, Integer> waiting = new HashMap<>();
        Map<NodeId, List<NodeId>> dependents = new HashMap<>();
        for (Step s : steps) {
            waiting.put(s.node(), 0);
        }
        for (Step s : steps) {
            for (NodeId p : s.waitsFor()) {
                if (waiting.containsKey(p)) {
                    waiting.merge(s.node(), 1, Integer::sum);
                    dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(s.node());
                }
            }
        }
        Map<NodeId, Integer> depth = new HashMap<>();
        Deque<NodeId> ready = new ArrayDeque<>();
        waiting.forEach((id, n) -> {
            if (n == 0) {
                ready.add(id);
                depth.put(id, 0);
            }
        });
        while (!ready.isEmpty()) {
            NodeId id = ready.poll();
            int d = depth.get(id);
            for (NodeId child : dependents.getOrDefault(id, List.of())) {
                depth.merge(child, d + 1, Math::max);
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        return Comparator.comparing((NodeId id) -> depth.getOrDefault(id, 0)).thenComparing(NodeId::value);
    }
}
