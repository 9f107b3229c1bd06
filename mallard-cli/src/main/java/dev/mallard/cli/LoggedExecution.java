package dev.mallard.cli;

import dev.mallard.cli.logging.EventLogging;
import dev.mallard.cli.logging.FlagDeprecations;
import dev.mallard.cli.logging.LogOptions;
import dev.mallard.cli.logging.LogSettings;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.events.Deprecations;
import dev.mallard.core.events.EventLevel;
import dev.mallard.core.events.SqlLog;
import dev.mallard.core.exec.ProgressPrinter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Runs the parsed command inside its events: starts logging (console and logs/dbt.log) once the
 * flags are known, reports the version and arguments, the command's end, and errors, as dbt's
 * events. {@code --help} and {@code --version} return before any of it starts.
 */
final class LoggedExecution implements CommandLine.IExecutionStrategy {
    static final String VERSION = "0.1.0";
    private final LogOptions log;

    LoggedExecution(LogOptions log) {
        this.log = log;
    }

    @Override
    public int execute(ParseResult parseResult) {
        dev.mallard.core.events.PhaseTimes.mark("command line parsed");
        if (CommandLine.printHelpIfRequested(parseResult)) {
            return 0;
        }
        List<CommandLine> chain = parseResult.asCommandLineList();
        CommandLine leaf = chain.get(chain.size() - 1);
        Object command = leaf.getCommand();
        ProjectCommand project = command instanceof ProjectCommand pc ? pc : null;
        Path dir = project != null ? project.options.projectDirOrDefault() : Path.of("").toAbsolutePath();
        LogSettings settings;
        try {
            settings = log.resolve(System.getenv(), dir, System.console() != null, debug(parseResult));
        } catch (MallardException e) {
            return handle(e, leaf, parseResult, null);
        }
        long t0 = System.nanoTime();
        try (EventLogging events = EventLogging.start(settings, project != null)) {
            dev.mallard.core.events.PhaseTimes.mark("logging started");
            if (settings.consoleLevel() == EventLevel.DEBUG
                    || project != null && settings.fileLevel() == EventLevel.DEBUG) {
                SqlLog.to(events);
            }
            ProgressPrinter printer = events.printer();
            Deprecations.begin(log.showAllDeprecations());
            if (project != null) {
                project.printer = printer;
                project.partialParse = log.partialParse(System.getenv());
            }
            String name = commandName(chain);
            printer.emit("MainReportVersion", "A001", project != null && project.reportsVersion() ? EventLevel.INFO
                    : EventLevel.DEBUG, "Running with mallard=" + VERSION, Map.of("log_version", 3, "version",
                    "=" + VERSION));
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("invocation_command", "mallard " + String.join(" ", parseResult.originalArgs()));
            args.put("log_format", settings.consoleFormat().name().toLowerCase(Locale.ROOT));
            args.put("log_path", settings.logDir().toString());
            args.put("printer_width", String.valueOf(settings.printerWidth()));
            args.put("quiet", String.valueOf(settings.quiet()));
            args.put("use_colors", String.valueOf(settings.colors()));
            printer.emit("MainReportArgs", "A002", EventLevel.DEBUG, "running mallard with arguments " + args,
                    Map.of("args", args));
            // ls and show keep stdout for their data: their warnings go to stderr
            ProgressPrinter warnings = project != null && !project.announcesProfile() ? new ProgressPrinter(System.err)
                    : printer;
            dev.mallard.core.events.PhaseTimes.mark("version reported");
            int code;
            try {
                FlagDeprecations.of(parseResult.originalArgs(), log.warnErrorOptions(System.getenv()))
                        .forEach(warnings::deprecation);
                code = new CommandLine.RunLast().execute(parseResult);
            } catch (CommandLine.ExecutionException e) {
                code = handle(e.getCause() == null ? e : e.getCause(), e.getCommandLine(), parseResult, events);
            } catch (MallardException e) {
                code = handle(e, leaf, parseResult, events); // a deprecation of the flags made an error
            }
            try {
                // as dbt, after the command and any error it ended with
                warnings.deprecationsSummary();
            } catch (MallardException e) {
                code = handle(e, leaf, parseResult, events); // --warn-error-options naming DeprecationsSummary
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            boolean success = code == 0;
            Instant now = Instant.now();
            printer.emit("CommandCompleted", "Q039", EventLevel.DEBUG, String.format(Locale.ROOT,
                    "Command `%s` %s at %s after %.2f seconds", name, success ? "succeeded" : "failed",
                    LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS")), elapsed),
                    Map.of("command", name, "completed_at", now.toString(), "elapsed", elapsed, "success", success));
            return code;
        } finally {
            SqlLog.to(null);
        }
    }

    /** Whether dbt's --debug (or -d) is on: given before or after the command's name, or DBT_DEBUG. */
    private static boolean debug(ParseResult parseResult) {
        List<String> args = parseResult.originalArgs();
        return LogOptions.debug(args.contains("--debug") || args.contains("-d"), System.getenv());
    }

    private static String commandName(List<CommandLine> chain) {
        StringBuilder sb = new StringBuilder("mallard");
        for (int i = 1; i < chain.size(); i++) {
            sb.append(' ').append(chain.get(i).getCommandName());
        }
        return sb.toString();
    }

    /**
     * An error ends the command: the message (and with --debug the stack trace) on stderr in text,
     * or as {@code MainEncounteredError} (and {@code MainStackTrace}) events in JSON; both in the log file.
     */
    static int handle(Throwable ex, CommandLine cmd, ParseResult parseResult, EventLogging events) {
        boolean debug;
        try {
            debug = debug(parseResult);
        } catch (MallardException e) {
            debug = false; // a DBT_DEBUG that is no boolean was reported already
        }
        String message = ex instanceof MallardException me ? "Error: " + me.describe() : "Internal error: " + ex;
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        if (events != null) {
            ProgressPrinter printer = events.printer();
            printer.emit("MainEncounteredError", "Z002", EventLevel.ERROR, "Encountered an error:\n" + message,
                    Map.of("exc", message));
            printer.emit("MainStackTrace", "Z003", debug ? EventLevel.ERROR : EventLevel.DEBUG, trace.toString(),
                    Map.of("stack_trace", trace.toString()));
        }
        if (events == null || !events.jsonConsole()) {
            PrintWriter err = cmd.getErr();
            err.println(message);
            if (debug) {
                err.print(trace);
            } else if (!(ex instanceof MallardException)) {
                err.println("  (run again with --debug for the stack trace)");
            }
            err.flush();
        }
        return ex instanceof MallardException me ? me.exitCode() : 2;
    }
}
