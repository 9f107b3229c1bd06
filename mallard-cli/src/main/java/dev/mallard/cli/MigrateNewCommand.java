package dev.mallard.cli;

import dev.mallard.core.migrate.MigrationResolver;
import dev.mallard.core.migrate.NewMigrationFile;
import dev.mallard.core.run.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "new", description = "Create migrations/V<next>__<name>.sql with up and down sections.")
final class MigrateNewCommand extends ProjectCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "What the migration does, e.g. create_users.")
    String name;

    @Override
    boolean announcesProfile() {
        return false;
    }

    @Override
    int run(Workspace ws) {
        MigrationResolver resolver = new MigrationResolver(ws.project().dir(), ws.project().config().migrations());
        Path file = NewMigrationFile.create(resolver.folder(), resolver.resolve(), name, Clock.systemUTC());
        printer.output(ws.project().dir().relativize(file).toString().replace('\\', '/'));
        return 0;
    }
}
