package dev.mallard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A dbt project written from inline strings into a temporary folder, run in-process
 * through {@link Main#execute(String...)}, and inspected by opening its DuckDB file
 * read-only over JDBC (one connection per query, closed at once, so that the next mallard
 * invocation can open the file for writing).
 */
final class TestProject {
    static final String DEFAULT_NAME = "proj";

    private final Path dir;
    private String name = DEFAULT_NAME;
    private Path database;

    private TestProject(Path dir) {
        this.dir = dir;
    }

    /** An empty project in {@code dir}; call {@link #dbtProject(String)} or write dbt_project.yml yourself. */
    static TestProject in(Path dir) {
        return new TestProject(dir);
    }

    /** A copy of {@code examples/<example>} (without its target/ folder) in {@code dir}. */
    static TestProject copyOfExample(String example, Path dir) {
        Path source = examplesDir().resolve(example);
        copyTree(source, dir);
        return new TestProject(dir).named(example);
    }

    /** The repository's examples/ folder, found from the module folder the tests run in. */
    static Path examplesDir() {
        String configured = System.getProperty("mallard.examples.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples").resolve("jaffle_shop"))) {
                return p.resolve("examples");
            }
        }
        throw new IllegalStateException("cannot find examples/ above " + Path.of("").toAbsolutePath());
    }

    Path dir() {
        return dir;
    }

    String name() {
        return name;
    }

    /** The project name used for the default DuckDB file (target/<name>.duckdb). */
    TestProject named(String projectName) {
        this.name = projectName;
        return this;
    }

    /** Points the queries at a DuckDB file other than target/<name>.duckdb (a profile's path). */
    TestProject database(String pathInProject) {
        this.database = dir.resolve(pathInProject);
        return this;
    }

    Path databaseFile() {
        return database != null ? database : dir.resolve("target").resolve(name + ".duckdb");
    }

    /** dbt_project.yml naming the project {@link #name()}, plus any extra YAML lines. */
    TestProject dbtProject(String extraYaml) {
        return file("dbt_project.yml", "name: '" + name + "'\nversion: '1.0.0'\nconfig-version: 2\nprofile: '" + name
                + "'\n" + (extraYaml == null ? "" : extraYaml));
    }

    TestProject dbtProject() {
        return dbtProject("");
    }

    TestProject file(String relativePath, String content) {
        Path p = dir.resolve(relativePath);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TestProject delete(String relativePath) {
        try {
            Files.deleteIfExists(dir.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    boolean exists(String relativePath) {
        return Files.exists(dir.resolve(relativePath));
    }

    String read(String relativePath) {
        try {
            return Files.readString(dir.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code mallard <command> --project-dir <dir> <rest...>}. */
    CommandResult run(String command, String... rest) {
        List<String> args = new ArrayList<>();
        args.add(command);
        List<String> more = new ArrayList<>(Arrays.asList(rest));
        if ((command.equals("migrate") || command.equals("db") || command.equals("source") || command.equals("schedule")
                || command.equals("docs"))
                && !more.isEmpty()) {
            args.add(more.remove(0)); // the subcommand takes the options
        }
        args.add("--project-dir");
        args.add(dir.toString());
        args.addAll(more);
        return execute(args.toArray(String[]::new));
    }

    /** Runs the command and fails the test unless it exits 0. */
    CommandResult runOk(String command, String... rest) {
        return run(command, rest).assertOk();
    }

    /** Any mallard command line, in-process, with stdout and stderr captured. */
    static synchronized CommandResult execute(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            code = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new CommandResult(List.of(args), code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    /** Rows of a query as strings (null stays null), in the order the query returns them. */
    List<List<String>> rows(String sql) {
        try (Connection c = openReadOnly(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError("query failed on " + databaseFile() + ": " + sql + "\n" + e.getMessage(), e);
        }
    }

    /** Column names of a query's result. */
    List<String> columns(String sql) {
        try (Connection c = openReadOnly(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnLabel(i));
            }
            return names;
        } catch (SQLException e) {
            throw new AssertionError("query failed on " + databaseFile() + ": " + sql + "\n" + e.getMessage(), e);
        }
    }

    /** The single value of a one-row, one-column query. */
    String value(String sql) {
        List<List<String>> rows = rows(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + sql + " but got " + rows);
        }
        return rows.get(0).get(0);
    }

    /**
     * "BASE TABLE", "VIEW", or null when no relation has that name; {@code name} may be
     * qualified by a schema ({@code main_staging.orders}).
     */
    String tableType(String name) {
        String schema = name.contains(".") ? name.substring(0, name.indexOf('.')) : "main";
        String table = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
        List<List<String>> rows = rows("select table_type from information_schema.tables where table_schema = '"
                + schema + "' and table_name = '" + table + "'");
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    /** Every relation in the database as schema.name, sorted (internal schemas left out). */
    List<String> relations() {
        return rows("select table_schema || '.' || table_name from information_schema.tables "
                + "where table_schema not in ('information_schema', 'pg_catalog') order by 1")
                .stream().map(r -> r.get(0)).toList();
    }

    /** A JSON artifact under target/ (manifest.json, run_results.json), parsed. */
    JsonNode json(String pathInProject) {
        try {
            return new ObjectMapper().readTree(dir.resolve(pathInProject).toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + pathInProject + ": " + e.getMessage(), e);
        }
    }

    /** Runs statements on a throw-away in-memory DuckDB, e.g. COPY ... TO a Parquet file in the project. */
    TestProject withInMemoryDuckDb(String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET file_search_path = '" + dir.toString().replace("'", "''") + "'");
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError("setup SQL failed: " + e.getMessage(), e);
        }
        return this;
    }

    /** Runs statements on the project's own database, read-write (the database must exist). */
    TestProject writeSql(String... statements) {
        if (!Files.exists(databaseFile())) {
            throw new AssertionError("no database at " + databaseFile());
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + databaseFile());
             Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError("SQL failed on " + databaseFile() + ": " + e.getMessage(), e);
        }
        return this;
    }

    private Connection openReadOnly() throws SQLException {
        if (!Files.exists(databaseFile())) {
            throw new AssertionError("no database at " + databaseFile());
        }
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + databaseFile(), props);
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path rel = from.relativize(p);
                if (rel.getNameCount() > 0 && rel.getName(0).toString().equals("target")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
