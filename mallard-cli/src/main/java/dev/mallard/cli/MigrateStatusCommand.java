package dev.mallard.cli;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.migrate.MigrationStatus;
import dev.mallard.core.run.Workspace;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "status", description = "List every migration: pending, applied, failed, missing or changed.")
final class MigrateStatusCommand extends MigrationCommand {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    int migrate(Workspace ws, MigrationService service) {
        List<MigrationStatus> status = service.status();
        if (status.isEmpty()) {
            printer.output("No migrations in " + service.config().path() + "/.");
            return 0;
        }
        List<ColumnInfo> columns = new ArrayList<>();
        for (String name : List.of("version", "description", "type", "state", "reversible", "installed_on (UTC)",
                "execution_ms", "script")) {
            columns.add(new ColumnInfo(name, "VARCHAR"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (MigrationStatus s : status) {
            rows.add(Arrays.asList(s.version().text(), s.description(), s.type().name(), s.state().label(),
                    s.reversibleLabel(), s.installedOn() == null ? "" : s.installedOn().format(AT),
                    s.executionMs(), s.script()));
        }
        printer.output(TableFormatter.format(new QueryResult(columns, rows)).stripTrailing());
        return 0;
    }
}
