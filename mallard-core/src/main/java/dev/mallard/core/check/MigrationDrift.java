package dev.mallard.core.check;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.SqlDialect;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.migrate.Migration;
import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.migrate.MigrationState;
import dev.mallard.core.migrate.MigrationStatus;
import dev.mallard.core.migrate.SqlMigration;
import dev.mallard.core.migrate.SqlStatement;
import dev.mallard.core.migrate.ValidationFinding;
import dev.mallard.core.migrate.diff.Change;
import dev.mallard.core.migrate.diff.DiffScope;
import dev.mallard.core.migrate.diff.SchemaDiffer;
import dev.mallard.core.migrate.diff.SchemaModel;
import dev.mallard.core.run.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The migration half of {@code mallard check}: pending migrations, applied files edited
 * since, failed or missing ones (all of {@code migrate validate}), and migration-managed
 * tables whose live schema differs from what the applied migrations produce. That last one
 * replays the applied SQL migrations into a scratch in-memory DuckDB and compares the two
 * catalogs table by table.
 */
public final class MigrationDrift {
    private MigrationDrift() {
    }

    public static List<Finding> findings(Workspace ws) {
        MigrationService service = new MigrationService(ws.project(), ws.engine());
        List<MigrationStatus> status = service.status();
        if (status.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (ValidationFinding f : service.validate()) {
            out.add(new Finding(label(f.kind()), "V" + f.version(), "V" + f.version() + " (" + f.script() + "): "
                    + f.message()));
        }
        if (out.stream().noneMatch(f -> f.kind().equals("edited migration") || f.kind().equals("missing migration"))) {
            out.addAll(schemaDrift(ws, service, status));
        }
        return out;
    }

    private static String label(ValidationFinding.Kind kind) {
        return switch (kind) {
            case PENDING -> "pending migration";
            case CHECKSUM_MISMATCH -> "edited migration";
            case MISSING -> "missing migration";
            case FAILED -> "failed migration";
            case OUT_OF_ORDER -> "out-of-order migration";
        };
    }

    /** Live schema of the managed tables against a replay of the applied migrations. */
    private static List<Finding> schemaDrift(Workspace ws, MigrationService service, List<MigrationStatus> status) {
        List<SqlMigration> applied = new ArrayList<>();
        for (MigrationStatus s : status) {
            if (!s.state().applied()) {
                continue;
            }
            Migration m = s.migration();
            if (s.state() == MigrationState.BASELINE || s.state() == MigrationState.BELOW_BASELINE
                    || !(m instanceof SqlMigration sql)) {
                // a baseline or a Java migration cannot be replayed: the comparison would be wrong
                return List.of();
            }
            applied.add(sql);
        }
        Set<String> managed = new HashSet<>();
        service.managedTables().forEach(t -> managed.add(t.toLowerCase(Locale.ROOT)));
        if (managed.isEmpty()) {
            return List.of();
        }
        String schema = ws.project().target().schema();
        try (EngineSession probe = service.engine().openSession()) {
            if (probe.dialect().catalog() == SqlDialect.Catalog.POSTGRES) {
                return PostgresSchemaDrift.findings(service, applied, managed, schema);
            }
        }
        try (Connection scratch = SchemaDiffer.IN_MEMORY_DUCKDB.open();
             EngineSession session = service.engine().openSession()) {
            Statement st = scratch.createStatement();
            // a replayed migration must not touch files (COPY ... TO, read_csv): those fail, and say so
            st.execute("SET enable_external_access = false");
            if (!"main".equalsIgnoreCase(schema)) {
                st.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema.replace("\"", "\"\"") + "\"");
                st.execute("USE \"" + schema.replace("\"", "\"\"") + "\"");
            }
            for (SqlMigration m : applied) {
                for (SqlStatement s : m.upStatements()) {
                    try {
                        for (String sql : dev.mallard.core.migrate.IdentityColumns.expand(s.sql())) {
                            st.execute(sql);
                        }
                    } catch (SQLException e) {
                        return List.of(Finding.note("not compared", "V" + m.version(), "V" + m.version() + " ("
                                + m.script() + ":" + s.line() + ") does not replay on an empty database without file "
                                + "access (it reads a model, a seed or a file?), so the schema of the managed tables "
                                + "was not compared: " + firstLine(e.getMessage())));
                    }
                }
            }
            Connection live = session.jdbcConnection();
            SchemaModel expected = new SchemaDiffer(new DiffScope(schema, others(scratch, schema, managed))).read(scratch);
            SchemaModel actual = new SchemaDiffer(new DiffScope(schema, others(live, schema, managed))).read(live);
            List<Finding> out = new ArrayList<>();
            for (Change c : SchemaDiffer.diff(expected, actual).changes()) {
                if (c.kind() == Change.Kind.TABLE_REBUILT) {
                    continue; // how the diff would apply the other changes, not a difference itself
                }
                out.add(new Finding("schema drift", c.object(), describe(c)));
            }
            return out;
        } catch (SQLException e) {
            throw new MallardException(dev.mallard.core.error.ErrorCode.ENGINE,
                    "cannot compare the managed tables with the migrations: " + e.getMessage());
        }
    }

    /**
     * A change is worded as the step from the live database to what the migrations give;
     * say it as what the live database has that they do not, or lacks.
     */
    static String describe(Change c) {
        String what = c.kind().name().startsWith("COLUMN_") && !c.detail().isEmpty()
                ? c.detail() + " of table " + c.object()
                : c.object() + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")");
        return switch (c.kind()) {
            case TABLE_ADDED, COLUMN_ADDED, INDEX_ADDED, SEQUENCE_ADDED, CONSTRAINT_ADDED, SCHEMA_ADDED ->
                    kindNoun(c) + " " + what + " is in the migrations but missing from the database";
            case TABLE_DROPPED, COLUMN_DROPPED, INDEX_DROPPED, SEQUENCE_DROPPED, CONSTRAINT_DROPPED, SCHEMA_DROPPED ->
                    kindNoun(c) + " " + what + " is in the database but not in the migrations";
            default -> c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + c.object()
                    + ": the database differs from the migrations" + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")");
        };
    }

    private static String kindNoun(Change c) {
        String name = c.kind().name();
        return name.substring(0, name.indexOf('_')).toLowerCase(Locale.ROOT);
    }

    /** Every table in {@code schema} that is not managed: those the comparison leaves out. */
    private static Set<String> others(Connection c, String schema, Set<String> managed) throws SQLException {
        Set<String> out = new HashSet<>();
        try (var ps = c.prepareStatement("SELECT table_name FROM duckdb_tables() WHERE schema_name = ? "
                + "AND database_name = current_database()")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String t = rs.getString(1).toLowerCase(Locale.ROOT);
                    if (!managed.contains(t)) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
