package dev.mallard.core.freshness;

import dev.mallard.core.manifest.SourceNode;
import java.time.Instant;
import java.util.Map;

/**
 * The freshness of one source table: its newest {@code loaded_at_field}, when it was looked
 * at, and the status dbt gives it ({@code pass}, {@code warn}, {@code error}), or
 * {@code runtime error} with a message when it could not be computed.
 */
public record FreshnessResult(SourceNode source, String status, Instant maxLoadedAt, Instant snapshottedAt,
                              double ageSeconds, Map<String, Object> criteria, String error, Instant started,
                              Instant completed) {
    public boolean isRuntimeError() {
        return "runtime error".equals(status);
    }
}
