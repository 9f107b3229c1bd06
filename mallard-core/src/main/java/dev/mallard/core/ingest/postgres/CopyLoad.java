package dev.mallard.core.ingest.postgres;

import dev.mallard.core.ingest.IngestBatch;
import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The COPY fast path's run (see {@link CopyPlan}): Postgres writes the rows as CSV, a reader
 * thread cuts them into batch files in {@code spool}, and each file is committed as an
 * {@link IngestBatch.Query} over DuckDB's {@code read_csv} with the state it reaches, then
 * deleted. The caller deletes {@code spool} itself, whatever happens.
 */
final class CopyLoad {
    private CopyLoad() {
    }

    static void load(IngestRun run, PostgresSpec spec, Connection c, CopyPlan plan, String startCursor, Path spool)
            throws SQLException, IOException, IngestException {
        try (Statement st = c.createStatement()) {
            for (String setting : CopyPlan.SESSION) {
                st.execute(setting);
            }
        }
        CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(plan.copySql());
        CopyBatchReader reader = new CopyBatchReader(copy, spool, plan.cursorField() != null, spec.batchSize());
        ReadAhead<CopyBatchReader.Batch> batches = new ReadAhead<>(reader::next);
        boolean done = false;
        try {
            String cursor = startCursor;
            long total = 0;
            CopyBatchReader.Batch batch;
            while ((batch = batches.next()) != null) {
                try {
                    if (batch.lastCursor() != null) {
                        cursor = batch.lastCursor();
                    }
                    total += batch.rows();
                    run.commit(spec.into(), new IngestBatch.Query(plan.select(batch.file(), batch.longestRecord())),
                            PostgresSource.state(plan.cursorField() != null, cursor, total));
                } finally {
                    Files.deleteIfExists(batch.file());
                }
                PostgresSource.progress(run, spec, total, cursor);
            }
            if (total == 0) {
                run.progress("postgres " + spec.where() + ": no new rows");
            }
            done = true;
        } finally {
            if (!done && copy.isActive()) {
                // a COPY still streaming holds the connection: a rollback would wait for it forever, and a
                // cancel request could land on the next statement instead. The read is read-only: drop it.
                try {
                    c.abort(Runnable::run);
                } catch (SQLException e) {
                    // the failure being thrown is the one to report
                }
            }
            batches.close();
        }
    }

    /** Deletes the spool folder and the batch files a failure left in it. */
    static void delete(Path spool) {
        if (spool == null) {
            return;
        }
        try (Stream<Path> files = Files.list(spool)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }
}
