package dev.mallard.cli;

import dev.mallard.cli.logging.EventLogging;
import dev.mallard.core.artifacts.ArtifactMetadata;
import dev.mallard.core.artifacts.HookEntries;
import dev.mallard.core.artifacts.ManifestWriter;
import dev.mallard.core.artifacts.RunResultsWriter;
import dev.mallard.core.artifacts.SemanticManifestWriter;
import dev.mallard.core.artifacts.TimeSpines;
import dev.mallard.core.events.EventLevel;
import dev.mallard.core.exec.NodeResult;
import dev.mallard.core.exec.RunSummary;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.parse.HookOperations;
import dev.mallard.core.run.Workspace;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes manifest.json and run_results.json for a finished command. */
final class Artifacts {
    static final String VERSION = "0.1.0";

    private Artifacts() {
    }

    private static ArtifactMetadata metadata(Workspace ws) {
        return ArtifactMetadata.now(ws.invocationId(), ws.startedAt(), ws.project().target().type(), VERSION);
    }

    static void writeManifest(Workspace ws, Map<NodeId, String> compiled) {
        written("WritableManifest", new ManifestWriter(metadata(ws), hooks(ws)).write(ws.project().targetDir(),
                ws.manifest(), ws.dag(), compiled, ws.parsedAt(), ws.parsePatched()));
        // dbt writes semantic_manifest.json with every manifest.json, empty without a semantic layer
        written("SemanticManifest", SemanticManifestWriter.write(ws.project().targetDir(), ws.manifest(), ws.dag(),
                TimeSpines.of(ws.project(), ws.manifest()), TimeSpines.legacy(ws.project(), ws.manifest())));
    }

    /** dbt's debug event for each artifact written ({@code Wrote artifact WritableManifest to ...}). */
    private static void written(String type, java.nio.file.Path file) {
        String path = file.toAbsolutePath().toString();
        EventLogging.currentPrinter().emit("ArtifactWritten", "P001", EventLevel.DEBUG, "Wrote artifact " + type
                + " to " + path, Map.of("artifact_path", path, "artifact_type", type));
    }

    /** The project's on-run-start/on-run-end hooks, which dbt lists as operation nodes. */
    static HookEntries hooks(Workspace ws) {
        var target = ws.project().target();
        return new HookEntries(HookOperations.all(ws.project()), target.effectiveDatabase(), target.schema());
    }

    static void writeManifest(Workspace ws) {
        writeManifest(ws, Map.of());
    }

    static void write(Workspace ws, RunSummary summary, Map<String, Object> args) {
        write(ws, summary, args, dev.mallard.core.state.LastBuild.readAhead(ws.project().targetDir()));
    }

    /** As above, with the last build's record read ahead while the nodes ran ({@code LastBuild.readAhead}). */
    static void write(Workspace ws, RunSummary summary, Map<String, Object> args,
                      java.util.concurrent.CompletableFuture<com.fasterxml.jackson.databind.JsonNode> lastBuildRead) {
        Map<NodeId, String> compiled = new HashMap<>();
        java.util.List<NodeResult> ran = new java.util.ArrayList<>(summary.results());
        ran.addAll(summary.hooksBefore()); // dbt's manifest keeps each hook's compiled SQL too
        ran.addAll(summary.hooksAfter());
        for (NodeResult r : ran) {
            if (r.compiledCode() != null) {
                compiled.put(r.id(), r.compiledCode());
            }
        }
        writeManifest(ws, compiled);
        java.util.Set<String> built = new java.util.HashSet<>();
        for (NodeResult r : summary.results()) {
            if (r.status() == dev.mallard.core.exec.NodeStatus.SUCCESS) {
                built.add(r.id().value());
            }
        }
        // the last build's record re-reads manifest.json and merges; on its own thread it overlaps
        // with writing run_results.json (the two touch different files)
        java.util.concurrent.CompletableFuture<Void> lastBuild = java.util.concurrent.CompletableFuture.runAsync(
                () -> dev.mallard.core.state.LastBuild.record(ws.project().targetDir(), built, lastBuildRead),
                Artifacts::thread);
        Map<String, Object> a = new LinkedHashMap<>(args);
        a.put("which", summary.command());
        written("RunExecutionResult", new RunResultsWriter(metadata(ws)).write(ws.project().targetDir(), summary, a));
        try {
            lastBuild.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static void thread(Runnable work) {
        Thread t = new Thread(work, "last-build");
        t.setDaemon(true);
        t.start();
    }
}
