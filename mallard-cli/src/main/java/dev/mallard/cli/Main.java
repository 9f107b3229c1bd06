package dev.mallard.cli;

import dev.mallard.cli.logging.EventLogging;
import dev.mallard.cli.logging.LogOptions;
import dev.mallard.core.events.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mallard} command. */
@Command(name = "mallard", mixinStandardHelpOptions = true, version = "mallard 0.1.0",
        description = "Runs dbt projects on embedded DuckDB, manages migrations and serves marts.")
public final class Main implements Runnable {
    /**
     * The subcommands, in the order help lists them. Building picocli's model of all of them
     * (reflection over every option of ~40 classes) took a third of a second of each start,
     * so a command line that names one builds only that one (see {@link #commandLine}).
     */
    static final java.util.Map<String, Class<?>> COMMANDS = commands(InitCommand.class, DebugCommand.class,
            ParseCommand.class, CompileCommand.class, RunCommand.class, SeedCommand.class, SnapshotCommand.class,
            TestCommand.class, BuildCommand.class, LsCommand.class, ShowCommand.class, RunOperationCommand.class,
            DocsCommand.class, CleanCommand.class, DepsCommand.class, RetryCommand.class, MigrateCommand.class,
            DbCommand.class, CheckCommand.class, ServeCommand.class, SourceCommand.class, CloneCommand.class);

    private static java.util.Map<String, Class<?>> commands(Class<?>... classes) {
        java.util.Map<String, Class<?>> out = new java.util.LinkedHashMap<>();
        for (Class<?> c : classes) {
            Command command = c.getAnnotation(Command.class);
            out.put(command.name(), c);
            for (String alias : command.aliases()) {
                out.put(alias, c);
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** dbt's global flags; registered as a mixin only when the command line uses one (see {@link #execute}). */
    final LogOptions log = new LogOptions();

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Every command and subcommand answers -h/--help (and -V/--version), as dbt's do. */
    private static void withHelp(CommandLine command) {
        var spec = command.getCommandSpec();
        if (!spec.mixinStandardHelpOptions() && !spec.optionsMap().containsKey("--help")
                && !spec.optionsMap().containsKey("-h") && !spec.optionsMap().containsKey("-V")) {
            spec.mixinStandardHelpOptions(true);
        }
        command.getSubcommands().values().forEach(Main::withHelp);
    }

    private static boolean usesAny(String[] args, CommandLine.Model.CommandSpec flags) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true; // help lists them
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (flags.optionsMap().containsKey(name) || flags.negatedOptionsMap().containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        dev.mallard.core.events.PhaseTimes.mark("main");
        Invocation.begin();
        Class<?> named = namedCommand(args);
        if (named != null) {
            try {
                // a trial parse: an argument only the full model reads (an option's value that names
                // another command, say) falls back to it, with picocli's own messages
                commandLine(new Main(), args, named).parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                named = null;
            }
        }
        Main main = new Main();
        CommandLine cli = commandLine(main, args, named);
        dev.mallard.core.events.PhaseTimes.mark("picocli model built");
        cli.setExecutionStrategy(new LoggedExecution(main.log));
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> LoggedExecution.handle(ex, cmd, parseResult,
                EventLogging.current()));
        int code = cli.execute(args);
        dev.mallard.core.events.PhaseTimes.mark("exit");
        dev.mallard.core.events.PhaseTimes.printTotals();
        return code;
    }

    /** The subcommand the first argument that is not an option names, or null (then all are registered). */
    private static Class<?> namedCommand(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return COMMANDS.get(arg);
            }
        }
        return null;
    }

    /** The command line with {@code only} as its one subcommand, or all of them when null. */
    private static CommandLine commandLine(Main main, String[] args, Class<?> only) {
        CommandLine cli = new CommandLine(main);
        for (Class<?> command : only != null ? java.util.List.<Class<?>>of(only)
                : new java.util.LinkedHashSet<>(COMMANDS.values())) {
            cli.addSubcommand(command);
        }
        // picocli copies an inherited option into each of the ~40 subcommands, which costs start-up time
        // (--version is measured); the flags are only registered when one of them is on the command line
        CommandLine.Model.CommandSpec logFlags = CommandLine.Model.CommandSpec.forAnnotatedObject(main.log);
        if (usesAny(args, logFlags)) {
            cli.addMixin("log", logFlags);
        }
        withHelp(cli);
        // like dbt's click: an option given twice takes its last value
        cli.setOverwrittenOptionsAllowed(true);
        // an unknown option is an error wherever it stands, never the value of --select and the like
        cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
        cli.setParameterExceptionHandler(new UsageErrors());
        return cli;
    }
}
