package dev.mallard.cli;

import dev.mallard.cli.logging.EventLogging;
import dev.mallard.core.exec.ProgressPrinter;
import dev.mallard.core.events.EventLevel;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.project.Project;
import dev.mallard.core.run.Workspace;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** Base of commands that load a project: loads, runs the body, closes the engine. */
abstract class ProjectCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    /** Set to the command's events before it runs; plain text on stdout when called directly. */
    ProgressPrinter printer = new ProgressPrinter(System.out);

    /** Whether to reuse the saved parse of unchanged files: --[no-]partial-parse, env DBT_PARTIAL_PARSE. */
    boolean partialParse = true;

    @Override
    public Integer call() {
        dev.mallard.core.events.PhaseTimes.mark("command starts");
        Map<String, String> env = System.getenv();
        Warnings warnings = new Warnings();
        Project project = Workspace.loadProject(options.toLoaderOptions().requiringPackages(requiresPackages()), env,
                warnings);
        Integer done = partialParse ? runUnchanged(project, warnings, env) : null;
        if (done != null) {
            return done;
        }
        try (Workspace ws = Workspace.load(project, warnings, env, partialParse, opensEngine(),
                rejectsCycles())) {
            // dbt's note on its console (not in the output of ls, which programs read)
            if (ws.fullParseReason() != null && (announcesProfile() || reportsVersion())) {
                String reason = "Unable to do partial parsing because " + ws.fullParseReason();
                printer.emit("UnableToPartialParse", "I024", EventLevel.INFO, reason, Map.of("reason", ws.fullParseReason()));
            }
            announce(ws.parseNote(), ws.project(), ws.warnings());
            return run(ws);
        }
    }

    /** The partial-parse note (debug), the profile notice and the warnings met so far, as every command opens. */
    final void announce(String parseNote, Project project, Warnings warned) {
        if (!parseNote.isEmpty()) {
            printer.emit("PartialParse", "Z050", EventLevel.DEBUG, parseNote, Map.of("msg", parseNote));
        }
        if (project.profileNotice() != null && announcesProfile()) {
            printer.line(project.profileNotice());
        }
        // commands whose output is read by programs (ls, show) keep warnings off stdout
        ProgressPrinter warnings = announcesProfile() ? printer : new ProgressPrinter(System.err);
        warned.takeNew().forEach(warnings::warning);
    }

    /**
     * A command that can do its whole job from an unchanged project's saved parse, without
     * parsing or linking, does it here and returns its exit code; null (the default) parses.
     */
    Integer runUnchanged(Project project, Warnings warnings, Map<String, String> env) {
        return null;
    }

    /** Whether --quiet is on: commands whose output is data (show, compile) then print the data alone. */
    static boolean quiet() {
        EventLogging events = EventLogging.current();
        return events != null && events.settings().quiet();
    }

    /** Whether a cycle in the graph stops the command: dbt's parse writes the manifest all the same. */
    boolean rejectsCycles() {
        return true;
    }

    /**
     * dbt's lines before a command's work: "Found 5 models, ..." and, when {@code nodes} is not null, the blank
     * line and "Concurrency: 4 threads (target='dev')" (with the target's threads, as dbt counts them).
     */
    final void printFoundAndConcurrency(Workspace ws, Integer nodes) {
        dev.mallard.core.run.Runner runner = new dev.mallard.core.run.Runner(ws, printer,
                new dev.mallard.core.run.RunFlags(false, false, ws.project().target().threads()));
        if (nodes == null) {
            runner.printFoundStats();
        } else {
            runner.printHeader(Math.max(1, nodes));
        }
    }

    /** Whether "Running with mallard=..." opens the console output, as dbt's does for its commands. */
    boolean reportsVersion() {
        return false;
    }

    boolean announcesProfile() {
        return true;
    }

    /** Whether the project's packages must be installed (dbt checks before parsing; clean and debug do not parse). */
    boolean requiresPackages() {
        return true;
    }

    /** Whether the command certainly uses the engine: it is then opened while the project parses. */
    boolean opensEngine() {
        return false;
    }

    abstract int run(Workspace ws);
}
