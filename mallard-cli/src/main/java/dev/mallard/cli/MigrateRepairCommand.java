package dev.mallard.cli;

import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.run.Workspace;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "repair", description = "Remove failed attempts and rows of deleted files; realign checksums and "
        + "descriptions of applied migrations to the current files.")
final class MigrateRepairCommand extends MigrationCommand {
    @Override
    int migrate(Workspace ws, MigrationService service) {
        List<String> changes = service.repair();
        changes.forEach(c -> printer.line("Repair: " + c));
        printer.line(changes.isEmpty() ? "Nothing to repair." : "Repaired " + changes.size() + " history row(s).");
        return 0;
    }
}
