package dev.mallard.cli;

import dev.mallard.core.artifacts.ManifestWriter;
import dev.mallard.core.artifacts.RunResultsWriter;
import dev.mallard.core.exec.RunSummary;
import dev.mallard.core.run.Workspace;

/** Writes manifest.json and run_results.json for a finished command. */
final class Artifacts {
    private Artifacts() {
    }

    static void writeManifest(Workspace ws) {
        ManifestWriter.write(ws, ws.project().targetDir().resolve("manifest.json"));
    }

    static void write(Workspace ws, RunSummary summary) {
        writeManifest(ws);
        RunResultsWriter.write(ws, summary, ws.project().targetDir().resolve("run_results.json"));
    }
}
