package dev.mallard.duckdb;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.CsvLoad;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.events.PhaseTimes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/** One DuckDB connection (a duplicate of the engine's handle). */
final class DuckDbSession implements EngineSession {
    private final DuckDBConnection conn;

    DuckDbSession(DuckDBConnection conn) {
        this.conn = conn;
    }

    @Override
    public void execute(String sql) {
        long t = PhaseTimes.start();
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw sqlError(e);
        } finally {
            if (PhaseTimes.on()) {
                PhaseTimes.add("engine: execute " + firstWords(sql), t);
            }
        }
    }

    /** A statement's first two words, the kind it is counted under in -Dmallard.timing's totals. */
    private static String firstWords(String sql) {
        String[] words = sql.strip().split("\\s+", 3);
        return words.length < 2 ? words[0] : words[0] + " " + words[1];
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        long t = PhaseTimes.start();
        try (Statement st = conn.createStatement()) {
            boolean hasResult = st.execute(sql);
            if (!hasResult) {
                return new QueryResult(List.of(), List.of());
            }
            try (ResultSet rs = st.getResultSet()) {
                return QueryResult.read(rs, maxRows);
            }
        } catch (SQLException e) {
            throw sqlError(e);
        } finally {
            PhaseTimes.add("engine: query", t);
        }
    }

    static MallardException sqlError(SQLException e) {
        String msg = e.getMessage() == null ? "SQL error" : e.getMessage().strip();
        return new MallardException(ErrorCode.SQL, msg, null, 0, null, e);
    }

    @Override
    public java.sql.Connection jdbcConnection() {
        return conn;
    }

    @Override
    public void begin() {
        execute("BEGIN TRANSACTION");
    }

    @Override
    public void commit() {
        execute("COMMIT");
    }

    @Override
    public void rollback() {
        try (Statement st = conn.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // no transaction open: nothing to undo
        }
    }

    @Override
    public Optional<ExistingRelation> findRelation(Relation relation) {
        return relations("lower(table_name) = lower(?) and lower(table_schema) = lower(coalesce(?, current_schema())) "
                + "and lower(table_catalog) = lower(coalesce(?, current_database()))",
                relation.identifier(), relation.schema(), relation.database()).stream().findFirst();
    }

    /** Relations from information_schema.tables matching a condition with bound parameters. */
    private List<ExistingRelation> relations(String where, String... params) {
        String sql = "select table_catalog, table_schema, table_name, table_type from information_schema.tables where "
                + where + " order by table_name";
        long t = PhaseTimes.start();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<ExistingRelation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RelationKind kind = rs.getString(4).toUpperCase(Locale.ROOT).contains("VIEW") ? RelationKind.VIEW
                            : RelationKind.TABLE;
                    out.add(new ExistingRelation(new Relation(rs.getString(1), rs.getString(2), rs.getString(3)), kind));
                }
            }
            return out;
        } catch (SQLException e) {
            throw sqlError(e);
        } finally {
            PhaseTimes.add("engine: catalog relations", t);
        }
    }

    @Override
    public List<ColumnInfo> columns(Relation relation) {
        String sql = "select column_name, data_type from information_schema.columns where lower(table_name) = lower(?) "
                + "and lower(table_schema) = lower(coalesce(?, current_schema())) "
                + "and lower(table_catalog) = lower(coalesce(?, current_database())) order by ordinal_position";
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

    @Override
    public List<ExistingRelation> listRelations(String database, String schema) {
        return relations("lower(table_schema) = lower(?) and lower(table_catalog) = lower(coalesce(?, current_database()))",
                schema, database);
    }

    @Override
    public void createSchemaIfMissing(String database, String schema) {
        String name = (database == null ? "" : Relation.quote(database) + ".") + Relation.quote(schema);
        execute("CREATE SCHEMA IF NOT EXISTS " + name);
    }

    /**
     * The file into a new table typed as dbt-duckdb types it ({@link SeedLoad}: a large file
     * read once, by DuckDB's typed reader; a small one as text, typed in Java). Quote and escape
     * are sniffed, as dbt-duckdb's COPY sniffs them: a file quoted with ' reads '' as NULL
     * there too.
     */
    @Override
    public void loadCsv(CsvLoad load) {
        new SeedLoad(this, SeedLoad.SMALL_BYTES).load(load);
    }

    @Override
    public void appendRows(Relation table, java.util.Iterator<Object[]> rows) {
        long t = PhaseTimes.start();
        try {
            RowAppender.append(conn, table, rows);
        } catch (SQLException e) {
            throw sqlError(e);
        } finally {
            PhaseTimes.add("engine: append rows", t);
        }
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
