package dev.mallard.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every row of a {@link MemoryTable} already written as the JSON object a rows response
 * holds for it, all in one byte array: answering a page is then a copy per row instead of
 * formatting hundreds of values (a decimal's text, a date's, string escapes) per request,
 * and a row's bytes sit together in memory instead of behind one pointer per value. The
 * values are written by {@link RowWriter#value} itself when the table is loaded, so the
 * bytes are exactly those the SQL path writes. Where each value starts is kept too, so a
 * request for some of the columns, in any order, is answered by copying pieces.
 *
 * <p>Rows sit in slots, each row followed by a comma. At first a row's slot is its number;
 * {@link #clusteredBy} lays them out again grouped by one column's value, so that the rows
 * an equality filter on that column selects are one run of slots, copied in one piece
 * instead of one row at a time from all over a large array (a cache miss each).
 */
final class EncodedRows {
    /** Distinct values remembered per column while encoding (a value seen again is copied, not formatted). */
    private static final int DICTIONARY_LIMIT = 1 << 16;
    /** Value classes whose equal instances are written alike, so their bytes can be reused. */
    private static final Set<Class<?>> REUSABLE = Set.of(String.class, Boolean.class, Long.class, Integer.class,
            Short.class, Byte.class, BigDecimal.class, BigInteger.class, Double.class, Float.class,
            java.sql.Date.class, LocalDateTime.class);
    private static final JsonFactory JSON = new JsonFactory();

    /** The rows in slot order, each followed by a comma. */
    private final byte[] bytes;
    /** Where each slot starts; one more entry for the end. */
    private final int[] slotStart;
    /** Where each value starts, by slot then column. */
    private final int[] valueStart;
    /** The slot of each row; null while every row is in its own numbered slot. */
    private final int[] slotOf;
    /** The column whose groups of equal values are runs of slots; -1 for none. */
    private final int clusterColumn;
    private final byte[][] prefix;
    private final int width;

    private EncodedRows(byte[] bytes, int[] slotStart, int[] valueStart, int[] slotOf, int clusterColumn,
                        byte[][] prefix) {
        this.bytes = bytes;
        this.slotStart = slotStart;
        this.valueStart = valueStart;
        this.slotOf = slotOf;
        this.clusterColumn = clusterColumn;
        this.prefix = prefix;
        this.width = prefix.length;
    }

    /**
     * Writes every row of {@code data} (column-major, as {@link MemoryTable} holds it), or
     * returns null when the rows would take more than {@code maxBytes}.
     */
    static EncodedRows encode(List<Column> columns, Object[][] data, int rows, long maxBytes) {
        int n = columns.size();
        byte[][] prefix = new byte[n][];
        for (int c = 0; c < n; c++) {
            prefix[c] = fieldPrefix(columns.get(c).name());
        }
        long limit = Math.min(maxBytes, Integer.MAX_VALUE - 16L);
        BodyBuffer out = new BodyBuffer((int) Math.min(limit, Math.max(1024L, rows * 16L * Math.max(1, n))));
        int[] rowStart = new int[rows + 1];
        int[] valueStart = new int[Math.multiplyExact(rows, n)];
        List<Map<Object, byte[]>> dictionaries = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            dictionaries.add(new HashMap<>());
        }
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setRootValueSeparator(null); // one value after another, as they follow a field name
            for (int r = 0; r < rows; r++) {
                rowStart[r] = out.size();
                out.write('{');
                for (int c = 0; c < n; c++) {
                    if (c > 0) {
                        out.write(',');
                    }
                    out.append(prefix[c]);
                    valueStart[r * n + c] = out.size();
                    writeValue(g, out, data[c][r], dictionaries.get(c));
                }
                out.write('}');
                out.write(',');
                if (out.size() > limit) {
                    return null;
                }
            }
            rowStart[rows] = out.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EncodedRows(out.toByteArray(), rowStart, valueStart, null, -1, prefix);
    }

    private static void writeValue(JsonGenerator g, BodyBuffer out, Object v, Map<Object, byte[]> dictionary)
            throws IOException {
        boolean reusable = v != null && REUSABLE.contains(v.getClass());
        byte[] known = reusable ? dictionary.get(v) : null;
        if (known != null) {
            out.append(known);
            return;
        }
        int start = out.size();
        RowWriter.value(g, v);
        g.flush();
        if (reusable && dictionary.size() < DICTIONARY_LIMIT) {
            byte[] written = new byte[out.size() - start];
            System.arraycopy(out.array(), start, written, 0, written.length);
            dictionary.put(v, written);
        }
    }

    /** {@code "name":} as Jackson writes a field name. */
    private static byte[] fieldPrefix(String name) {
        byte[] quoted = new SerializedString(name).asQuotedUTF8();
        byte[] p = new byte[quoted.length + 3];
        p[0] = '"';
        System.arraycopy(quoted, 0, p, 1, quoted.length);
        p[quoted.length + 1] = '"';
        p[quoted.length + 2] = ':';
        return p;
    }

    int width() {
        return width;
    }

    /** Bytes held, for the server's log and the memory budget. */
    long size() {
        return bytes.length + 4L * (slotStart.length + valueStart.length + (slotOf == null ? 0 : slotOf.length));
    }

    /** The column whose equal values are runs of slots ({@link #clusteredBy}); -1 for none. */
    int clusterColumn() {
        return clusterColumn;
    }

    /** The slot row {@code r} is in. */
    int slot(int r) {
        return slotOf == null ? r : slotOf[r];
    }

    /**
     * The same rows laid out again: the rows of each group (in the order given, each group's
     * rows in the order given) in consecutive slots, then every row in no group in row order.
     *
     * @param column the column the groups share a value of (recorded, see {@link #clusterColumn})
     * @param groups row numbers; no row in two groups
     */
    EncodedRows clusteredBy(int column, Iterable<int[]> groups) {
        int rows = slotStart.length - 1;
        int[] slots = new int[rows];
        Arrays.fill(slots, -1);
        byte[] to = new byte[bytes.length];
        int[] starts = new int[rows + 1];
        int[] values = new int[valueStart.length];
        int next = 0;
        int at = 0;
        for (int[] group : groups) {
            for (int r : group) {
                if (slots[r] >= 0) {
                    throw new IllegalArgumentException("row " + r + " is in two groups");
                }
                at = move(r, next++, at, slots, to, starts, values);
            }
        }
        for (int r = 0; r < rows; r++) {
            if (slots[r] < 0) {
                at = move(r, next++, at, slots, to, starts, values);
            }
        }
        starts[rows] = at;
        return new EncodedRows(to, starts, values, slots, column, prefix);
    }

    /** Copies row {@code r} to {@code at} as slot {@code slot} of a new layout; returns where the next slot starts. */
    private int move(int r, int slot, int at, int[] slots, byte[] to, int[] starts, int[] values) {
        int old = slot(r);
        int from = slotStart[old];
        int length = slotStart[old + 1] - from;
        System.arraycopy(bytes, from, to, at, length);
        starts[slot] = at;
        for (int c = 0, oldBase = old * width, base = slot * width; c < width; c++) {
            values[base + c] = valueStart[oldBase + c] - from + at;
        }
        slots[r] = slot;
        return at + length;
    }

    /** Appends row {@code r} as the object of all columns in schema order. */
    void writeRow(BodyBuffer out, int r) {
        int s = slot(r);
        out.append(bytes, slotStart[s], slotStart[s + 1] - slotStart[s] - 1);
    }

    /** Appends the rows in slots {@code from} (inclusive) to {@code to} (exclusive), separated by commas. */
    void writeSlots(BodyBuffer out, int from, int to) {
        if (from < to) {
            out.append(bytes, slotStart[from], slotStart[to] - slotStart[from] - 1);
        }
    }

    /** Appends row {@code r} as the object of columns {@code cols} (schema positions, in the order asked). */
    void writeRow(BodyBuffer out, int r, int[] cols) {
        out.write('{');
        int s = slot(r);
        int base = s * width;
        for (int j = 0; j < cols.length; j++) {
            int c = cols[j];
            if (j > 0) {
                out.write(',');
            }
            out.append(prefix[c]);
            int from = valueStart[base + c];
            // a value ends before the next one's ',"name":', the last before the row's '},'
            int to = c + 1 < width ? valueStart[base + c + 1] - prefix[c + 1].length - 1 : slotStart[s + 1] - 2;
            out.append(bytes, from, to - from);
        }
        out.write('}');
    }
}
