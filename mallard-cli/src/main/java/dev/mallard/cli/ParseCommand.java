package dev.mallard.cli;

import dev.mallard.core.artifacts.ArtifactMetadata;
import dev.mallard.core.artifacts.ManifestWriter;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.parse.UnchangedParse;
import dev.mallard.core.project.Project;
import dev.mallard.core.run.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "parse", description = "Parse the project and write target/manifest.json.")
final class ParseCommand extends ProjectCommand {
    @Override
    boolean rejectsCycles() {
        return false;
    }

    @Override
    boolean reportsVersion() {
        return true;
    }

    @Override
    int run(Workspace ws) {
        Artifacts.writeManifest(ws);
        return done(ws.project(), ws.manifest().nodes().size(),
                ws.manifest().macros().values().stream().filter(m -> m.packageName().equals(ws.project().name())).count());
    }

    /**
     * An unchanged project (see {@link UnchangedParse}) is not parsed, decoded or linked: its
     * manifest.json is this invocation's metadata before the body its saved parse wrote, which
     * is there only if that parse linked. Whenever the body is not there, the project parses.
     */
    @Override
    Integer runUnchanged(Project project, Warnings warnings, Map<String, String> env) {
        Instant startedAt = Instant.now();
        UnchangedParse saved = UnchangedParse.find(project, env);
        if (saved == null) {
            return null;
        }
        ArtifactMetadata metadata = ArtifactMetadata.now(dev.mallard.core.events.Invocation.id(), startedAt,
                project.target().type(), Artifacts.VERSION);
        if (new ManifestWriter(metadata).writeUnchanged(project.targetDir(), project.name(), saved.parsedAt()) == null) {
            return null;
        }
        dev.mallard.core.events.PhaseTimes.mark("manifest written from the saved parse");
        warnings.addAgain(saved.warnings(), java.util.Set.of());
        announce(UnchangedParse.NOTE, project, warnings);
        return done(project, saved.nodes(), saved.rootMacros());
    }

    private int done(Project project, int nodes, long rootMacros) {
        double seconds = Timing.sinceStart();
        Path manifest = project.dir().relativize(project.targetDir().resolve(ManifestWriter.FILE_NAME));
        printer.line(String.format(Locale.ROOT, "Parsed %d nodes and %d macros; wrote %s (%.2fs)", nodes, rootMacros,
                manifest, seconds));
        return 0;
    }
}
