package dev.mallard.core.ingest.postgres;

import java.sql.DriverManager;
import java.util.Map;

/**
 * bench/ingest-postgres/run.sh's harness: one full read of a Postgres table through
 * {@link PostgresSource} into a DuckDB file, each batch appended with DuckDB's Appender as the
 * ingest framework does ({@link AppenderRun}). Prints rows and seconds.
 *
 * <p>Arguments: port table duckdb-file [batch-size]; the password comes from PG_PASSWORD.
 */
public final class PostgresIngestBench {
    private PostgresIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> options = new java.util.HashMap<>(Map.of("connection", Map.of("host", "127.0.0.1", "port",
                Integer.parseInt(args[0]), "dbname", "mallard_test", "user", "mallard", "password_secret", "PG_PASSWORD"),
                args[1].startsWith("select") ? "query" : "source_table", args[1], "table", "bench_rows"));
        if (args.length > 3) {
            options.put("batch_size", Integer.parseInt(args[3]));
        }
        try (var duck = DriverManager.getConnection("jdbc:duckdb:" + args[2])) {
            AppenderRun run = new AppenderRun(duck, options, Map.of("PG_PASSWORD", System.getenv("PG_PASSWORD")), null);
            long t0 = System.nanoTime();
            new PostgresSource().run(run);
            double s = (System.nanoTime() - t0) / 1e9;
            long n = run.batchSizes.stream().mapToLong(Integer::longValue).sum();
            {
                System.out.printf(java.util.Locale.ROOT, "%d rows in %.2f s: %.0f rows/s (%d batches)%n", n, s, n / s,
                        run.batchSizes.size());
            }
        }
    }
}
