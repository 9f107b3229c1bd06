package dev.mallard.cli;

import dev.mallard.core.artifacts.ArtifactMetadata;
import dev.mallard.core.artifacts.SourcesWriter;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.freshness.FreshnessCheck;
import dev.mallard.core.freshness.FreshnessResult;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SourceNode;
import dev.mallard.core.run.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mallard source freshness}: how old each selected source's newest row is, against
 * its warn_after and error_after; writes target/sources.json (dbt's sources v3). Exits 1
 * when a source is past error_after or its freshness cannot be computed, as dbt does.
 */
@Command(name = "freshness", description = "Check how fresh the selected sources are; write target/sources.json.")
final class SourceFreshnessCommand extends ProjectCommand {
    @Mixin
    SelectionOptions selection;

    @Option(names = {"-o", "--output"}, description = "Where to write the results (default target/sources.json).")
    Path output;

    @Override
    int run(Workspace ws) {
        long t0 = System.nanoTime();
        List<SourceNode> sources = new ArrayList<>();
        for (NodeId id : Selections.select(ws, selection, EnumSet.of(ResourceType.SOURCE)).stream().sorted().toList()) {
            if (ws.manifest().nodes().get(id) instanceof SourceNode s && FreshnessCheck.applies(s)) {
                sources.add(s);
            }
        }
        List<FreshnessResult> results = new ArrayList<>();
        try (EngineSession session = ws.engine().openSession()) {
            for (int i = 0; i < sources.size(); i++) {
                SourceNode s = sources.get(i);
                String label = "freshness of " + s.sourceName() + "." + s.name();
                printer.start(i + 1, sources.size(), label, s, java.time.Instant.now());
                FreshnessResult r = FreshnessCheck.check(s, session);
                results.add(r);
                String status = switch (r.status()) {
                    case "pass" -> "PASS";
                    case "warn" -> "WARN";
                    case "error" -> "ERROR STALE";
                    default -> "ERROR";
                };
                double seconds = (r.completed().toEpochMilli() - r.started().toEpochMilli()) / 1000.0;
                printer.freshness(i + 1, sources.size(), label, status, seconds, s, r.started(), r.completed(),
                        status.startsWith("ERROR"));
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        printer.line(String.format(Locale.ROOT, "Finished running %d source%s (%.2fs).", sources.size(),
                sources.size() == 1 ? "" : "s", elapsed));
        boolean failed = false;
        for (FreshnessResult r : results) {
            if (r.isRuntimeError()) {
                printer.line("Runtime Error in source " + r.source().name() + " (" + r.source().originalFilePath()
                        + ")\n  " + r.error());
                failed = true;
            } else if ("error".equals(r.status())) {
                printer.line("Failure in source " + r.source().name() + " (" + r.source().originalFilePath()
                        + ")\n  Status: error");
                failed = true;
            }
        }
        Path file = output != null ? output : ws.project().targetDir().resolve(SourcesWriter.FILE_NAME);
        new SourcesWriter(ArtifactMetadata.now(ws.invocationId(), ws.startedAt(), ws.project().target().type(),
                Artifacts.VERSION)).write(file, results, elapsed);
        printer.line("Done.");
        return failed ? 1 : 0;
    }
}
