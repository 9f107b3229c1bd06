package dev.mallard.duckdb;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * An in-memory DuckDB that can touch only the files and directories it was opened with.
 * {@code allowed_paths} and {@code allowed_directories} are set first, then
 * {@code enable_external_access=false} and {@code lock_configuration=true}: from then on
 * no statement on any of its connections can read or write another file, load an
 * extension, attach a database or change a setting. Connections are duplicates of one
 * database handle, so they share its buffer pool and thread pool.
 */
public final class LockedDownDuckDb implements AutoCloseable {
    private final DuckDBConnection root;

    private LockedDownDuckDb(DuckDBConnection root) {
        this.root = root;
    }

    /**
     * Opens the database.
     *
     * @param files files that may be read (each exactly that path)
     * @param directories directories under which files may be read and written
     * @param threads DuckDB worker threads
     */
    public static LockedDownDuckDb open(Collection<Path> files, Collection<Path> directories, int threads) {
        try {
            DuckDBConnection conn = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", baseProperties());
            try (Statement st = conn.createStatement()) {
                st.execute("SET threads = " + Math.max(1, threads));
                if (!files.isEmpty()) {
                    st.execute("SET allowed_paths = " + list(files, false));
                }
                if (!directories.isEmpty()) {
                    st.execute("SET allowed_directories = " + list(directories, true));
                }
                lockDown(st);
            } catch (SQLException e) {
                conn.close();
                throw e;
            }
            return new LockedDownDuckDb(conn);
        } catch (SQLException e) {
            throw new MallardException(ErrorCode.ENGINE, "cannot open the serving DuckDB: " + e.getMessage());
        }
    }

    /** A new connection to this database (the caller closes it). */
    public Connection connect() {
        try {
            return root.duplicate();
        } catch (SQLException e) {
            throw new MallardException(ErrorCode.ENGINE, "cannot open a DuckDB connection: " + e.getMessage());
        }
    }

    /**
     * Opens a DuckDB database file read-only, with external access disabled and the
     * configuration locked as for the in-memory database: only its own tables can be read.
     * A read-only open takes a shared lock, so a process writing the file blocks it and it
     * blocks a writer for as long as it stays open: close it as soon as the query is done.
     *
     * @param writableDirectory a private folder it may write query results to (COPY TO)
     */
    public static Connection openReadOnlyFile(Path file, Path writableDirectory) throws SQLException {
        Properties props = baseProperties();
        props.setProperty("duckdb.read_only", "true");
        Connection conn = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
        try (Statement st = conn.createStatement()) {
            st.execute("SET threads = 1");
            st.execute("SET allowed_directories = " + list(List.of(writableDirectory), true));
            lockDown(st);
        } catch (SQLException e) {
            conn.close();
            throw e;
        }
        return conn;
    }

    private static Properties baseProperties() {
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        return props;
    }

    private static void lockDown(Statement st) throws SQLException {
        st.execute("SET enable_external_access = false");
        st.execute("SET lock_configuration = true");
    }

    private static String list(Collection<Path> paths, boolean directories) {
        List<String> items = paths.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .map(s -> directories && !s.endsWith("/") ? s + "/" : s)
                .map(s -> "'" + s.replace("'", "''") + "'").toList();
        return items.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            // closing is best effort: the server is stopping
        }
    }
}
