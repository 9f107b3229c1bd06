package dev.mallard.core.ingest.http;

import dev.mallard.core.ingest.IngestBatch;
import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gathers pages into one NDJSON temp file and commits it, with the state that follows its
 * last page, as one {@link IngestBatch.JsonLines}; the file is deleted once the commit
 * returns (or when the batch is abandoned after a failure).
 */
final class BatchWriter implements AutoCloseable {

    private final IngestRun run;
    private final String table;
    private final String rawColumn;
    private Path file;
    private OutputStream out;
    private int pages;
    private long records;

    BatchWriter(IngestRun run, String table, String rawColumn) {
        this.run = run;
        this.table = table;
        this.rawColumn = rawColumn;
    }

    void add(byte[] ndjson, int recordCount) throws IngestException {
        try {
            open();
            out.write(ndjson);
        } catch (IOException e) {
            throw new IngestException("ingest '" + run.ingestName() + "': cannot write the batch file " + file + ": "
                + e.getMessage());
        }
        pages++;
        records += recordCount;
    }

    int pages() {
        return pages;
    }

    long records() {
        return records;
    }

    /** Commits what was added (possibly nothing, to move the state on) with {@code state}. */
    void commit(Map<String, Object> state) throws IngestException {
        try {
            open();
            out.close();
            out = null;
            run.commit(table, new IngestBatch.JsonLines(file, rawColumn), state);
        } catch (IOException e) {
            throw new IngestException("ingest '" + run.ingestName() + "': cannot write the batch file " + file + ": "
                + e.getMessage());
        } finally {
            discard();
        }
    }

    private void open() throws IOException {
        if (out == null) {
            file = Files.createTempFile("mallard-http-" + table.replaceAll("[^A-Za-z0-9_]", "_") + "-", ".ndjson");
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            pages = 0;
            records = 0;
        }
    }

    private void discard() {
        try {
            if (out != null) {
                out.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
        out = null;
        file = null;
        pages = 0;
        records = 0;
    }

    @Override
    public void close() {
        discard();
    }
}
