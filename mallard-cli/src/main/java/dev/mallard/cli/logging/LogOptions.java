package dev.mallard.cli.logging;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.events.EventFormat;
import dev.mallard.core.events.EventLevel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * dbt's logging flags, accepted before or after the subcommand; each has dbt's environment variable
 * ({@code DBT_LOG_FORMAT}, {@code DBT_QUIET}, ...), which the flag overrides.
 */
public final class LogOptions {
    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "text|debug|json|default",
            description = "Format of the console and the log file (env DBT_LOG_FORMAT).")
    String logFormat;

    @Option(names = "--log-format-file", scope = ScopeType.INHERIT, paramLabel = "text|debug|json|default",
            description = "Format of the log file (default: debug).")
    String logFormatFile;

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "debug|info|warn|error|none",
            description = "Lowest level shown on the console and written to the log file (env DBT_LOG_LEVEL).")
    String logLevel;

    @Option(names = "--log-level-file", scope = ScopeType.INHERIT, paramLabel = "debug|info|warn|error|none",
            description = "Lowest level written to the log file (default: debug).")
    String logLevelFile;

    @Option(names = "--log-path", scope = ScopeType.INHERIT, description = "Folder of dbt.log (default: logs/ in "
            + "the project; env DBT_LOG_PATH).")
    Path logPath;

    @Option(names = {"-q", "--quiet"}, negatable = true, scope = ScopeType.INHERIT,
            description = "Only errors (and print() output) on the console (env DBT_QUIET).")
    Boolean quiet;

    @Option(names = "--print", negatable = true, scope = ScopeType.INHERIT,
            description = "Show the output of {{ print() }} (default; env DBT_PRINT).")
    Boolean print;

    @Option(names = "--use-colors", negatable = true, scope = ScopeType.INHERIT,
            description = "Colour the console output on a terminal (env DBT_USE_COLORS).")
    Boolean useColors;

    @Option(names = "--use-colors-file", negatable = true, scope = ScopeType.INHERIT,
            description = "Colour the log file (default: no).")
    Boolean useColorsFile;

    @Option(names = "--printer-width", scope = ScopeType.INHERIT, description = "Width of the progress lines "
            + "(default 80; env DBT_PRINTER_WIDTH).")
    Integer printerWidth;

    @Option(names = "--warn-error", scope = ScopeType.INHERIT,
            description = "Treat warnings as errors (env DBT_WARN_ERROR).")
    Boolean warnError;

    @Option(names = "--warn-error-options", scope = ScopeType.INHERIT, paramLabel = "YAML",
            description = "Which warnings become errors: {error: all|[names], warn: [names], silence: [names]} "
                    + "(env DBT_WARN_ERROR_OPTIONS).")
    String warnErrorOptions;

    @Option(names = "--show-all-deprecations", negatable = true, scope = ScopeType.INHERIT,
            description = "Show every deprecation warning, not only the first of each kind.")
    Boolean showAllDeprecations;

    @Option(names = "--partial-parse", negatable = true, scope = ScopeType.INHERIT,
            description = "Reuse the saved parse of unchanged files (target/mallard_partial_parse.bin); "
                    + "--no-partial-parse parses every file (default: yes; env DBT_PARTIAL_PARSE).")
    Boolean partialParse;

    /*
     * dbt's flags for its relation cache and its choice of SQL parser. Mallard looks relations up once per
     * run and has one parser, so they change nothing here; they are accepted so that a dbt command line
     * (a CI script's `dbt build --no-populate-cache`) runs unchanged.
     */
    @Option(names = "--cache-selected-only", negatable = true, scope = ScopeType.INHERIT,
            description = "dbt's relation cache of selected schemas only: no effect in Mallard.")
    Boolean cacheSelectedOnly;

    @Option(names = "--populate-cache", negatable = true, scope = ScopeType.INHERIT,
            description = "dbt's relation cache at start: no effect in Mallard.")
    Boolean populateCache;

    @Option(names = "--log-cache-events", negatable = true, scope = ScopeType.INHERIT,
            description = "dbt's relation cache events: no effect in Mallard (it has none to log).")
    Boolean logCacheEvents;

    @Option(names = "--static-parser", negatable = true, scope = ScopeType.INHERIT,
            description = "dbt's static parser for simple models: no effect in Mallard (one parser).")
    Boolean staticParser;

    @Option(names = "--use-experimental-parser", negatable = true, scope = ScopeType.INHERIT,
            description = "dbt's experimental parser: no effect in Mallard (one parser).")
    Boolean experimentalParser;

    /**
     * Whether an argument may be one of these flags (or help, which lists them): a cheap test on
     * the words their names share, so that a command line without any skips the model of these
     * flags (start-up). LogOptionsTest pins that every name and negated name passes.
     */
    public static boolean mayBeNamed(String... args) {
        for (String arg : args) {
            if (arg.startsWith("-") || arg.startsWith("+")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (name.equals("-h") || name.equals("-q") || name.equals("+q") || name.contains("help")
                        || name.contains("log") || name.contains("quiet") || name.contains("print")
                        || name.contains("color") || name.contains("warn") || name.contains("partial")
                        || name.contains("cache") || name.contains("parser") || name.contains("deprecation")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** dbt's {@code --debug}: the flag given to the command, else DBT_DEBUG. */
    public static boolean debug(boolean flag, Map<String, String> env) {
        return flag || flag(null, env, "DBT_DEBUG", false);
    }

    /** The warn-error options as given: the flag's YAML, else DBT_WARN_ERROR_OPTIONS, or null. */
    public String warnErrorOptions(Map<String, String> env) {
        return pick(warnErrorOptions, env.get("DBT_WARN_ERROR_OPTIONS"));
    }

    /** dbt's {@code --show-all-deprecations} (no environment variable, as in dbt). */
    public boolean showAllDeprecations() {
        return Boolean.TRUE.equals(showAllDeprecations);
    }

    /** Whether to reuse the saved parse of unchanged files: the flag, else DBT_PARTIAL_PARSE, else yes. */
    public boolean partialParse(Map<String, String> env) {
        return flag(partialParse, env, "DBT_PARTIAL_PARSE", true);
    }

    /**
     * The settings these flags and the environment give; flags win over environment variables.
     *
     * @param debug {@code --debug}/{@code -d}: as in dbt, the console shows debug events whatever --log-level says
     */
    public LogSettings resolve(Map<String, String> env, Path projectDir, boolean terminal, boolean debug) {
        String format = pick(logFormat, env.get("DBT_LOG_FORMAT"));
        String formatFile = pick(logFormatFile, env.get("DBT_LOG_FORMAT_FILE"));
        String level = pick(logLevel, env.get("DBT_LOG_LEVEL"));
        String levelFile = pick(logLevelFile, env.get("DBT_LOG_LEVEL_FILE"));
        String path = logPath != null ? logPath.toString() : env.get("DBT_LOG_PATH");
        boolean colorsWanted = flag(useColors, env, "DBT_USE_COLORS", true);
        int width = printerWidth != null ? printerWidth : integer(env.get("DBT_PRINTER_WIDTH"));
        EventFormat console = format == null ? EventFormat.TEXT : parse("--log-format", format, EventFormat::parse);
        EventFormat file = formatFile != null ? parse("--log-format-file", formatFile, EventFormat::parse)
                : format == null || "default".equalsIgnoreCase(format) ? EventFormat.DEBUG : console;
        EventLevel consoleLevel = debug ? EventLevel.DEBUG : level == null ? EventLevel.INFO
                : parse("--log-level", level, EventLevel::parse);
        EventLevel fileLevel = levelFile != null ? parse("--log-level-file", levelFile, EventLevel::parse)
                : level == null ? EventLevel.DEBUG : consoleLevel;
        Path dir = path == null || path.isBlank() ? projectDir.resolve("logs") : projectDir.resolve(path);
        return new LogSettings(console, file, debug || level == null || !"none".equalsIgnoreCase(level.trim()) ? consoleLevel
                : null, levelFile == null && level != null && "none".equalsIgnoreCase(level.trim()) ? null : fileLevel,
                dir, flag(quiet, env, "DBT_QUIET", false), flag(print, env, "DBT_PRINT", true),
                colorsWanted && terminal, flag(useColorsFile, env, "DBT_USE_COLORS_FILE", false), width,
                WarnErrors.of(flag(warnError, env, "DBT_WARN_ERROR", false),
                        pick(warnErrorOptions, env.get("DBT_WARN_ERROR_OPTIONS"))));
    }

    private static String pick(String flag, String env) {
        return flag != null ? flag : env == null || env.isBlank() ? null : env;
    }

    private static boolean flag(Boolean flag, Map<String, String> env, String var, boolean dflt) {
        if (flag != null) {
            return flag;
        }
        String v = env.get(var);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "t", "yes", "y", "on" -> true;
            case "0", "false", "f", "no", "n", "off" -> false;
            default -> throw new MallardException(ErrorCode.USAGE, "Invalid value for '" + var + "': '" + v
                    + "' is not a valid boolean.");
        };
    }

    private static int integer(String v) {
        if (v == null || v.isBlank()) {
            return 80;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new MallardException(ErrorCode.USAGE, "Invalid value for 'DBT_PRINTER_WIDTH': '" + v
                    + "' is not a valid integer.");
        }
    }

    private static <T> T parse(String option, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new MallardException(ErrorCode.USAGE, "Invalid value for '" + option + "': " + e.getMessage());
        }
    }
}
