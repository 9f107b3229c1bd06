package dev.mallard.core.exec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole invocation's results, in the order nodes finished. {@code hooksBefore} and
 * {@code hooksAfter} are the on-run-start/on-run-end operations: run_results.json lists
 * them, and the console's totals count them, as dbt does.
 */
public record RunSummary(String command, String invocationId, Instant startedAt, double elapsedSeconds,
                         List<NodeResult> results, List<NodeResult> hooksBefore, List<NodeResult> hooksAfter) {
    public RunSummary {
        results = List.copyOf(results);
        hooksBefore = List.copyOf(hooksBefore);
        hooksAfter = List.copyOf(hooksAfter);
    }

    public RunSummary(String command, String invocationId, Instant startedAt, double elapsedSeconds,
                      List<NodeResult> results) {
        this(command, invocationId, startedAt, elapsedSeconds, results, List.of(), List.of());
    }

    /** Everything run_results.json lists: start hooks, nodes, end hooks. */
    public List<NodeResult> artifactResults() {
        List<NodeResult> all = new ArrayList<>(hooksBefore);
        all.addAll(results);
        all.addAll(hooksAfter);
        return all;
    }

    public long count(NodeStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** As dbt's totals count: the nodes and the on-run-start/end hooks. */
    public long countWithHooks(NodeStatus status) {
        return artifactResults().stream().filter(r -> r.status() == status).count();
    }

    public boolean failed() {
        return results.stream().anyMatch(r -> r.status() == NodeStatus.ERROR || r.status() == NodeStatus.FAIL);
    }
}
