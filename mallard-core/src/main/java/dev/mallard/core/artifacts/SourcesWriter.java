package dev.mallard.core.artifacts;

import dev.mallard.core.freshness.FreshnessResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code target/sources.json} in dbt's sources v3 schema: one result per source
 * checked (those whose freshness could not be computed are left out, as dbt leaves them).
 */
public final class SourcesWriter {
    public static final String FILE_NAME = "sources.json";
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/sources/v3.json";
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    private final ArtifactMetadata metadata;

    public SourcesWriter(ArtifactMetadata metadata) {
        this.metadata = metadata;
    }

    /** Writes the artifact atomically to {@code file}. */
    public Path write(Path file, List<FreshnessResult> results, double elapsedSeconds) {
        return JsonArtifact.write(file, document(results, elapsedSeconds));
    }

    public Map<String, Object> document(List<FreshnessResult> results, double elapsedSeconds) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("dbt_schema_version", SCHEMA_VERSION);
        meta.put("dbt_version", ArtifactMetadata.DBT_VERSION);
        meta.put("generated_at", Timestamps.iso(metadata.generatedAt()));
        meta.put("invocation_id", metadata.invocationId());
        meta.put("invocation_started_at", Timestamps.iso(metadata.invocationStartedAt()));
        meta.put("env", metadata.artifactEnv());
        List<Object> entries = new ArrayList<>();
        for (FreshnessResult r : results) {
            if (r.isRuntimeError()) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("unique_id", r.source().id().value());
            e.put("max_loaded_at", r.maxLoadedAt() == null ? null : OFFSET.format(r.maxLoadedAt()));
            e.put("snapshotted_at", OFFSET.format(r.snapshottedAt()));
            e.put("max_loaded_at_time_ago_in_s", Double.isInfinite(r.ageSeconds()) ? null : r.ageSeconds());
            e.put("status", r.status());
            e.put("criteria", r.criteria());
            e.put("adapter_response", Map.of("_message", "OK"));
            e.put("timing", List.of(timing("compile", r.started(), r.started()),
                    timing("execute", r.started(), r.completed())));
            e.put("thread_id", "Thread-1");
            e.put("execution_time", (r.completed().toEpochMilli() - r.started().toEpochMilli()) / 1000.0);
            entries.add(e);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("metadata", meta);
        doc.put("results", entries);
        doc.put("elapsed_time", elapsedSeconds);
        return doc;
    }

    private static Map<String, Object> timing(String name, Instant started, Instant completed) {
        return JsonArtifact.object("name", name, "started_at", Timestamps.iso(started), "completed_at",
                Timestamps.iso(completed));
    }
}
