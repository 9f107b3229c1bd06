package dev.mallard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "migrate", description = "Versioned, reversible schema migrations (migrations/V<version>__<name>.sql).",
        subcommands = {MigrateNewCommand.class, MigrateUpCommand.class, MigrateDownCommand.class,
                MigrateRedoCommand.class, MigrateStatusCommand.class, MigrateValidateCommand.class,
                MigrateRepairCommand.class, MigrateBaselineCommand.class, MigrateDiffCommand.class})
final class MigrateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show the subcommands.")
    boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: one of new, up, down, redo, "
                + "status, validate, repair, baseline");
    }
}
