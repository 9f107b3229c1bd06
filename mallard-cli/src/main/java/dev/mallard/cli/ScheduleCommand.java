package dev.mallard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code mallard schedule}: the group of commands on schedules.yml. */
@Command(name = "schedule", description = "Run the project's schedules (schedules.yml), show and check them.",
        subcommands = {ScheduleRunCommand.class, ScheduleStatusCommand.class, ScheduleListCommand.class})
final class ScheduleCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
