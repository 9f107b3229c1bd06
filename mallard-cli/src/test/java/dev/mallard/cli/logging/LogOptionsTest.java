package dev.mallard.cli.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import dev.mallard.core.events.EventFormat;
import dev.mallard.core.events.EventLevel;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The logging flags' defaults, their environment variables, and which wins. */
class LogOptionsTest {
    private static final Path PROJECT = Path.of("/projects/p");

    private static LogSettings resolve(Map<String, String> env, boolean terminal, String... args) {
        LogOptions options = new LogOptions();
        new CommandLine(options).parseArgs(args);
        return options.resolve(env, PROJECT, terminal, false);
    }

    @Test
    void defaultsAreDbtsTextOnTheConsoleAndDebugInLogsDbtLog() {
        LogSettings s = resolve(Map.of(), false);
        assertEquals(EventFormat.TEXT, s.consoleFormat());
        assertEquals(EventFormat.DEBUG, s.fileFormat());
        assertEquals(EventLevel.INFO, s.consoleLevel());
        assertEquals(EventLevel.DEBUG, s.fileLevel());
        assertEquals(PROJECT.resolve("logs"), s.logDir());
        assertEquals(80, s.printerWidth());
        assertFalse(s.quiet());
        assertTrue(s.print());
        assertFalse(s.colors(), "no colours off a terminal");
    }

    @Test
    void environmentVariablesSetWhatNoFlagSets() {
        LogSettings s = resolve(Map.of("DBT_LOG_FORMAT", "json", "DBT_LOG_LEVEL", "warn", "DBT_LOG_PATH", "/tmp/l",
                "DBT_QUIET", "1", "DBT_USE_COLORS", "false", "DBT_PRINTER_WIDTH", "120", "DBT_PRINT", "no"), true);
        assertEquals(EventFormat.JSON, s.consoleFormat());
        assertEquals(EventFormat.JSON, s.fileFormat(), "--log-format applies to the file too");
        assertEquals(EventLevel.WARN, s.consoleLevel());
        assertEquals(EventLevel.WARN, s.fileLevel());
        assertEquals(Path.of("/tmp/l"), s.logDir());
        assertTrue(s.quiet());
        assertFalse(s.print());
        assertFalse(s.colors());
        assertEquals(120, s.printerWidth());
    }

    @Test
    void flagsWinOverTheEnvironment() {
        LogSettings s = resolve(Map.of("DBT_LOG_FORMAT", "json", "DBT_QUIET", "true", "DBT_USE_COLORS", "false"), true,
                "--log-format", "text", "--log-format-file", "json", "--no-quiet", "--use-colors",
                "--log-level-file", "info");
        assertEquals(EventFormat.TEXT, s.consoleFormat());
        assertEquals(EventFormat.JSON, s.fileFormat());
        assertEquals(EventLevel.INFO, s.fileLevel());
        assertFalse(s.quiet());
        assertTrue(s.colors(), "colours on a terminal when asked for");
    }

    @Test
    void logLevelNoneSilencesTheConsole() {
        assertNull(resolve(Map.of(), false, "--log-level", "none").consoleLevel());
    }

    @Test
    void badValuesNameTheFlagOrVariable() {
        MallardException e = assertThrows(MallardException.class, () -> resolve(Map.of("DBT_QUIET", "maybe"), false));
        assertTrue(e.getMessage().contains("DBT_QUIET"), e.getMessage());
        e = assertThrows(MallardException.class, () -> resolve(Map.of(), false, "--log-format", "xml"));
        assertTrue(e.getMessage().contains("--log-format"), e.getMessage());
    }

    @Test
    void warnErrorOptionsPromoteAndSilenceByEventName() {
        WarnErrors w = WarnErrors.of(false, "{error: [NoNodesSelected], silence: [NothingToDo]}");
        var promoted = dev.mallard.core.events.Event.of("NoNodesSelected", "Q038", EventLevel.WARN, "x", Map.of());
        var silenced = dev.mallard.core.events.Event.of("NothingToDo", "Q035", EventLevel.WARN, "x", Map.of());
        var other = dev.mallard.core.events.Event.of("NoNodesForSelectionCriteria", "M030", EventLevel.WARN, "x",
                Map.of());
        assertTrue(w.promotes(promoted));
        assertFalse(w.promotes(other));
        assertTrue(w.silences(silenced));
        assertTrue(WarnErrors.of(true, null).promotes(other));
        assertFalse(WarnErrors.of(true, "{warn: [NoNodesForSelectionCriteria]}").promotes(other),
                "warn: keeps a warning a warning under --warn-error");
        var nodeResult = dev.mallard.core.events.Event.of("LogTestResult", "Q007", EventLevel.WARN, "x",
                Map.of("node_info", Map.of()));
        assertFalse(WarnErrors.of(true, null).promotes(nodeResult), "a test's WARN status is a result, not a warning");
        assertThrows(MallardException.class, () -> WarnErrors.of(false, "{errors: all}"));
    }

    @Test
    void everyNameOfTheFlagsPassesTheCheapTestThatSkipsTheirModel() {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.forAnnotatedObject(new LogOptions());
        java.util.Set<String> names = new java.util.TreeSet<>(spec.optionsMap().keySet());
        names.addAll(spec.negatedOptionsMap().keySet());
        assertTrue(names.contains("--no-quiet") && names.contains("--log-format"), names.toString());
        for (String name : names) {
            assertTrue(LogOptions.mayBeNamed("build", name), name);
            assertTrue(LogOptions.mayBeNamed(name + "=x"), name + "=x");
        }
        assertTrue(LogOptions.mayBeNamed("--help"));
        assertFalse(LogOptions.mayBeNamed("build", "--select", "my_model", "--threads", "2", "--project-dir", "p"));
    }

    @Test
    void debugShowsDebugEventsOnTheConsoleWhateverTheLogLevel() {
        LogOptions options = new LogOptions();
        new CommandLine(options).parseArgs("--log-level", "warn");
        assertEquals(EventLevel.DEBUG, options.resolve(Map.of(), PROJECT, false, true).consoleLevel());
        assertEquals(EventLevel.WARN, options.resolve(Map.of(), PROJECT, false, false).consoleLevel());
        assertTrue(LogOptions.debug(false, Map.of("DBT_DEBUG", "true")));
        assertTrue(LogOptions.debug(true, Map.of()));
        assertFalse(LogOptions.debug(false, Map.of("DBT_DEBUG", "0")));
        assertFalse(LogOptions.debug(false, Map.of()));
    }
}
