package dev.mallard.cli;

import dev.mallard.core.migrate.Migration;
import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.run.Workspace;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", description = "Apply pending migrations, each in its own transaction.")
final class MigrateUpCommand extends MigrationCommand {
    @Option(names = "--to", paramLabel = "VERSION", description = "Stop after this version.")
    String to;

    @Override
    int migrate(Workspace ws, MigrationService service) {
        List<Migration> done = service.up(to == null ? null : version("--to", to), printer::line);
        printer.line(done.isEmpty() ? "Nothing to apply: the database is up to date."
                : "Applied " + done.size() + " migration(s).");
        return 0;
    }
}
