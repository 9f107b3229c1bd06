package dev.mallard.core.exec;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.manifest.NodeId;
import java.time.Instant;
import java.util.Map;

/** What happened to one node in a run, for the console and run_results.json. */
public record NodeResult(
        NodeId id,
        NodeStatus status,
        String message,
        Instant startedAt,
        Instant completedAt,
        double executionSeconds,
        String threadId,
        Map<String, Object> adapterResponse,
        Long failures,
        String compiledCode,
        String relationName) {

    public NodeResult {
        adapterResponse = Frozen.map(adapterResponse);
    }
}
