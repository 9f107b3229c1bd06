package dev.mallard.cli;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.Engines;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.events.EventLevel;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.Target;
import dev.mallard.core.run.Workspace;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code mallard debug}: the project, profile and target, and a connection test. As dbt's
 * debug, it reads dbt_project.yml and the profile but parses no model (a small command, and
 * it still answers when a model does not parse).
 */
@Command(name = "debug", description = "Show the project, profile and target, and test the connection.")
final class DebugCommand extends ProjectCommand {
    @Override
    public Integer call() {
        Warnings warnings = new Warnings();
        Project project = Workspace.loadProject(options.toLoaderOptions().requiringPackages(false), System.getenv(),
                warnings);
        if (project.profileNotice() != null) {
            printer.line(project.profileNotice());
        }
        warnings.takeNew().forEach(printer::warning);
        Target t = project.target();
        debugLine("mallard 0.1.0, Java " + System.getProperty("java.version"));
        debugLine("project: " + project.name() + " (" + project.dir() + ")");
        debugLine("profile: " + t.profileName() + (t.defaulted() ? " (default: no profile found)" : "")
                + ", target: " + t.name());
        debugLine("  type: " + t.type());
        // the connection keys of the target's adapter: a DuckDB file, or a server (as dbt debug lists them)
        for (String key : t.string("host") == null ? java.util.List.of("path") : java.util.List.of("host", "port", "user")) {
            debugLine("  " + key + ": " + t.string(key));
        }
        debugLine("  database: " + t.effectiveDatabase());
        debugLine("  schema: " + t.schema());
        debugLine("  threads: " + t.threads());
        try (Engine engine = Engines.open(t, project.dir())) {
            try (EngineSession s = engine.openSession()) {
                s.query("select 1");
            }
            debugLine("Connection: " + engine.describe());
        }
        debugLine("  Connection test: [OK connection ok]");
        debugLine("All checks passed!");
        return 0;
    }

    @Override
    int run(Workspace ws) {
        throw new IllegalStateException("debug runs through call()");
    }

    private void debugLine(String text) {
        printer.emit("DebugCmdOut", "Z047", EventLevel.INFO, text, Map.of("msg", text));
    }
}
