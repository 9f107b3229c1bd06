package dev.mallard.cli;

import dev.mallard.core.run.Workspace;
import java.util.Locale;
import picocli.CommandLine.Command;

@Command(name = "parse", description = "Parse the project and write target/manifest.json.")
final class ParseCommand extends ProjectCommand {
    @Override
    int run(Workspace ws) {
        Artifacts.writeManifest(ws);
        double seconds = Timing.sinceStart();
        printer.line(String.format(Locale.ROOT, "Parsed %d nodes and %d macros; wrote %s (%.2fs)",
                ws.manifest().nodes().size(),
                ws.manifest().macros().values().stream().filter(m -> m.packageName().equals(ws.project().name())).count(),
                ws.project().dir().relativize(ws.project().targetDir().resolve("manifest.json")), seconds));
        return 0;
    }
}
