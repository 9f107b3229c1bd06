package dev.mallard.cli;

import dev.mallard.cli.logging.EventLogging;
import dev.mallard.cli.logging.LogOptions;
import dev.mallard.core.events.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mallard} command. */
@Command(name = "mallard", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Runs dbt projects on embedded DuckDB, manages migrations and serves marts.")
public final class Main implements Runnable {
    static final String VERSION = "mallard 0.1.0";

    /** dbt's global flags; registered as a mixin only when the command line uses one (see {@link #execute}). */
    final LogOptions log = new LogOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) throws Exception {
        // on a deep stack: DuckDB recurses on the calling thread (see DeepStack)
        System.exit(dev.mallard.core.common.DeepStack.call("main", () -> execute(args)));
    }

    /**
     * Every command and subcommand answers -h/--help (and -V/--version), as dbt's do. A command's
     * entry in the usage list (no command object: see {@link Subcommands}) never runs, so it is left
     * without them: each would cost a reflective model of the help options (~10% of {@code --help}).
     */
    private static void withHelp(CommandLine command) {
        var spec = command.getCommandSpec();
        if (spec.userObject() == null && command.getParent() != null) {
            return;
        }
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

    /**
     * dbt takes its global {@code --debug} (or {@code -d}) before the command too ({@code dbt --debug
     * build}); Mallard's is an option of the command, so one given before the command's name is moved
     * after it. Anything else is left as it is.
     */
    static String[] debugAfterCommand(String[] args) {
        int command = -1;
        boolean debug = false;
        for (int i = 0; i < args.length && command < 0; i++) {
            if (args[i].equals("--debug") || args[i].equals("-d")) {
                debug = true;
            } else if (takesValue(args[i])) {
                i++; // --log-level debug: the value, not the debug command
            } else if (!args[i].startsWith("-")) {
                command = Subcommands.NAMES.contains(args[i]) || args[i].equals("list") ? i : args.length;
            }
        }
        if (command >= args.length) {
            command = -1;
        }
        if (!debug || command < 0) {
            return args;
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (i < command && (args[i].equals("--debug") || args[i].equals("-d"))) {
                continue;
            }
            out.add(args[i]);
            if (i == command) {
                out.add("--debug");
            }
        }
        return out.toArray(String[]::new);
    }

    /** Whether {@code arg} is one of the options before a command that take their value from the next argument. */
    private static boolean takesValue(String arg) {
        return !arg.contains("=") && (arg.startsWith("--log-") || arg.equals("--printer-width")
                || arg.equals("--warn-error-options"));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // the start-up floor that scripts measure: no command model to build for one line
            System.out.println(VERSION);
            return 0;
        }
        args = debugAfterCommand(args);
        WarmUp.start(args);
        dev.mallard.core.events.PhaseTimes.mark("main");
        Invocation.begin();
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        Subcommands.register(cli, args);
        // picocli copies an inherited option into each of the ~40 subcommands, which costs start-up time
        // (--version is measured); the flags are only registered when one of them is on the command line
        if (LogOptions.mayBeNamed(args)) {
            CommandLine.Model.CommandSpec logFlags = CommandLine.Model.CommandSpec.forAnnotatedObject(main.log);
            if (usesAny(args, logFlags)) {
                cli.addMixin("log", logFlags);
            }
        }
        withHelp(cli);
        // like dbt's click: an option given twice takes its last value
        cli.setOverwrittenOptionsAllowed(true);
        // an unknown option is an error wherever it stands, never the value of --select and the like
        cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
        // --log-level debug: the option's value, though a command is called debug too
        cli.setAllowSubcommandsAsOptionParameters(true);
        cli.setParameterExceptionHandler(new UsageErrors());
        cli.setExecutionStrategy(new LoggedExecution(main.log));
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> LoggedExecution.handle(ex, cmd, parseResult,
                EventLogging.current()));
        dev.mallard.core.events.PhaseTimes.mark("picocli model built");
        int code = cli.execute(args);
        dev.mallard.core.events.PhaseTimes.mark("exit");
        dev.mallard.core.events.PhaseTimes.printTotals();
        return code;
    }
}
