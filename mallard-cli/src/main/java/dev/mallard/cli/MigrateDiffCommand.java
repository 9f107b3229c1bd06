package dev.mallard.cli;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.SqlDialect;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.migrate.MigrationResolver;
import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.migrate.NewMigrationFile;
import dev.mallard.core.migrate.diff.Change;
import dev.mallard.core.migrate.diff.DiffScope;
import dev.mallard.core.migrate.diff.SchemaDiff;
import dev.mallard.core.migrate.diff.SchemaDiffer;
import dev.mallard.core.run.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code migrate diff NAME}: Alembic's autogenerate for SQL users. Compares the declared
 * schema file with the live database and writes the next migration, with an up section
 * (live to declared) and a down section (back). Relations that models, seeds and snapshots
 * build, and the history table, are not the migrations' business and are left out.
 */
@Command(name = "diff", description = "Write a migration for the differences between schema.sql and the database.")
final class MigrateDiffCommand extends MigrationCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "What the migration does, e.g. add_units.")
    String name;

    @Option(names = "--schema-file", paramLabel = "FILE", defaultValue = "schema.sql",
            description = "The declared schema: the CREATE statements you want (default: ${DEFAULT-VALUE}, in the project).")
    String schemaFile;

    @Option(names = "--schema", paramLabel = "SCHEMA",
            description = "The database schema to compare (default: the target's schema).")
    String schema;

    @Override
    int migrate(Workspace ws, MigrationService service) {
        Path file = ws.project().dir().resolve(schemaFile).normalize();
        if (!Files.isRegularFile(file)) {
            throw new MallardException(ErrorCode.USAGE, "no declared schema file " + file, null, 0,
                    "write the CREATE statements you want in schema.sql, or point --schema-file at them", null);
        }
        var pending = service.pending();
        if (!pending.isEmpty()) {
            throw new MallardException(ErrorCode.USAGE, "migrations are pending (" + pending.stream()
                    .map(m -> "V" + m.version() + " " + m.script()).collect(java.util.stream.Collectors.joining(", "))
                    + "); a diff against the live database would repeat them", null, 0,
                    "run 'mallard migrate up' first, then diff again", null);
        }
        String inSchema = schema != null ? schema : ws.project().target().schema();
        Set<String> ignored = new TreeSet<>();
        ignored.add(service.config().table().toLowerCase(Locale.ROOT));
        for (Node n : ws.manifest().nodes().values()) {
            if (n.resourceType() == ResourceType.MODEL || n.resourceType() == ResourceType.SEED
                    || n.resourceType() == ResourceType.SNAPSHOT) {
                if (n.relation().schema() != null && n.relation().schema().equalsIgnoreCase(inSchema)) {
                    ignored.add(n.relation().identifier().toLowerCase(Locale.ROOT));
                }
            }
        }
        SchemaDiff diff;
        try (EngineSession session = service.engine().openSession()) {
            var catalog = session.dialect().catalog();
            // Postgres: the declared schema is read in a scratch schema of the target database, on its own connection
            SchemaDiffer.ScratchDatabase scratch = catalog == SqlDialect.Catalog.POSTGRES
                    ? () -> service.engine().openSession().jdbcConnection() : SchemaDiffer.IN_MEMORY_DUCKDB;
            DiffScope scope = new DiffScope(inSchema, ignored);
            if (catalog == SqlDialect.Catalog.POSTGRES && inSchema.equals(ws.project().target().schema())) {
                scope = scope.unqualified(); // migrations run with the target schema as their search_path
            }
            diff = new SchemaDiffer(scope, scratch, catalog).diff(file, session.jdbcConnection());
        }
        if (diff.isEmpty()) {
            printer.line("No differences between " + schemaFile + " and the database; no migration written.");
            return 0;
        }
        MigrationResolver resolver = new MigrationResolver(ws.project().dir(), service.config());
        Path written = NewMigrationFile.create(resolver.folder(), resolver.resolve(), name, Clock.systemUTC(),
                diff.toMigrationText());
        printer.line("Wrote " + ws.project().dir().relativize(written).toString().replace('\\', '/') + " with "
                + diff.changes().size() + (diff.changes().size() == 1 ? " change:" : " changes:"));
        for (Change c : diff.changes()) {
            printer.line("  " + c + (c.destructive() ? "   (destructive: review before applying)" : ""));
        }
        printer.line("Review it, then run: mallard migrate up");
        return 0;
    }
}
