package dev.mallard.serve;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the rows of an answer as the JSON or CSV body of a rows response. */
final class RowWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private RowWriter() {
    }

    /**
     * Writes the JSON body into {@code out}. A page of a {@link MemoryTable} whose rows are
     * pre-written ({@link EncodedRows}) is copied in; any other rows are formatted here.
     */
    static void json(String dataset, String source, List<Column> columns, RowCursor rs, RowsQuery q, BodyBuffer out)
            throws SQLException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("dataset", dataset);
            g.writeStringField("source", source);
            g.writeArrayFieldStart("columns");
            for (Column c : columns) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeStringField("type", c.type());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            long count;
            if (rs instanceof MemoryTable.Page page && page.prewritten()) {
                // the generator's buffer goes out first; it then closes the array it opened, as if empty
                g.flush();
                count = page.writeJson(out);
            } else {
                count = formatRows(g, columns, rs);
            }
            g.writeEndArray();
            g.writeNumberField("count", count);
            g.writeNumberField("limit", q.limit());
            g.writeNumberField("offset", q.offset());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long formatRows(JsonGenerator g, List<Column> columns, RowCursor rs)
            throws IOException, SQLException {
        int n = columns.size();
        SerializedString[] names = new SerializedString[n];
        for (int i = 0; i < n; i++) {
            names[i] = new SerializedString(columns.get(i).name());
        }
        long count = 0;
        while (rs.next()) {
            g.writeStartObject();
            for (int i = 0; i < n; i++) {
                g.writeFieldName(names[i]);
                value(g, rs.get(i));
            }
            g.writeEndObject();
            count++;
        }
        return count;
    }

    static void csv(List<Column> columns, RowCursor rs, BodyBuffer out) throws SQLException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(columns.stream().map(Column::name).toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), format)) {
            int n = columns.size();
            Object[] row = new Object[n];
            while (rs.next()) {
                for (int i = 0; i < n; i++) {
                    row[i] = text(rs.get(i));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One value as the rows body writes it (also used to pre-write {@link EncodedRows}). */
    static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeString(String.valueOf(d));
            }
        } else {
            g.writeString(text(v));
        }
    }

    /** A value as text: ISO-8601 for dates and times, base64 for blobs. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime().toString();
        }
        if (v instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (v instanceof java.sql.Blob blob) {
            try {
                return Base64.getEncoder().encodeToString(blob.getBytes(1, (int) blob.length()));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read a BLOB value", e);
            }
        }
        return v.toString();
    }
}
