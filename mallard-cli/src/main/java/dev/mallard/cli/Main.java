package dev.mallard.cli;

import dev.mallard.core.error.MallardException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mallard} command. */
@Command(name = "mallard", mixinStandardHelpOptions = true, version = "mallard 0.1.0",
        description = "Runs dbt projects on embedded DuckDB, manages migrations and serves marts.",
        subcommands = {InitCommand.class, DebugCommand.class, ParseCommand.class, CompileCommand.class,
                RunCommand.class, SeedCommand.class, SnapshotCommand.class, TestCommand.class, BuildCommand.class, LsCommand.class,
                ShowCommand.class, RunOperationCommand.class, DocsCommand.class, CleanCommand.class, DepsCommand.class,
                RetryCommand.class, MigrateCommand.class, DbCommand.class, CheckCommand.class, ServeCommand.class,
                SourceCommand.class})
public final class Main implements Runnable {

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

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        withHelp(cli);
        // like dbt's click: an option given twice takes its last value
        cli.setOverwrittenOptionsAllowed(true);
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            boolean debug = parseResult.originalArgs().contains("--debug");
            PrintWriter err = cmd.getErr();
            if (ex instanceof MallardException me) {
                err.println("Error: " + me.describe());
                if (debug) {
                    me.printStackTrace(err);
                }
                err.flush();
                return me.exitCode();
            }
            err.println("Internal error: " + ex);
            if (debug) {
                ex.printStackTrace(err);
            } else {
                err.println("  (run again with --debug for the stack trace)");
            }
            err.flush();
            return 2;
        });
        return cli.execute(args);
    }
}
