import dev.mallard.core.ingest.IngestBatch;
import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import dev.mallard.core.ingest.http.HttpSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the http ingest source against the fixture API and loads each committed NDJSON batch
 * into DuckDB with read_json inside a transaction, as the ingest framework does; the batch
 * files are kept in KEEP_DIR for the read_json floor. Prints "records seconds".
 *
 *   java -cp <mallard-core + deps + duckdb> HttpIngestBench.java BASE_URL DB_FILE KEEP_DIR PARALLEL PAGES_PER_BATCH LOAD(duckdb|none)
 */
public final class HttpIngestBench {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path keep = Path.of(args[2]);
        int parallel = Integer.parseInt(args[3]);
        int perBatch = Integer.parseInt(args[4]);
        boolean load = args[5].equals("duckdb");
        Files.createDirectories(keep);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("base_url", base);
        options.put("auth", Map.of("type", "bearer", "token_secret", "PROCUREMENT_API_TOKEN"));
        options.put("parallel", parallel);
        options.put("pages_per_batch", perBatch);
        options.put("path", "/notices");
        options.put("table", "raw_notices");
        options.put("records_path", "data.items");
        options.put("params", Map.of("page_size", 1000));
        options.put("pagination", Map.of("type", "page_number", "total_pages_path", "meta.total_pages"));
        Connection db = load ? DriverManager.getConnection("jdbc:duckdb:" + args[1]) : null;
        long[] records = {0};
        int[] batches = {0};
        long t0 = System.nanoTime();
        new HttpSource().run(new IngestRun() {
            public String ingestName() { return "bench"; }
            public Map<String, Object> options() { return options; }
            public Map<String, Object> state(String table) { return Map.of(); }
            public String render(String template, Map<String, Object> extra) { return template; }
            public Optional<String> secret(String name) { return Optional.ofNullable(System.getenv(name)); }
            public Optional<String> start() { return Optional.empty(); }
            public Optional<String> end() { return Optional.empty(); }
            public void progress(String message) { }
            public void commit(String table, IngestBatch batch, Map<String, Object> state) throws IngestException {
                Path file = ((IngestBatch.JsonLines) batch).file();
                try {
                    if (db != null) {
                        db.setAutoCommit(false);
                        try (Statement s = db.createStatement()) {
                            String read = "read_json('" + file + "', format = 'newline_delimited')";
                            s.execute(batches[0] == 0 ? "create table " + table + " as select * from " + read
                                : "insert into " + table + " select * from " + read);
                            s.execute("create table if not exists ingest_state (t varchar primary key, s varchar)");
                            s.execute("insert or replace into ingest_state values ('" + table + "', '" + state + "')");
                        }
                        db.commit();
                    }
                    Files.move(file, keep.resolve(String.format("batch-%05d.ndjson", batches[0])), StandardCopyOption.REPLACE_EXISTING);
                    batches[0]++;
                } catch (Exception e) {
                    throw new IngestException("bench commit: " + e, e);
                }
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (db != null) {
            try (var rs = db.createStatement().executeQuery("select count(*) from raw_notices")) {
                rs.next();
                records[0] = rs.getLong(1);
            }
            db.close();
        } else {
            try (var files = Files.list(keep)) {
                for (Path p : files.toList()) {
                    try (var lines = Files.lines(p)) {
                        records[0] += lines.count();
                    }
                }
            }
        }
        System.out.println(records[0] + " " + seconds);
    }
}
