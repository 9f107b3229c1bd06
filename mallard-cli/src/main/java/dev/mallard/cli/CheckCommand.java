package dev.mallard.cli;

import dev.mallard.core.check.Finding;
import dev.mallard.core.check.MigrationDrift;
import dev.mallard.core.check.ModelDrift;
import dev.mallard.core.run.Workspace;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code mallard check}: the drift check for CI. Lists every finding (pending or edited
 * migrations, migration-managed tables whose live schema differs from what the
 * migrations produce, models changed or missing since the last build) and exits 1 when
 * there is any.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Fail when the database is out of step with the project (migrations, schema, models).")
final class CheckCommand extends ProjectCommand {

    @Override
    int run(Workspace ws) {
        String db = MigrationCommand.databaseKey(ws);
        if (MigrationCommand.isFile(ws) && !db.equals(":memory:") && !java.nio.file.Files.exists(java.nio.file.Path.of(db))) {
            // a check must not create the database it checks
            printer.line("Drift check found 1 problem:");
            printer.line("  no database  " + db + " does not exist: nothing has been migrated or built yet");
            return 1;
        }
        List<Finding> findings = new ArrayList<>(MigrationDrift.findings(ws));
        findings.addAll(ModelDrift.findings(ws));
        List<Finding> problems = findings.stream().filter(Finding::problem).toList();
        for (Finding f : findings) {
            if (!f.problem()) {
                printer.line("Note: " + f.detail());
            }
        }
        if (problems.isEmpty()) {
            printer.line("No drift: the database matches the project's migrations and models.");
            return 0;
        }
        printer.line("Drift check found " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
        int width = problems.stream().mapToInt(f -> f.kind().length()).max().orElse(0);
        for (Finding f : problems) {
            printer.line("  " + f.kind() + " ".repeat(width - f.kind().length()) + "  " + f.detail());
        }
        return 1;
    }
}
