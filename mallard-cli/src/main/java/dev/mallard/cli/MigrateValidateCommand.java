package dev.mallard.cli;

import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.migrate.ValidationFinding;
import dev.mallard.core.run.Workspace;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

@Command(name = "validate", description = "Compare the history with the files; exit 1 on a changed, missing, failed "
        + "or out-of-order migration (newer pending ones are fine).")
final class MigrateValidateCommand extends MigrationCommand {
    @Override
    int migrate(Workspace ws, MigrationService service) {
        List<ValidationFinding> findings = service.validate();
        long errors = findings.stream().filter(ValidationFinding::isError).count();
        for (ValidationFinding f : findings) {
            printer.output((f.isError() ? "ERROR " : "note  ") + f.version() + "  " + f.script() + ": "
                    + f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + f.message());
        }
        if (errors > 0) {
            printer.output("Validation failed: " + errors + " problem(s).");
            return 1;
        }
        long pending = findings.size();
        printer.output("Validation passed" + (pending > 0 ? " (" + pending + " pending)." : "."));
        return 0;
    }
}
