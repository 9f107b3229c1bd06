package dev.mallard.postgres;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.CsvLoad;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One pgjdbc connection in auto-commit mode; {@link #begin} opens an explicit transaction
 * that {@link #commit} or {@link #rollback} ends, so SQL run on {@link #jdbcConnection} shares it.
 * Relations are matched by exact name: Mallard quotes every identifier, and a quoted name
 * is case-sensitive in Postgres.
 */
final class PostgresSession implements EngineSession {
    private static final String RELATIONS = "select table_catalog, table_schema, table_name, table_type "
            + "from information_schema.tables where table_schema = ? and table_catalog = coalesce(?, current_database())";

    private final Connection conn;

    PostgresSession(Connection conn) {
        this.conn = conn;
    }

    @Override
    public void execute(String sql) {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw sqlError(e);
        }
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        try (Statement st = conn.createStatement()) {
            if (maxRows > 0) {
                st.setMaxRows(maxRows);
            }
            if (!st.execute(sql)) {
                return new QueryResult(List.of(), List.of());
            }
            try (ResultSet rs = st.getResultSet()) {
                return QueryResult.read(rs, maxRows);
            }
        } catch (SQLException e) {
            throw sqlError(e);
        }
    }

    /** The server's message (with its detail and hint lines), as the user would see it in psql. */
    static MallardException sqlError(SQLException e) {
        String msg = e.getMessage() == null ? "SQL error" : e.getMessage().strip();
        return new MallardException(ErrorCode.SQL, msg, null, 0, null, e);
    }

    @Override
    public void begin() {
        execute("BEGIN");
    }

    @Override
    public void commit() {
        execute("COMMIT");
    }

    /** Ends the open transaction, if any; outside one Postgres only warns. */
    @Override
    public void rollback() {
        try (Statement st = conn.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // the connection is gone: nothing left to undo
        }
    }

    @Override
    public Optional<ExistingRelation> findRelation(Relation relation) {
        String schema = relation.schema() == null ? currentSchema() : relation.schema();
        return relations(RELATIONS + " and table_name = ?", schema, relation.database(), relation.identifier())
                .stream().findFirst();
    }

    private String currentSchema() {
        return String.valueOf(query("select current_schema()").rows().get(0).get(0));
    }

    @Override
    public List<ExistingRelation> listRelations(String database, String schema) {
        return relations(RELATIONS + " order by table_name", schema, database);
    }

    private List<ExistingRelation> relations(String sql, String... params) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<ExistingRelation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RelationKind kind = "VIEW".equals(rs.getString(4)) ? RelationKind.VIEW : RelationKind.TABLE;
                    out.add(new ExistingRelation(new Relation(rs.getString(1), rs.getString(2), rs.getString(3)), kind));
                }
            }
            return out;
        } catch (SQLException e) {
            throw sqlError(e);
        }
    }

    @Override
    public List<ColumnInfo> columns(Relation relation) {
        // format_type keeps a type's modifiers (numeric(6,2), varchar(40)), which information_schema's data_type
        // drops: a column added or altered by on_schema_change gets the type the model gave it, as in dbt-postgres
        String sql = "select a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a join pg_class c "
                + "on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace where c.relname = ? "
                + "and n.nspname = coalesce(?, current_schema()) and a.attnum > 0 and not a.attisdropped "
                + "and coalesce(?, current_database()) = current_database() order by a.attnum";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, relation.identifier());
            ps.setString(2, relation.schema());
            ps.setString(3, relation.database());
            List<ColumnInfo> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ColumnInfo(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw sqlError(e);
        }
    }

    /** A schema belongs to the connection's database in Postgres: {@code database} is not part of the name. */
    @Override
    public void createSchemaIfMissing(String database, String schema) {
        if (findSchema(schema)) {
            return; // CREATE SCHEMA IF NOT EXISTS still needs the CREATE privilege on the database
        }
        execute("CREATE SCHEMA IF NOT EXISTS " + Relation.quote(schema));
    }

    private boolean findSchema(String schema) {
        try (PreparedStatement ps = conn.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw sqlError(e);
        }
    }

    @Override
    public Connection jdbcConnection() {
        return conn;
    }

    @Override
    public void loadCsv(CsvLoad load) {
        new PostgresSeedLoad(this, conn).load(load);
    }

    /** Rows go in as one batched INSERT: the session's transaction covers them. */
    @Override
    public void appendRows(Relation table, Iterator<Object[]> rows) {
        if (!rows.hasNext()) {
            return;
        }
        Object[] first = rows.next();
        String marks = String.join(", ", java.util.Collections.nCopies(first.length, "?"));
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table.render() + " VALUES (" + marks + ")")) {
            Object[] row = first;
            int pending = 0;
            while (row != null) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
                if (++pending == 1000) {
                    ps.executeBatch();
                    pending = 0;
                }
                row = rows.hasNext() ? rows.next() : null;
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw sqlError(e.getNextException() != null ? e.getNextException() : e);
        }
    }

    @Override
    public dev.mallard.core.engine.SqlDialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            // best effort
        }
    }
}
