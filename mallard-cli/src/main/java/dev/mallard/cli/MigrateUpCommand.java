package dev.mallard.cli;

import dev.mallard.core.migrate.Migration;
import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.migrate.MigrationVersion;
import dev.mallard.core.run.Workspace;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", description = "Apply pending migrations, each in its own transaction.")
final class MigrateUpCommand extends MigrationCommand {
    @Option(names = "--to", paramLabel = "VERSION", description = "Stop after this version.")
    String to;

    @Option(names = "--out-of-order", description = "Also apply pending migrations older than the newest applied one.")
    boolean outOfOrder;

    @Option(names = "--dry-run", description = "Print what would be applied and stop.")
    boolean dryRun;

    @Override
    int migrate(Workspace ws, MigrationService service) {
        MigrationVersion stop = to == null ? null : version("--to", to);
        if (dryRun) {
            List<Migration> planned = service.plannedUp(stop, outOfOrder);
            planned.forEach(m -> printer.output("would apply " + m.version() + " " + m.description() + " ("
                    + m.script() + ")"));
            printer.output(planned.size() + " migration(s) would be applied.");
            return 0;
        }
        List<Migration> done = service.up(stop, outOfOrder, printer::line);
        printer.line(done.isEmpty() ? "Nothing to apply: the database is up to date."
                : "Applied " + done.size() + " migration(s).");
        return 0;
    }
}
