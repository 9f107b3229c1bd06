package dev.mallard.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pre-written rows are the bytes the formatting path writes, whole or cut to some columns. */
class EncodedRowsTest {
    private static final List<Column> COLUMNS = List.of(new Column("id", "BIGINT"), new Column("say \"hi\"", "VARCHAR"),
            new Column("amount", "DECIMAL(9,2)"), new Column("d", "DOUBLE"), new Column("at", "TIMESTAMP"),
            new Column("ok", "BOOLEAN"), new Column("big", "HUGEINT"));
    private static final Object[][] DATA = {
        {1L, -9_223_372_036_854_775_808L, null, 42L},
        {"plain", "q\"uote\\back\ttab\u0001ctl", "日本 z😀 \u2028", null},
        {new BigDecimal("1.50"), new BigDecimal("-0.01"), null, new BigDecimal("1E+3")},
        {Double.NaN, Double.NEGATIVE_INFINITY, -0.0, 1e300},
        {LocalDateTime.of(2026, 1, 2, 3, 4), null, LocalDateTime.of(1, 1, 1, 0, 0, 0, 1000), null},
        {true, false, null, true},
        {new BigInteger("170141183460469231731687303715884105727"), null, BigInteger.ONE, null},
    };

    @Test
    void aPageOfPreWrittenRowsIsWhatFormattingWrites() throws Exception {
        EncodedRows json = EncodedRows.encode(COLUMNS, DATA, 4, Long.MAX_VALUE);
        int[][] columnChoices = {{0, 1, 2, 3, 4, 5, 6}, {6, 0}, {1, 1, 3}, {}, {5}};
        int[][] pages = {{0, 1, 2, 3}, {3, 1}, {}, {2}};
        for (int[] cols : columnChoices) {
            List<Column> asked = java.util.Arrays.stream(cols).mapToObj(COLUMNS::get).toList();
            RowsQuery q = new RowsQuery(asked, List.of(), List.of(), 100, 0, OutputFormat.JSON);
            for (int[] rows : pages) {
                assertEquals(body(asked, plain(rows, cols), q), body(asked, new MemoryTable.Page(DATA, json, rows, cols), q),
                        () -> "columns " + java.util.Arrays.toString(cols) + ", rows " + java.util.Arrays.toString(rows));
            }
        }
    }

    @Test
    void rowsLargerThanTheBudgetAreNotPreWritten() {
        assertNull(EncodedRows.encode(COLUMNS, DATA, 4, 100));
    }

    private static String body(List<Column> columns, RowCursor rows, RowsQuery q) throws Exception {
        BodyBuffer out = new BodyBuffer(16);
        RowWriter.json("t", "parquet", columns, rows, q, out);
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** The same rows as values to format (a cursor that is not a pre-written page). */
    private static RowCursor plain(int[] rows, int[] cols) {
        return new RowCursor() {
            private int at = -1;

            @Override
            public boolean next() {
                return ++at < rows.length;
            }

            @Override
            public Object get(int i) {
                return DATA[cols[i]][rows[at]];
            }
        };
    }
}
