package dev.mallard.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void rowsLaidOutAgainByGroupsWriteTheSameBytes() throws Exception {
        EncodedRows json = EncodedRows.encode(COLUMNS, DATA, 4, Long.MAX_VALUE);
        // grouped by the BOOLEAN column: {0, 3} true, {1} false, row 2 (null) in no group
        EncodedRows grouped = json.clusteredBy(5, List.of(new int[] {1}, new int[] {0, 3}));
        assertEquals(5, grouped.clusterColumn());
        assertEquals(-1, json.clusterColumn());
        int[][] columnChoices = {{0, 1, 2, 3, 4, 5, 6}, {6, 0}, {1, 1, 3}, {}, {5}};
        for (int[] cols : columnChoices) {
            for (int r = 0; r < 4; r++) {
                assertEquals(row(json, r, cols), row(grouped, r, cols), "row " + r);
            }
        }
        assertEquals(List.of(1, 0, 3, 2), java.util.stream.IntStream.range(0, 4).mapToObj(r -> r)
                .sorted(java.util.Comparator.comparingInt(grouped::slot)).toList(), "slots follow the groups");
        // a group's rows are one run of slots, written with commas between them in one copy
        BodyBuffer run = new BodyBuffer(16);
        grouped.writeSlots(run, grouped.slot(0), grouped.slot(0) + 2);
        assertEquals(row(json, 0, null) + "," + row(json, 3, null), new String(run.toByteArray(), StandardCharsets.UTF_8));
        List<Column> all = COLUMNS;
        RowsQuery q = new RowsQuery(all, List.of(), List.of(), 100, 0, OutputFormat.JSON);
        int[] everyColumn = {0, 1, 2, 3, 4, 5, 6};
        assertEquals(body(all, plain(new int[] {0, 3}, everyColumn), q),
                body(all, new MemoryTable.Page(DATA, grouped, new int[] {0, 3}, everyColumn, grouped.slot(0)), q));
        assertThrows(IllegalArgumentException.class, () -> json.clusteredBy(5, List.of(new int[] {1}, new int[] {1, 2})));
    }

    private static String row(EncodedRows json, int r, int[] cols) {
        BodyBuffer out = new BodyBuffer(16);
        if (cols == null) {
            json.writeRow(out, r);
        } else {
            json.writeRow(out, r, cols);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
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
