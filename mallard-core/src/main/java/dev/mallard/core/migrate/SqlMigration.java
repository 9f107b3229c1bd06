package dev.mallard.core.migrate;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.List;
import java.util.Locale;

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
        List<String[]> deferred = new java.util.ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement st = statements.get(i);
            try {
                if (session.dialect().identityColumns()) {
                    session.execute(st.sql()); // identity and serial columns are the engine's own
                    continue;
                }
                for (String sql : IdentityColumns.expand(st.sql())) {
                    session.execute(sql);
                }
                String table = IdentityColumns.droppedTable(st.sql());
                if (table != null) {
                    StringBuilder later = new StringBuilder();
                    statements.subList(i + 1, statements.size()).forEach(s -> later.append(s.sql()).append('\n'));
                    String schema = IdentityColumns.droppedSchema(st.sql());
                    if (!dropOwnedSequences(session, table, schema, later.toString().toLowerCase(Locale.ROOT))) {
                        deferred.add(new String[] {table, schema});
                    }
                }
            } catch (MallardException e) {
                throw new MallardException(ErrorCode.SQL, "migration " + version + " failed: " + e.getMessage(),
                        script, st.line(), hint(e.getMessage()), e);
            }
        }
        for (String[] t : deferred) {
            dropOwnedSequences(session, t[0], t[1], "");
        }
    }

    /**
     * The sequences that identity columns of a dropped table owned go with it, as in Postgres.
     * One that a later statement of this migration names (a table rebuilt in it: dropped,
     * then created again with the same default) is kept until the migration's end; one still
     * used by a column default then stays.
     *
     * @return false when an owned sequence was kept for later statements
     */
    private boolean dropOwnedSequences(EngineSession session, String table, String schema, String laterSql) {
        String comment = (IdentityColumns.OWNED_BY + table).replace("'", "''");
        String inSchema = schema == null ? "current_schema()" : "'" + schema.replace("'", "''") + "'";
        var owned = session.query("SELECT s.schema_name, s.sequence_name FROM duckdb_sequences() s WHERE s.comment = '"
                + comment + "' AND s.schema_name = " + inSchema + " AND NOT EXISTS (SELECT 1 FROM duckdb_columns() c "
                + "WHERE c.column_default LIKE '%''' || s.schema_name || '.' || s.sequence_name || '''%' "
                + "OR (c.schema_name = s.schema_name AND c.column_default LIKE '%''' || s.sequence_name || '''%'))");
        boolean all = true;
        for (List<Object> row : owned.rows()) {
            String name = String.valueOf(row.get(1));
            if (laterSql.contains(name.toLowerCase(Locale.ROOT))) {
                all = false;
                continue;
            }
            session.execute("DROP SEQUENCE IF EXISTS \"" + String.valueOf(row.get(0)).replace("\"", "\"\"") + "\".\""
                    + name.replace("\"", "\"\"") + "\"");
        }
        return all;
    }
}
