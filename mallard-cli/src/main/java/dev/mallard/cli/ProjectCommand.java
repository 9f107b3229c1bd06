package dev.mallard.cli;

import dev.mallard.core.exec.ProgressPrinter;
import dev.mallard.core.run.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** Base of commands that load a project: loads, runs the body, closes the engine. */
abstract class ProjectCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    ProgressPrinter printer = new ProgressPrinter(System.out);

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.load(options.toLoaderOptions().requiringPackages(requiresPackages()), System.getenv())) {
            if (ws.project().profileNotice() != null && announcesProfile()) {
                printer.line(ws.project().profileNotice());
            }
            // commands whose output is read by programs (ls, show) keep warnings off stdout
            ProgressPrinter warnings = announcesProfile() ? printer : new ProgressPrinter(System.err);
            ws.warnings().takeNew().forEach(warnings::line);
            return run(ws);
        }
    }

    boolean announcesProfile() {
        return true;
    }

    /** Whether the project's packages must be installed (dbt checks before parsing; clean and debug do not parse). */
    boolean requiresPackages() {
        return true;
    }

    abstract int run(Workspace ws);
}
