package dev.mallard.cli;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.project.Target;
import dev.mallard.core.run.Workspace;
import picocli.CommandLine.Command;

@Command(name = "debug", description = "Show the project, profile and target, and test the connection.")
final class DebugCommand extends ProjectCommand {
    @Override
    boolean requiresPackages() {
        return false;
    }

    private void debugLine(String text) {
        printer.emit("DebugCmdOut", "Z047", dev.mallard.core.events.EventLevel.INFO, text, java.util.Map.of("msg", text));
    }

    @Override
    int run(Workspace ws) {
        Target t = ws.project().target();
        debugLine("mallard 0.1.0, Java " + System.getProperty("java.version"));
        debugLine("project: " + ws.project().name() + " (" + ws.project().dir() + ")");
        debugLine("profile: " + t.profileName() + (t.defaulted() ? " (default: no profile found)" : "")
                + ", target: " + t.name());
        debugLine("  type: " + t.type());
        debugLine("  path: " + t.string("path"));
        debugLine("  database: " + t.effectiveDatabase());
        debugLine("  schema: " + t.schema());
        debugLine("  threads: " + t.threads());
        try (EngineSession s = ws.engine().openSession()) {
            s.query("select 1");
        }
        debugLine("Connection: " + ws.engine().describe());
        debugLine("  Connection test: [OK connection ok]");
        debugLine("All checks passed!");
        return 0;
    }
}
