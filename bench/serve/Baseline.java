import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The baseline for bench/serve: seed 002's own design, behind a minimal HTTP handler.
 * For every request it opens a fresh in-memory DuckDB, creates schema mart with one view
 * per Parquet file in the directory, runs the query with the user id bound, and answers
 * JSON. Same JVM, same DuckDB driver as Mallard, so the difference measured is the design.
 *
 *   java -cp mallard-cli/target/mallard.jar bench/serve/Baseline.java PORT PARQUET_DIR
 *
 * GET /rows?user_id=N  returns at most 100 rows of mart.events for that user.
 */
public final class Baseline {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]).toAbsolutePath();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/rows", exchange -> handle(exchange, dir));
        server.createContext("/health", exchange -> reply(exchange, 200, "{\"status\":\"ok\"}"));
        server.setExecutor(Executors.newFixedThreadPool(2 * Runtime.getRuntime().availableProcessors()));
        server.start();
        System.out.println("baseline listening on http://127.0.0.1:" + port);
    }

    private static void handle(HttpExchange exchange, Path dir) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        int userId;
        try {
            userId = Integer.parseInt(param(query, "user_id"));
        } catch (RuntimeException e) {
            reply(exchange, 400, "{\"error\":\"user_id must be an integer\"}");
            return;
        }
        try (Connection con = DriverManager.getConnection("jdbc:duckdb:")) {
            registerViews(con, dir);
            try (PreparedStatement ps = con.prepareStatement(
                    "SELECT * FROM mart.events WHERE user_id = ? LIMIT 100")) {
                ps.setInt(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    reply(exchange, 200, toJson(rs));
                }
            }
        } catch (Exception e) {
            reply(exchange, 500, "{\"error\":\"query failed\"}");
        }
    }

    private static void registerViews(Connection con, Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        try (Statement st = con.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS mart");
            for (Path file : files) {
                String stem = file.getFileName().toString().replaceFirst("\\.parquet$", "");
                st.execute("CREATE VIEW mart.\"" + stem + "\" AS SELECT * FROM read_parquet('"
                        + file.toString().replace("'", "''") + "')");
            }
        }
    }

    private static String toJson(ResultSet rs) throws Exception {
        ResultSetMetaData md = rs.getMetaData();
        StringBuilder out = new StringBuilder("{\"rows\":[");
        boolean first = true;
        while (rs.next()) {
            out.append(first ? "{" : ",{");
            first = false;
            for (int i = 1; i <= md.getColumnCount(); i++) {
                if (i > 1) {
                    out.append(',');
                }
                out.append('"').append(md.getColumnLabel(i)).append("\":");
                Object value = rs.getObject(i);
                if (value == null) {
                    out.append("null");
                } else if (value instanceof Number) {
                    out.append(value);
                } else {
                    out.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
            }
            out.append('}');
        }
        return out.append("]}").toString();
    }

    private static String param(String rawQuery, String name) {
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException("missing " + name);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
