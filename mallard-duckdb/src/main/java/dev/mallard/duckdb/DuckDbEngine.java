package dev.mallard.duckdb;

import dev.mallard.core.engine.Capability;
import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.events.PhaseTimes;
import dev.mallard.core.project.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * Embedded DuckDB: one database handle per invocation, one duplicated connection per
 * worker session. Relative paths in SQL resolve against the project folder.
 */
public final class DuckDbEngine implements Engine {
    /** Extensions compiled into the DuckDB JDBC jar; everything else would need a download. */
    private static final Set<String> BUILT_IN = Set.of("json", "parquet", "icu", "core_functions");

    private final DuckDBConnection root;
    private final String description;
    private final String database;
    private final List<String> sessionSetup;
    /** The database file this engine created by opening it (null if it existed, or in memory). */
    private Path createdFile;
    /** DuckDB's thread count as opened (0 until first needed; -1 when the profile sets it). */
    private int fullThreads;
    private int threadsNow;

    private DuckDbEngine(DuckDBConnection root, String description, String database, List<String> sessionSetup) {
        this.root = root;
        this.description = description;
        this.database = database;
        this.sessionSetup = sessionSetup;
    }

    static DuckDbEngine open(Target target, Path projectDir) {
        String path = target.string("path");
        String url;
        String shown;
        Path created = null;
        if (path == null || path.isBlank() || path.equals(":memory:")) {
            url = "jdbc:duckdb:";
            shown = ":memory:";
        } else {
            Path file = projectDir.resolve(path).normalize();
            created = Files.exists(file) ? null : file;
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new MallardException(ErrorCode.ENGINE, "cannot create the folder for " + file + ": " + e.getMessage());
            }
            url = "jdbc:duckdb:" + file;
            shown = file.toString();
        }
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "true");
        DuckDBConnection conn;
        try {
            conn = (DuckDBConnection) DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            String msg = e.getMessage();
            if (msg != null && msg.contains("lock")) {
                throw new MallardException(ErrorCode.DATABASE_IN_USE, "the database " + shown
                        + " is in use by another process" + holder(msg), null, 0,
                        "stop the other process (a running mallard or a DuckDB shell) and try again", e);
            }
            throw new MallardException(ErrorCode.ENGINE, "cannot open DuckDB database " + shown + ": " + msg, null, 0,
                    null, e);
        }
        List<String> setup = new java.util.ArrayList<>();
        setup.add("SET file_search_path = '" + projectDir.toAbsolutePath().toString().replace("'", "''") + "'");
        for (Map.Entry<String, Object> s : target.map("settings").entrySet()) {
            setup.add("SET " + s.getKey() + " = " + literal(s.getValue()));
        }
        DuckDbEngine engine = new DuckDbEngine(conn, "DuckDB " + version(conn) + " at " + shown,
                databaseName(conn), List.copyOf(setup));
        engine.createdFile = created;
        if (target.map("settings").keySet().stream().anyMatch(k -> k.equalsIgnoreCase("threads"))) {
            engine.fullThreads = -1;
        }
        try (Statement st = conn.createStatement()) {
            for (String sql : setup) {
                st.execute(sql);
            }
            for (Object ext : target.list("extensions")) {
                String name = ext instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(ext);
                loadExtension(st, name);
            }
        } catch (SQLException e) {
            engine.close();
            throw new MallardException(ErrorCode.PROFILE, "invalid DuckDB setting: " + firstLine(e.getMessage()));
        }
        return engine;
    }

    /** DuckDB's lock error names the holder ("... (PID 1234)"); pass that on when present. */
    static String holder(String msg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("PID (\\d+)").matcher(msg);
        return m.find() ? " (pid " + m.group(1) + ")" : "";
    }

    private static void loadExtension(Statement st, String name) {
        try {
            st.execute("LOAD " + name);
        } catch (SQLException e) {
            String hint = BUILT_IN.contains(name) ? null
                    : "Mallard runs offline; only built-in extensions (" + String.join(", ", BUILT_IN) + ") can be loaded";
            throw new MallardException(ErrorCode.PROFILE, "DuckDB extension '" + name
                    + "' cannot be installed offline and is not built in", null, 0, hint, e);
        }
    }

    private static String literal(Object v) {
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        return "'" + String.valueOf(v).replace("'", "''") + "'";
    }

    private static String version(Connection c) {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("select version()")) {
            return rs.next() ? rs.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }

    private static String databaseName(Connection c) {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("select current_database()")) {
            return rs.next() ? rs.getString(1) : "memory";
        } catch (SQLException e) {
            return "memory";
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        return s.strip();
    }

    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TRANSACTIONS, Capability.RENAME, Capability.MERGE, Capability.CONSTRAINTS,
                Capability.BULK_CSV_LOAD, Capability.PARQUET, Capability.UPDATE_AND_DELETE);
    }

    @Override
    public String defaultDatabase() {
        return database;
    }

    @Override
    public EngineSession openSession() {
        try {
            DuckDBConnection c = (DuckDBConnection) root.duplicate();
            try (Statement st = c.createStatement()) {
                for (String sql : sessionSetup) {
                    st.execute(sql);
                }
            }
            return new DuckDbSession(c);
        } catch (SQLException e) {
            throw new MallardException(ErrorCode.ENGINE, "cannot open a DuckDB connection: " + e.getMessage());
        }
    }

    /**
     * Each DuckDB query asks for every core (its thread count), and the JDBC driver's calling
     * thread polls for work while a worker runs its query's only task: two nodes at once on two
     * cores then run three threads, one of them spinning. While several nodes run, each query gets
     * the cores divided by their number (the calling thread alone when that is 1); a node running
     * alone gets them all back. A profile that sets {@code threads} itself is left as it is.
     */
    @Override
    public synchronized void nodesAtOnce(int nodes) {
        if (fullThreads < 0) {
            return;
        }
        try (Statement st = root.createStatement()) {
            if (fullThreads == 0) {
                try (var rs = st.executeQuery("select current_setting('threads')")) {
                    fullThreads = rs.next() ? Math.max(1, rs.getInt(1)) : 1;
                }
                threadsNow = fullThreads;
            }
            int wanted = Math.max(1, fullThreads / Math.max(1, nodes));
            if (wanted != threadsNow) {
                long t = PhaseTimes.start();
                st.execute("SET threads = " + wanted);
                threadsNow = wanted;
                PhaseTimes.add("engine: set threads", t);
            }
        } catch (SQLException e) {
            fullThreads = -1; // a tuning step only: the run goes on with DuckDB's own setting
        }
    }

    @Override
    public String describe() {
        return description;
    }

    /** Closes, and removes the database file if opening it created it: nothing used it. */
    @Override
    public void closeUnused() {
        close();
        if (createdFile != null) {
            try {
                Files.deleteIfExists(createdFile);
                Files.deleteIfExists(createdFile.resolveSibling(createdFile.getFileName() + ".wal"));
            } catch (IOException e) {
                // an empty database file left behind is harmless
            }
        }
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            // closing is best effort: the process is ending
        }
    }
}
