package dev.mallard.core.migrate;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.List;

/**
 * A {@code V<version>__<description>.sql} file with its {@code -- migrate:up} statements
 * and, when it has a {@code -- migrate:down} section, its down statements.
 */
public record SqlMigration(
        MigrationVersion version,
        String description,
        String script,
        String checksum,
        List<SqlStatement> upStatements,
        List<SqlStatement> downStatements,
        boolean reversible) implements Migration {

    public SqlMigration {
        upStatements = List.copyOf(upStatements);
        downStatements = List.copyOf(downStatements);
    }

    @Override
    public MigrationType type() {
        return MigrationType.SQL;
    }

    @Override
    public void up(EngineSession session) {
        run(session, upStatements);
    }

    @Override
    public void down(EngineSession session) {
        run(session, downStatements);
    }

    /** DuckDB limitations a migration author meets, explained. */
    static String hint(String message) {
        if (message != null && message.contains("still referenced by a foreign key")) {
            return "DuckDB checks foreign keys eagerly: within one transaction, rows deleted from the referencing "
                    + "table still block deleting or updating the rows they referenced. Delete the referenced rows in a "
                    + "separate migration, or drop the referencing table first";
        }
        return null;
    }

    private void run(EngineSession session, List<SqlStatement> statements) {
        for (SqlStatement st : statements) {
            try {
                for (String sql : IdentityColumns.expand(st.sql())) {
                    session.execute(sql);
                }
                String dropped = IdentityColumns.droppedTable(st.sql());
                if (dropped != null) {
                    dropOwnedSequences(session, dropped);
                }
            } catch (MallardException e) {
                throw new MallardException(ErrorCode.SQL, "migration " + version + " failed: " + e.getMessage(),
                        script, st.line(), hint(e.getMessage()), e);
            }
        }
    }

    /** The sequences identity columns of {@code table} owned go with it, as in Postgres. */
    private static void dropOwnedSequences(EngineSession session, String table) {
        String comment = IdentityColumns.OWNED_BY + table;
        var owned = session.query("SELECT schema_name, sequence_name FROM duckdb_sequences() WHERE comment = '"
                + comment.replace("'", "''") + "'");
        for (List<Object> row : owned.rows()) {
            session.execute("DROP SEQUENCE IF EXISTS \"" + String.valueOf(row.get(0)).replace("\"", "\"\"") + "\".\""
                    + String.valueOf(row.get(1)).replace("\"", "\"\"") + "\"");
        }
    }
}
