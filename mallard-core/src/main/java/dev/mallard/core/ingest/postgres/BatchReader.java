package dev.mallard.core.ingest.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a result set into batches of at least {@code size} rows that never end between two
 * rows of equal cursor (so a batch's last cursor value is a safe state: every row at or below
 * it has been read).
 */
final class BatchReader {

    /** A batch's rows and the cursor text of its last row (null without a cursor column). */
    record Batch(List<Object[]> rows, String lastCursor) {
    }

    private final ResultSet rs;
    private final List<PostgresColumns.Reader> readers;
    private final int cursorIndex;
    private final int size;
    private boolean more;

    BatchReader(ResultSet rs, List<PostgresColumns.Reader> readers, int cursorIndex, int size) throws SQLException {
        this.rs = rs;
        this.readers = List.copyOf(readers);
        this.cursorIndex = cursorIndex;
        this.size = size;
        this.more = rs.next();
    }

    /** The next batch, or null when the rows are exhausted. */
    Batch next() throws SQLException {
        if (!more) {
            return null;
        }
        int width = readers.size();
        List<Object[]> rows = new ArrayList<>(Math.min(size, 1 << 16));
        String last = null;
        while (more) {
            String here = cursorIndex < 0 ? null : rs.getString(cursorIndex);
            if (rows.size() >= size && (cursorIndex < 0 || !Objects.equals(here, last))) {
                break;
            }
            Object[] row = new Object[width];
            for (int i = 0; i < width; i++) {
                row[i] = readers.get(i).read(rs, i + 1);
            }
            rows.add(row);
            last = here;
            more = rs.next();
        }
        return new Batch(rows, last);
    }
}
