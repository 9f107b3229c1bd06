package dev.mallard.cli;

import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.run.Workspace;
import picocli.CommandLine.Command;

@Command(name = "redo", description = "Roll back the newest applied migration and apply it again.")
final class MigrateRedoCommand extends MigrationCommand {
    @Override
    int migrate(Workspace ws, MigrationService service) {
        var m = service.redo(printer::line);
        printer.line("Redid " + m.version() + " " + m.description() + ".");
        return 0;
    }
}
