package dev.mallard.cli;

import dev.mallard.core.artifacts.ArtifactMetadata;
import dev.mallard.core.artifacts.SourcesWriter;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.freshness.FreshnessCheck;
import dev.mallard.core.freshness.FreshnessResult;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SourceNode;
import dev.mallard.core.run.RunFlags;
import dev.mallard.core.run.Runner;
import dev.mallard.core.run.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    boolean reportsVersion() {
        return true;
    }

    @Override
    int run(Workspace ws) {
        long t0 = System.nanoTime();
        List<SourceNode> sources = new ArrayList<>();
        for (NodeId id : Selections.select(ws, selection, EnumSet.of(ResourceType.SOURCE)).stream().sorted().toList()) {
            if (ws.manifest().nodes().get(id) instanceof SourceNode s && FreshnessCheck.applies(s)) {
                sources.add(s);
            }
        }
        // dbt's frame: the project's hooks run around the checks (its source_freshness_run_project_hooks flag)
        Runner runner = new Runner(ws, printer, new RunFlags(false, false, ws.project().target().threads()))
                .withWhich("source");
        runner.printHeader(sources.size());
        boolean hooks = runsProjectHooks(ws);
        int hooksRun = hooks ? runner.runProjectHooks("on-run-start").size() : 0;
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
        if (hooks) {
            hooksRun += runner.runProjectHooks("on-run-end").size();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (hooksRun > 0) {
            counts.put("project hook", hooksRun);
        }
        if (!sources.isEmpty()) {
            counts.put("source", sources.size());
        }
        runner.printFinished(counts, elapsed);
        boolean failed = false;
        for (FreshnessResult r : results) {
            if (r.isRuntimeError()) {
                printer.blank();
                printer.line("Runtime Error in source " + r.source().name() + " (" + r.source().originalFilePath() + ")");
                printer.line("  " + r.error());
                failed = true;
            } else if ("error".equals(r.status())) {
                printer.blank();
                printer.line("Failure in source " + r.source().name() + " (" + r.source().originalFilePath() + ")");
                printer.line("  Status: error");
                failed = true;
            }
        }
        Path file = output != null ? output : ws.project().targetDir().resolve(SourcesWriter.FILE_NAME);
        new SourcesWriter(ArtifactMetadata.now(ws.invocationId(), ws.startedAt(), ws.project().target().type(),
                Artifacts.VERSION)).write(file, results, elapsed);
        printer.line("Done.");
        return failed ? 1 : 0;
    }

    /** dbt_project.yml's {@code flags: source_freshness_run_project_hooks} (dbt 1.11's default: true). */
    private static boolean runsProjectHooks(Workspace ws) {
        Object flags = ws.project().config().raw() == null ? null : ws.project().config().raw().get("flags");
        return !(flags instanceof Map<?, ?> m) || !Boolean.FALSE.equals(m.get("source_freshness_run_project_hooks"));
    }
}
