package dev.mallard.core.javamodel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mallard.api.Column;
import dev.mallard.api.RowWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Java model's rows, streamed as newline-delimited JSON to a file under target/ as they are
 * written; the model's table is then read from it by the engine's JSON reader with the declared
 * column types, inside the same build-and-swap as a SQL model's query.
 */
final class JsonRowWriter implements RowWriter, AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    private final Path file;
    private final List<Column> columns;
    private final JsonGenerator out;
    private long count;
    private boolean closed;

    JsonRowWriter(Path file, List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("rows() needs at least one column");
        }
        Set<String> names = new HashSet<>();
        for (Column c : columns) {
            if (!names.add(c.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("rows() declares column '" + c.name() + "' twice");
            }
        }
        this.file = file;
        this.columns = List.copyOf(columns);
        try {
            Files.createDirectories(file.getParent());
            // Jackson's byte generator encodes UTF-8 itself, faster than through a Writer
            this.out = JSON.createGenerator(new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                    com.fasterxml.jackson.core.JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
    }

    @Override
    public RowWriter row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size()
                    + " columns " + columns.stream().map(Column::name).toList());
        }
        try {
            out.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                out.writeFieldName(columns.get(i).name());
                write(values[i]);
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
        return this;
    }

    @Override
    public RowWriter row(Map<String, ?> values) {
        for (String key : values.keySet()) {
            if (columns.stream().noneMatch(c -> c.name().equals(key))) {
                throw new IllegalArgumentException("row has a value for '" + key + "', which is not a declared column "
                        + columns.stream().map(Column::name).toList());
            }
        }
        Object[] ordered = new Object[columns.size()];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = values.get(columns.get(i).name());
        }
        return row(ordered);
    }

    @Override
    public long count() {
        return count;
    }

    private void write(Object v) throws IOException {
        if (v == null) {
            out.writeNull();
        } else if (v instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger n) {
            out.writeNumber(n);
        } else if (v instanceof BigDecimal n) {
            out.writeNumber(n);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                out.writeNumber(d);
            } else {
                out.writeString(Double.toString(d)); // DuckDB casts 'NaN' and 'Infinity' to DOUBLE
            }
        } else if (v instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeFieldName(String.valueOf(e.getKey()));
                write(e.getValue());
            }
            out.writeEndObject();
        } else if (v instanceof Iterable<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                write(item);
            }
            out.writeEndArray();
        } else if (v instanceof Object[] array) {
            write(java.util.Arrays.asList(array));
        } else {
            // java.time values, UUIDs, enums and the like: their ISO or plain text, which the engine casts
            out.writeString(v.toString());
        }
    }

    /** The query reading the rows with the declared types. */
    String select() {
        close();
        List<String> types = new ArrayList<>();
        for (Column c : columns) {
            types.add(literal(c.name()) + ": " + literal(c.type()));
        }
        return "select * from read_json(" + literal(file.toAbsolutePath().toString())
                + ", format = 'newline_delimited', columns = {" + String.join(", ", types) + "})";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
