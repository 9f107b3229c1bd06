package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.migrate.DatabaseReset;
import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.project.Target;
import dev.mallard.core.run.Workspace;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reset", description = "Drop everything in the target database, apply all migrations, build all models. "
        + "Needs --yes unless the target is a dev target (dev*, local, test).")
final class DbResetCommand extends MigrationCommand {
    @Option(names = "--yes", description = "Confirm resetting a target that is not a dev target.")
    boolean yes;

    @Override
    int migrate(Workspace ws, MigrationService service) {
        Target target = ws.project().target();
        if (!yes && !DatabaseReset.isDevTarget(target)) {
            throw new MallardException(ErrorCode.USAGE, "refusing to reset target '" + target.name()
                    + "': it is not a dev target, and resetting drops every table in it", null, 0,
                    "pass --yes if you mean it, or use a target named dev, local or test", null);
        }
        service.found(); // a bad migration file stops the reset before anything is dropped
        List<String> dropped = DatabaseReset.dropAll(service.engine());
        printer.line("Dropped " + dropped.size() + " object(s) from target '" + target.name() + "'.");
        int applied = service.up(null, printer::line).size();
        printer.line("Applied " + applied + " migration(s).");
        BuildCommand build = new BuildCommand();
        new CommandLine(build).parseArgs();
        build.options = options;
        build.printer = printer;
        return build.run(ws);
    }
}
