package dev.mallard.core.ingest.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL for tests, started with scripts/postgres-test-server.sh on a free
 * loopback port (user and password {@code mallard}, database {@code mallard_test}).
 * {@link #start} returns null when the machine has no PostgreSQL binaries (the script exits 3);
 * tests then skip with that note.
 */
public final class PostgresTestServer implements AutoCloseable {
    public static final String PASSWORD = "mallard";
    public static final String NO_POSTGRES = "no PostgreSQL binaries on this machine (install Debian's postgresql, or set "
            + "PG_BIN); the postgres source tests need a real server";

    public final Path dir;
    public final int port;
    private final Path script;

    private PostgresTestServer(Path script, Path dir, int port) {
        this.script = script;
        this.dir = dir;
        this.port = port;
    }

    public static PostgresTestServer start() throws IOException, InterruptedException {
        Path script = repoRoot().resolve("scripts/postgres-test-server.sh");
        Path dir = Files.createTempDirectory("mallard-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder("bash", script.toString(), "start", dir.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("postgres-test-server.sh start did not finish: " + out);
        }
        if (p.exitValue() == 3) {
            return null;
        }
        if (p.exitValue() != 0) {
            throw new IOException("postgres-test-server.sh start failed (" + p.exitValue() + "): " + out);
        }
        return new PostgresTestServer(script, dir, port);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/mallard_test", "mallard", PASSWORD);
    }

    public void sql(String... statements) throws SQLException {
        try (Connection c = connect(); var st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("bash", script.toString(), "stop", dir.toString()).inheritIO().start().waitFor(60,
                TimeUnit.SECONDS);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("scripts/postgres-test-server.sh"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("scripts/postgres-test-server.sh not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
