package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.migrate.Migration;
import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.run.Workspace;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "down", description = "Roll back applied migrations, newest first (default: one).")
final class MigrateDownCommand extends MigrationCommand {
    @Option(names = "--steps", paramLabel = "N", description = "Roll back the N newest migrations.")
    Integer steps;

    @Option(names = "--to", paramLabel = "VERSION", description = "Roll back everything newer than VERSION (0: all).")
    String to;

    @Override
    int migrate(Workspace ws, MigrationService service) {
        if (steps != null && to != null) {
            throw new MallardException(ErrorCode.USAGE, "give --steps or --to, not both");
        }
        List<Migration> done = to != null ? service.downTo(version("--to", to), printer::line)
                : service.downSteps(steps == null ? 1 : steps, printer::line);
        printer.line(done.isEmpty() ? "Nothing to roll back." : "Rolled back " + done.size() + " migration(s).");
        return 0;
    }
}
