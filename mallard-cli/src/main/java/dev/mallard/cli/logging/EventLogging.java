package dev.mallard.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import dev.mallard.core.events.Event;
import dev.mallard.core.events.EventFormat;
import dev.mallard.core.events.EventLevel;
import dev.mallard.core.events.EventSink;
import dev.mallard.core.events.Invocation;
import dev.mallard.core.exec.ProgressPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The CLI's events, through Logback: one logger, a console appender in the console's format and
 * level, and {@code logs/dbt.log} in the file's. Set up per command, after parsing, so that
 * {@code --version} and {@code --help} never start it.
 */
public final class EventLogging implements EventSink, AutoCloseable {
    /** Events the exception handler writes to stderr itself when the console shows text. */
    public static final Set<String> ERROR_EVENTS = Set.of("MainEncounteredError", "MainStackTrace");
    private static final String LOGGER = "dbt.events";
    private static volatile EventLogging current;
    /**
     * SLF4J's binding to Logback (~30 ms of a short command's start), run once: on the start-up
     * thread when {@link #setUp} is called there, else by the first {@link #start}. A second thread
     * asking SLF4J while the first one binds would be handed a substitute factory, so both go through this task.
     */
    private static final FutureTask<ILoggerFactory> SET_UP = new FutureTask<>(LoggerFactory::getILoggerFactory);
    private final Logger logger;
    private final LogSettings settings;
    private final ConsoleAppender<ILoggingEvent> console;
    private final FileAppender<ILoggingEvent> file;

    private EventLogging(LogSettings settings, boolean fileLog) {
        this.settings = settings;
        LoggerContext context = context();
        logger = context.getLogger(LOGGER);
        logger.detachAndStopAllAppenders();
        logger.setAdditive(false);
        logger.setLevel(Level.DEBUG);
        console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget("System.out");
        console.setEncoder(new EventEncoder(settings.consoleFormat(), settings.colors()));
        console.addFilter(new EventFilter(settings.consoleLevel(), settings.quiet(), settings.print(),
                settings.consoleFormat() == EventFormat.JSON ? Set.of() : ERROR_EVENTS));
        console.start();
        logger.addAppender(console);
        file = fileLog && settings.fileLevel() != null ? openFile(context) : null;
    }

    /** Binds SLF4J to Logback now, on the calling thread (see {@code WarmUp}); once per process. */
    public static void setUp() {
        SET_UP.run();
    }

    private static LoggerContext context() {
        SET_UP.run(); // returns at once when it ran, or runs on another thread (get() then waits for it)
        try {
            return (LoggerContext) SET_UP.get();
        } catch (ExecutionException e) {
            // Logback's own failure: let SLF4J report it here, as it would without the task
            return (LoggerContext) LoggerFactory.getILoggerFactory();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up logging", e);
        }
    }

    /** Starts the events of one command; the previous command's appenders are closed. */
    public static synchronized EventLogging start(LogSettings settings, boolean fileLog) {
        if (current != null) {
            current.close();
        }
        current = new EventLogging(settings, fileLog);
        return current;
    }

    /** The running command's events, or null before any command set them up. */
    public static EventLogging current() {
        return current;
    }

    /** The running command's printer; plain text on stdout outside a command (tests calling commands directly). */
    public static ProgressPrinter currentPrinter() {
        EventLogging events = current;
        return events != null ? events.printer() : new ProgressPrinter(System.out);
    }

    public LogSettings settings() {
        return settings;
    }

    public ProgressPrinter printer() {
        return new ProgressPrinter(this, settings.colors(), settings.printerWidth());
    }

    @Override
    public void emit(Event event) {
        if (settings.warnErrors().silences(event)) {
            return;
        }
        if (settings.warnErrors().promotes(event)) {
            throw WarnErrors.asError(event);
        }
        // the event rides as the argument (EventEncoder formats it); the message is its name, with no
        // placeholder: Logback formats every message once, and the record's toString() it would call
        // costs a bootstrap at start-up and a walk over the event's data on every line
        String name = event.name();
        switch (event.level()) {
            case DEBUG -> logger.debug(name, event);
            case INFO -> logger.info(name, event);
            case WARN -> logger.warn(name, event);
            case ERROR -> logger.error(name, event);
            default -> throw new IllegalStateException(event.level().name());
        }
    }

    /** Whether the console shows events as JSON (then errors are events on stdout too). */
    public boolean jsonConsole() {
        return settings.consoleFormat() == EventFormat.JSON;
    }

    @Override
    public synchronized void close() {
        logger.detachAndStopAllAppenders();
        if (current == this) {
            current = null;
        }
    }

    private FileAppender<ILoggingEvent> openFile(LoggerContext context) {
        Path log = settings.logDir().resolve("dbt.log");
        try {
            Files.createDirectories(settings.logDir());
            if (settings.fileFormat() != EventFormat.JSON) {
                // dbt opens each invocation in the file with a rule naming its time and id
                String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS"));
                Files.writeString(log, System.lineSeparator() + System.lineSeparator() + "=".repeat(30) + " " + stamp
                        + " | " + Invocation.id() + " " + "=".repeat(30) + System.lineSeparator(),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // no log file is no reason to stop the command; say so once on the console
            emit(Event.of("Note", "Z050", EventLevel.WARN, "Cannot write the log file " + log + ": " + e.getMessage(),
                    java.util.Map.of()));
            return null;
        }
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(log.toString());
        appender.setAppend(true);
        appender.setEncoder(new EventEncoder(settings.fileFormat(), settings.fileColors()));
        appender.addFilter(new EventFilter(settings.fileLevel(), false, true, Set.of()));
        appender.start();
        logger.addAppender(appender);
        return appender;
    }
}
