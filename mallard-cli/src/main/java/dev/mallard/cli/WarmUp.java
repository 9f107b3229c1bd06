package dev.mallard.cli;

import dev.mallard.cli.logging.EventLogging;
import dev.mallard.core.engine.Engines;
import dev.mallard.core.events.Event;
import dev.mallard.core.events.EventFormat;
import dev.mallard.core.events.EventLevel;
import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.project.YamlFiles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Start-up work done on a second core while the main thread builds picocli's model of the
 * command (issue 13): the annotations picocli reads of the command's classes (the JDK parses
 * them once per class and member, and builds a proxy class per annotation type: 15-20% of
 * {@code mallard debug}'s main thread), SLF4J's binding to Logback, which {@link EventLogging}
 * then waits for, and the first use (class loading and initialisation) of what every command does next:
 * formatting the first events, reading YAML, for commands that print "(0.26s)" the JVM's
 * start time, and for commands that open the project's engine DuckDB's native library (the
 * default adapter's; a Postgres target leaves it unused; on a thread of its own when the command
 * parses first, as its engine then opens as soon as the project is read). Nothing here writes, prints or keeps
 * state a command could see; a failure is ignored, as the main thread then meets the same
 * failure itself. For {@code --help}, a bare {@code mallard} or an unknown command, it reads
 * the annotations of every command the usage lists.
 */
final class WarmUp {
    /** Commands that report seconds since start-up ({@link Timing}), which loads the JVM's management beans. */
    private static final Set<String> TIMED = Set.of("parse", "compile", "docs");
    /** Commands that open the project's engine (not with --dry-run). */
    private static final Set<String> ENGINE = Set.of("debug", "build", "run", "seed", "snapshot", "test", "show",
            "run-operation", "retry", "clone", "source", "docs", "migrate", "db", "ingest");
    /** Commands that parse no model, so need no Jinja engine. */
    private static final Set<String> NO_PARSE = Set.of("init", "debug", "clean", "deps", "serve", "schedule", "migrate",
            "db");
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WarmUp() {
    }

    /** Starts the warm-up once per process ({@code --version} alone needs none). */
    static void start(String[] args) {
        String command = null;
        boolean helpOrVersion = false;
        boolean dryRun = false;
        for (String arg : args) {
            helpOrVersion |= arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V");
            dryRun |= arg.equals("--dry-run");
            if (command == null && Subcommands.NAMES.contains(arg)) {
                command = arg;
            }
        }
        if (helpOrVersion || command == null) {
            // the usage lists every command by its annotation; picocli reads the one named in full
            if (!Subcommands.versionOnly(args) && STARTED.compareAndSet(false, true)) {
                Class<?> named = command == null ? null : Subcommands.create(command).getClass();
                start(() -> readListing(named));
            }
            return;
        }
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        boolean reportsTime = TIMED.contains(command);
        boolean opensEngine = ENGINE.contains(command) && !dryRun;
        // debug opens the engine right after reading the project: DuckDB's library (~45 ms) is then the warm-up's
        // longest step, and reading the annotations before it would keep the main thread waiting for it
        Class<?> type = command.equals("debug") ? null : Subcommands.create(command).getClass();
        boolean parses = !NO_PARSE.contains(command);
        // a command that parses, then opens the engine (build, run, ...) opens it on a thread of its own as soon as
        // the project is read; DuckDB's library, last of the warm-up's steps, kept that thread waiting ~45 ms and
        // the main thread waiting for the engine after planning: it loads beside the other steps instead
        boolean engineAside = opensEngine && parses;
        if (engineAside) {
            start(WarmUp::prepareEngine, "mallard-engine-load");
        }
        start(() -> run(type, parses, reportsTime, opensEngine && !engineAside), "mallard-warm-up");
    }

    private static void prepareEngine() {
        try {
            Engines.prepare("duckdb");
        } catch (RuntimeException | LinkageError e) {
            // the engine's opening meets the same failure and reports it
        }
    }

    private static void start(Runnable work) {
        start(work, "mallard-warm-up");
    }

    private static void start(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void readListing(Class<?> named) {
        try {
            for (String name : Subcommands.NAMES) {
                Subcommands.create(name).getClass().getAnnotation(Command.class);
            }
            if (named != null) {
                readAnnotations(named, new HashSet<>());
            }
        } catch (RuntimeException | LinkageError e) {
            // picocli reads the same annotations itself and reports what fails
        }
    }

    private static void run(Class<?> command, boolean parses, boolean reportsTime, boolean opensEngine) {
        try {
            if (command != null) {
                readAnnotations(command, new HashSet<>());
            }
            EventLogging.setUp();
            // an event as the console and the log file format it ("MainThread": no thread name of this one shows)
            Event event = new Event("Note", "Z050", EventLevel.DEBUG, "warm-up", Map.of(), Instant.now(), "MainThread");
            EventFormat.TEXT.format(event, false);
            EventFormat.DEBUG.format(event, false);
            String.format(Locale.ROOT, "%.2f", 0.5);
            YamlFiles.parseMap("name: warm_up\nversion: '1.0'\nmodels: {a: [1, 2]}\n", "start-up");
            if (parses) {
                // the global key of the saved parse is a SHA-256: the first getInstance sets up the security providers
                java.security.MessageDigest.getInstance("SHA-256").digest(new byte[64]);
                // the Jinja engine's standard library: some 300 filters, tests and functions registered as lambdas
                Class.forName(JinjaEngine.class.getName(), true, WarmUp.class.getClassLoader());
            }
            if (opensEngine) {
                Engines.prepare("duckdb");
            }
            if (reportsTime) {
                Timing.sinceStart();
            }
        } catch (ClassNotFoundException | java.security.NoSuchAlgorithmException | RuntimeException | LinkageError e) {
            // the command does the same work itself and reports what fails
        }
    }

    /** What picocli reads of a command class: its own, its superclasses', its mixins' and its subcommands' annotations. */
    private static void readAnnotations(Class<?> type, Set<Class<?>> seen) {
        for (Class<?> c = type; c != null && c != Object.class && seen.add(c); c = c.getSuperclass()) {
            Command command = c.getAnnotation(Command.class);
            for (Field field : c.getDeclaredFields()) {
                field.getAnnotations();
                if (field.isAnnotationPresent(Mixin.class) || field.isAnnotationPresent(ArgGroup.class)) {
                    readAnnotations(field.getType(), seen);
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                method.getAnnotations();
            }
            if (command != null) {
                for (Class<?> sub : command.subcommands()) {
                    readAnnotations(sub, seen);
                }
            }
        }
    }
}
