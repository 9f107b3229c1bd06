package dev.mallard.core.migrate.diff;

import dev.mallard.core.engine.SqlDialect.Catalog;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Compares a declared schema file with a live database and writes the migration between them,
 * the way Alembic's autogenerate does. The file is run into a scratch in-memory database, and
 * both databases are read through the same catalog queries, so the comparison never parses SQL.
 */
public final class SchemaDiffer {
    /** Opens the scratch database that a declared schema is loaded into. */
    @FunctionalInterface
    public interface ScratchDatabase {
        Connection open() throws SQLException;
    }

    /**
     * An in-memory DuckDB, through whichever DuckDB JDBC driver is on the class path. Extension
     * downloads are off, so a declared type from a missing extension fails at once, not after a
     * network timeout.
     */
    public static final ScratchDatabase IN_MEMORY_DUCKDB = () -> {
        Properties config = new Properties();
        config.setProperty("autoinstall_known_extensions", "false");
        return DriverManager.getConnection("jdbc:duckdb:", config);
    };

    private final DiffScope scope;
    private final ScratchDatabase scratch;
    private final Catalog catalog;

    public SchemaDiffer(DiffScope scope) {
        this(scope, IN_MEMORY_DUCKDB);
    }

    public SchemaDiffer(DiffScope scope, ScratchDatabase scratch) {
        this(scope, scratch, Catalog.DUCKDB);
    }

    /**
     * @param scratch  for {@link Catalog#POSTGRES}, a new connection to the target database: the
     *                 declared schema goes into a scratch schema there ({@link PostgresScratchSchema})
     * @param catalog  how both databases are read, and what the migration may ALTER
     */
    public SchemaDiffer(DiffScope scope, ScratchDatabase scratch, Catalog catalog) {
        this.scope = scope;
        this.scratch = scratch;
        this.catalog = catalog;
    }

    /**
     * The migration that takes {@code live} to the schema declared in {@code schemaFile}.
     *
     * @throws MallardException naming the file and line when a statement of the file fails,
     *     or when a database cannot be read
     */
    public SchemaDiff diff(Path schemaFile, Connection live) {
        return diff(declared(schemaFile), read(live), catalog);
    }

    /** The schema declared in {@code schemaFile}, as the catalog of a scratch database reports it. */
    public SchemaModel declared(Path schemaFile) {
        try (Connection connection = scratch.open()) {
            if (catalog == Catalog.POSTGRES) {
                return PostgresScratchSchema.read(connection, scope, c -> {
                    DeclaredSchemaLoader.load(schemaFile, c);
                    return true;
                });
            }
            DeclaredSchemaLoader.load(schemaFile, connection);
            return new CatalogReader(connection, scope).read();
        } catch (SQLException e) {
            throw new MallardException(ErrorCode.ENGINE, "cannot use a scratch database to read the declared schema: "
                    + e.getMessage(), schemaFile.toString(), 0, null, e);
        }
    }

    /** The schema of a live database, in this differ's scope. */
    public SchemaModel read(Connection live) {
        try {
            return catalog == Catalog.POSTGRES ? PostgresScratchSchema.readLive(live, scope)
                    : new CatalogReader(live, scope).read();
        } catch (SQLException e) {
            throw new MallardException(ErrorCode.ENGINE, "cannot read the database catalog: " + e.getMessage(),
                    null, 0, null, e);
        }
    }

    /** The migration from {@code live} to {@code declared}, and back. */
    public static SchemaDiff diff(SchemaModel declared, SchemaModel live) {
        return diff(declared, live, Catalog.DUCKDB);
    }

    /** The migration from {@code live} to {@code declared}, and back, in what {@code catalog}'s engine can ALTER. */
    public static SchemaDiff diff(SchemaModel declared, SchemaModel live, Catalog catalog) {
        PlannedMigration up = MigrationPlanner.plan(live, declared, catalog);
        PlannedMigration down = MigrationPlanner.plan(declared, live, catalog);
        return new SchemaDiff(up.changes(), up.statements(), down.statements());
    }
}
