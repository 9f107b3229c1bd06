package dev.mallard.cli;

import dev.mallard.cli.logging.EventLogging;
import dev.mallard.core.engine.Engines;
import dev.mallard.core.events.Event;
import dev.mallard.core.events.EventFormat;
import dev.mallard.core.events.EventLevel;
import dev.mallard.core.project.YamlFiles;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Start-up work done on a second core while the main thread builds picocli's model of the
 * command (issue 13): SLF4J's binding to Logback, which {@link EventLogging} then waits for,
 * and the first use (class loading and initialisation) of what every command does next:
 * formatting the first events, reading YAML, for commands that print "(0.26s)" the JVM's
 * start time, and for commands that open the project's engine DuckDB's native library (the
 * default adapter's; a Postgres target leaves it unused). Nothing here writes, prints or keeps
 * state a command could see; a failure is ignored, as the main thread then meets the same
 * failure itself.
 */
final class WarmUp {
    /** Commands that report seconds since start-up ({@link Timing}), which loads the JVM's management beans. */
    private static final Set<String> TIMED = Set.of("parse", "compile", "docs");
    /** Commands that open the project's engine (not with --dry-run). */
    private static final Set<String> ENGINE = Set.of("debug", "build", "run", "seed", "snapshot", "test", "show",
            "run-operation", "retry", "clone", "source", "docs", "migrate", "db", "ingest");
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WarmUp() {
    }

    /** Starts the warm-up once per process; {@code --help} and {@code --version} alone need none of it. */
    static void start(String[] args) {
        String command = null;
        boolean help = false;
        boolean dryRun = false;
        for (String arg : args) {
            help |= arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V");
            dryRun |= arg.equals("--dry-run");
            if (command == null && Subcommands.NAMES.contains(arg)) {
                command = arg;
            }
        }
        if (help || command == null || !STARTED.compareAndSet(false, true)) {
            return;
        }
        boolean reportsTime = TIMED.contains(command);
        boolean opensEngine = ENGINE.contains(command) && !dryRun;
        Thread thread = new Thread(() -> run(reportsTime, opensEngine), "mallard-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run(boolean reportsTime, boolean opensEngine) {
        try {
            EventLogging.setUp();
            // an event as the console and the log file format it ("MainThread": no thread name of this one shows)
            Event event = new Event("Note", "Z050", EventLevel.DEBUG, "warm-up", Map.of(), Instant.now(), "MainThread");
            EventFormat.TEXT.format(event, false);
            EventFormat.DEBUG.format(event, false);
            String.format(Locale.ROOT, "%.2f", 0.5);
            YamlFiles.parseMap("name: warm_up\nversion: '1.0'\nmodels: {a: [1, 2]}\n", "start-up");
            if (opensEngine) {
                Engines.prepare("duckdb");
            }
            if (reportsTime) {
                Timing.sinceStart();
            }
        } catch (RuntimeException | LinkageError e) {
            // the command does the same work itself and reports what fails
        }
    }
}
