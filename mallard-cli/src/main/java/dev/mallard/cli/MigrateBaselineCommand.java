package dev.mallard.cli;

import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.migrate.MigrationVersion;
import dev.mallard.core.run.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "baseline", description = "Mark an existing database as holding every migration up to --version.")
final class MigrateBaselineCommand extends MigrationCommand {
    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "The version the database is at.")
    String version;

    @Option(names = "--description", description = "Description of the baseline row.")
    String description;

    @Override
    int migrate(Workspace ws, MigrationService service) {
        MigrationVersion v = version("--version", version);
        service.baseline(v, description);
        printer.line("Baselined at " + v + ": migrations up to " + v + " count as applied.");
        return 0;
    }
}
