package dev.mallard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code mallard source}: the group of source commands. */
@Command(name = "source", description = "Commands on the project's sources.",
        subcommands = SourceFreshnessCommand.class)
final class SourceCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
