package dev.mallard.postgres;

import dev.mallard.core.engine.Capability;
import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;

/**
 * A PostgreSQL server reached through pgjdbc: one connection per worker session. Postgres
 * has transactional DDL, so a table swap and a migration each commit or roll back whole.
 */
final class PostgresEngine implements Engine {
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.TRANSACTIONS, Capability.RENAME,
            Capability.MERGE, Capability.CONSTRAINTS, Capability.BULK_CSV_LOAD, Capability.UPDATE_AND_DELETE);

    private final PostgresSettings settings;
    private final String description;

    private PostgresEngine(PostgresSettings settings, String description) {
        this.settings = settings;
        this.description = description;
    }

    /** Connects once, to fail early with the server's message and to read its version. */
    static PostgresEngine open(PostgresSettings settings) {
        try (Connection c = connect(settings); Statement st = c.createStatement();
             var rs = st.executeQuery("show server_version")) {
            String version = rs.next() ? rs.getString(1) : "?";
            return new PostgresEngine(settings, "PostgreSQL " + version + " at " + settings.shown());
        } catch (SQLException e) {
            throw new MallardException(ErrorCode.ENGINE, "cannot connect to PostgreSQL at " + settings.shown() + ": "
                    + e.getMessage(), null, 0, "check host, port, user, password and dbname in profiles.yml", e);
        }
    }

    private static Connection connect(PostgresSettings settings) throws SQLException {
        Connection c = new org.postgresql.Driver().connect(settings.url(), settings.properties());
        try (Statement st = c.createStatement()) {
            for (String sql : settings.sessionSetup()) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public String type() {
        return "postgres";
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String defaultDatabase() {
        return settings.database();
    }

    @Override
    public EngineSession openSession() {
        try {
            return new PostgresSession(connect(settings));
        } catch (SQLException e) {
            throw new MallardException(ErrorCode.ENGINE, "cannot open a PostgreSQL connection to " + settings.shown()
                    + ": " + e.getMessage(), null, 0, null, e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        // sessions own their connections; the engine holds none
    }
}
