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

    @Override
    int run(Workspace ws) {
        Target t = ws.project().target();
        System.out.println("mallard 0.1.0, Java " + System.getProperty("java.version"));
        System.out.println("project: " + ws.project().name() + " (" + ws.project().dir() + ")");
        System.out.println("profile: " + t.profileName() + (t.defaulted() ? " (default: no profile found)" : "")
                + ", target: " + t.name());
        System.out.println("  type: " + t.type());
        System.out.println("  path: " + t.string("path"));
        System.out.println("  database: " + t.effectiveDatabase());
        System.out.println("  schema: " + t.schema());
        System.out.println("  threads: " + t.threads());
        try (EngineSession s = ws.engine().openSession()) {
            s.query("select 1");
        }
        System.out.println("Connection: " + ws.engine().describe());
        System.out.println("  Connection test: [OK connection ok]");
        System.out.println("All checks passed!");
        return 0;
    }
}
