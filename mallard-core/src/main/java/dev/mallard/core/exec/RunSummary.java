package dev.mallard.core.exec;

import java.time.Instant;
import java.util.List;

/** A whole invocation's results, in the order nodes finished. */
public record RunSummary(String command, String invocationId, Instant startedAt, double elapsedSeconds,
                         List<NodeResult> results) {
    public RunSummary {
        results = List.copyOf(results);
    }

    public long count(NodeStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public boolean failed() {
        return results.stream().anyMatch(r -> r.status() == NodeStatus.ERROR || r.status() == NodeStatus.FAIL);
    }
}
