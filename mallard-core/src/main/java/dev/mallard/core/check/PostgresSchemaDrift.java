package dev.mallard.core.check;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.SqlDialect;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.migrate.SqlMigration;
import dev.mallard.core.migrate.SqlStatement;
import dev.mallard.core.migrate.diff.Change;
import dev.mallard.core.migrate.diff.DiffScope;
import dev.mallard.core.migrate.diff.PostgresScratchSchema;
import dev.mallard.core.migrate.diff.SchemaDiffer;
import dev.mallard.core.migrate.diff.SchemaModel;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@link MigrationDrift}'s schema comparison on Postgres: the applied SQL migrations are
 * replayed into a scratch schema of the target database, in a transaction that is rolled back
 * ({@link PostgresScratchSchema}), and that schema's managed tables are compared with the live ones.
 */
final class PostgresSchemaDrift {
    private PostgresSchemaDrift() {
    }

    static List<Finding> findings(MigrationService service, List<SqlMigration> applied, Set<String> managed,
            String schema) {
        List<Finding> notes = new ArrayList<>();
        try (EngineSession scratch = service.engine().openSession(); EngineSession live = service.engine().openSession()) {
            SchemaModel expected = PostgresScratchSchema.read(scratch.jdbcConnection(),
                    new DiffScope(schema, Set.of()).unqualified(), c -> replay(c, applied, notes));
            if (expected == null) {
                return notes;
            }
            SchemaModel actual = PostgresScratchSchema.readLive(live.jdbcConnection(), new DiffScope(schema, Set.of()).unqualified());
            List<Finding> out = new ArrayList<>();
            for (Change c : SchemaDiffer.diff(only(expected, managed), only(actual, managed), SqlDialect.Catalog.POSTGRES)
                    .changes()) {
                out.add(new Finding("schema drift", c.object(), MigrationDrift.describe(c)));
            }
            return out;
        } catch (SQLException e) {
            throw new MallardException(ErrorCode.ENGINE, "cannot compare the managed tables with the migrations: "
                    + e.getMessage());
        }
    }

    /** Runs the applied migrations; the first statement that fails ends the replay with a note. */
    private static boolean replay(java.sql.Connection c, List<SqlMigration> applied, List<Finding> notes) {
        for (SqlMigration m : applied) {
            for (SqlStatement s : m.upStatements()) {
                try (Statement st = c.createStatement()) {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    notes.add(Finding.note("not compared", "V" + m.version(), "V" + m.version() + " (" + m.script() + ":"
                            + s.line() + ") does not replay in an empty schema (it reads a model, a seed or another "
                            + "schema?), so the schema of the managed tables was not compared: "
                            + MigrationDrift.firstLine(e.getMessage())));
                    return false;
                }
            }
        }
        return true;
    }

    /** The managed tables of {@code model}, with their indexes; sequences that no table owns stay. */
    private static SchemaModel only(SchemaModel model, Set<String> managed) {
        var tables = new java.util.TreeMap<String, dev.mallard.core.migrate.diff.TableModel>();
        model.tables().forEach((name, t) -> {
            if (managed.contains(name.toLowerCase(Locale.ROOT))) {
                tables.put(name, t);
            }
        });
        Set<String> kept = new HashSet<>(tables.keySet());
        var indexes = new java.util.TreeMap<String, dev.mallard.core.migrate.diff.IndexModel>();
        model.indexes().forEach((name, i) -> {
            if (kept.contains(i.table())) {
                indexes.put(name, i);
            }
        });
        return new SchemaModel(model.schema(), model.exists(), tables, indexes, model.sequences());
    }
}
