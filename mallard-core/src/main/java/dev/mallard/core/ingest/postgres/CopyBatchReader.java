package dev.mallard.core.ingest.postgres;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.postgresql.copy.CopyOut;

/**
 * Cuts a {@code COPY ... TO STDOUT (FORMAT csv)} stream into batch files of at least
 * {@code size} rows, never between two rows of equal cursor (the first CSV field when the plan
 * has a cursor). Postgres sends each row of a COPY as one message, so a message is a record,
 * newlines inside quoted values included.
 */
final class CopyBatchReader {

    /** A batch file, its row count, its last row's cursor text (null without one) and longest record in bytes. */
    record Batch(Path file, long rows, String lastCursor, int longestRecord) {
    }

    private final CopyOut copy;
    private final Path dir;
    private final boolean cursorFirst;
    private final int size;
    private byte[] carried; // the row read past the previous batch's end
    private String carriedCursor;
    private int files;
    private boolean ended;

    CopyBatchReader(CopyOut copy, Path dir, boolean cursorFirst, int size) {
        this.copy = copy;
        this.dir = dir;
        this.cursorFirst = cursorFirst;
        this.size = size;
    }

    /** The next batch, or null when the rows are exhausted. */
    Batch next() throws SQLException, IOException {
        byte[] row = carried != null ? carried : read();
        if (row == null) {
            return null;
        }
        String here = carried != null ? carriedCursor : cursor(row);
        carried = null;
        Path file = dir.resolve("batch-" + (++files) + ".csv");
        long rows = 0;
        String last = null;
        int longest = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            while (row != null) {
                if (rows >= size && (!cursorFirst || !here.equals(last))) {
                    carried = row;
                    carriedCursor = here;
                    break;
                }
                out.write(row);
                rows++;
                longest = Math.max(longest, row.length);
                last = here;
                row = read();
                here = row == null ? null : cursor(row);
            }
        }
        return new Batch(file, rows, last, longest);
    }

    private byte[] read() throws SQLException {
        if (ended) {
            return null;
        }
        byte[] row = copy.readFromCopy();
        ended = row == null;
        if (row != null && (row.length == 0 || row[row.length - 1] != '\n')) {
            throw new SQLException("COPY sent a row that does not end with a newline (" + row.length + " bytes)");
        }
        return row;
    }

    private String cursor(byte[] row) {
        return cursorFirst ? firstField(row) : null;
    }

    /** The first field of a CSV record, unquoted ({@code "a,""b"""} is {@code a,"b"}). */
    static String firstField(byte[] row) {
        if (row.length > 0 && row[0] == '"') {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (int i = 1; i < row.length; i++) {
                if (row[i] == '"') {
                    if (i + 1 < row.length && row[i + 1] == '"') {
                        text.write('"');
                        i++;
                    } else {
                        return text.toString(StandardCharsets.UTF_8);
                    }
                } else {
                    text.write(row[i]);
                }
            }
            throw new IllegalArgumentException("unterminated quoted field in a COPY row");
        }
        int end = 0;
        while (end < row.length && row[end] != ',' && row[end] != '\n') {
            end++;
        }
        return new String(row, 0, end, StandardCharsets.UTF_8);
    }
}
