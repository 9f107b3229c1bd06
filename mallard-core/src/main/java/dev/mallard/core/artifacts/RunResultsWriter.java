package dev.mallard.core.artifacts;

import dev.mallard.core.exec.NodeResult;
import dev.mallard.core.exec.NodeStatus;
import dev.mallard.core.exec.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes {@code target/run_results.json} in dbt's run-results v6 schema. */
public final class RunResultsWriter {
    public static final String FILE_NAME = "run_results.json";
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/run-results/v6.json";
    private final ArtifactMetadata metadata;

    public RunResultsWriter(ArtifactMetadata metadata) {
        this.metadata = metadata;
    }

    /**
     * Writes the results atomically into {@code targetDir}.
     *
     * @param args the invocation's flags as dbt names them ({@code select}, {@code exclude},
     *        {@code full_refresh}, ...); {@code which} is set from the summary's command
     * @return the file written
     */
    public Path write(Path targetDir, RunSummary summary, Map<String, Object> args) {
        return JsonArtifact.write(targetDir.resolve(FILE_NAME), document(summary, args));
    }

    /** The run results as plain maps and lists, in the order dbt writes its keys. */
    public Map<String, Object> document(RunSummary summary, Map<String, Object> args) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("dbt_schema_version", SCHEMA_VERSION);
        meta.put("dbt_version", ArtifactMetadata.DBT_VERSION);
        meta.put("generated_at", Timestamps.iso(metadata.generatedAt()));
        meta.put("invocation_id", summary.invocationId() != null ? summary.invocationId() : metadata.invocationId());
        meta.put("invocation_started_at", Timestamps.iso(summary.startedAt() != null ? summary.startedAt()
                : metadata.invocationStartedAt()));
        meta.put("env", metadata.artifactEnv());

        List<Map<String, Object>> results = new ArrayList<>();
        for (NodeResult r : summary.artifactResults()) {
            results.add(result(r));
        }
        Map<String, Object> allArgs = new TreeMap<>(args);
        allArgs.put("which", summary.command());

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("metadata", meta);
        doc.put("results", results);
        doc.put("elapsed_time", summary.elapsedSeconds());
        doc.put("args", allArgs);
        return doc;
    }

    private static Map<String, Object> result(NodeResult r) {
        boolean ran = r.status() != NodeStatus.SKIPPED && r.startedAt() != null && r.completedAt() != null;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", r.status().dbtName());
        // Mallard times a node as one span; compile is recorded as its zero-length start
        e.put("timing", ran ? List.of(timing("compile", r.startedAt(), r.startedAt()),
                timing("execute", r.startedAt(), r.completedAt())) : List.of());
        e.put("thread_id", r.threadId() == null ? "Thread-1" : r.threadId());
        e.put("execution_time", r.executionSeconds());
        e.put("adapter_response", r.adapterResponse());
        e.put("message", r.message());
        e.put("failures", r.failures());
        e.put("unique_id", r.id().value());
        e.put("compiled", r.compiledCode() != null ? Boolean.TRUE : r.status() == NodeStatus.SKIPPED ? Boolean.FALSE : null);
        e.put("compiled_code", r.compiledCode());
        e.put("relation_name", r.relationName());
        e.put("batch_results", null);
        return e;
    }

    private static Map<String, Object> timing(String name, java.time.Instant start, java.time.Instant end) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("started_at", Timestamps.iso(start));
        t.put("completed_at", Timestamps.iso(end));
        return t;
    }
}
