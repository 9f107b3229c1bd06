package dev.mallard.spark;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Rows between Spark and Mallard: plain Java values out, and Java values coerced to a table's types in. */
final class SparkRows {
    private SparkRows() {
    }

    static QueryResult result(StructType schema, List<Row> rows) {
        List<ColumnInfo> columns = new ArrayList<>();
        for (StructField f : schema.fields()) {
            columns.add(new ColumnInfo(f.name(), f.dataType().simpleString()));
        }
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<Object> values = new ArrayList<>(r.length());
            for (int i = 0; i < r.length(); i++) {
                values.add(plain(r.get(i)));
            }
            out.add(values);
        }
        return new QueryResult(columns, out);
    }

    /** Scala collections and rows become Java lists and maps. */
    static Object plain(Object v) {
        if (v instanceof scala.collection.Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            scala.jdk.javaapi.CollectionConverters.asJava(m).forEach((k, x) -> out.put(plain(k), plain(x)));
            return out;
        }
        if (v instanceof scala.collection.Iterable<?> s) {
            List<Object> out = new ArrayList<>();
            scala.jdk.javaapi.CollectionConverters.asJava(s).forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof Row r) {
            Map<String, Object> out = new LinkedHashMap<>();
            StructType schema = r.schema();
            for (int i = 0; i < r.length(); i++) {
                out.put(schema == null ? "f" + i : schema.fields()[i].name(), plain(r.get(i)));
            }
            return out;
        }
        return v;
    }

    static Row row(StructType schema, Object[] values) {
        Object[] out = new Object[schema.fields().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = i < values.length ? coerce(values[i], schema.fields()[i].dataType()) : null;
        }
        return RowFactory.create(out);
    }

    /** A JDBC-style value as the Java class Spark wants for {@code type}. */
    static Object coerce(Object v, DataType type) {
        if (v == null) {
            return null;
        }
        if (type.equals(DataTypes.StringType)) {
            return v instanceof String ? v : String.valueOf(v);
        }
        if (v instanceof Number n) {
            if (type.equals(DataTypes.LongType)) {
                return n.longValue();
            } else if (type.equals(DataTypes.IntegerType)) {
                return n.intValue();
            } else if (type.equals(DataTypes.ShortType)) {
                return n.shortValue();
            } else if (type.equals(DataTypes.ByteType)) {
                return n.byteValue();
            } else if (type.equals(DataTypes.DoubleType)) {
                return n.doubleValue();
            } else if (type.equals(DataTypes.FloatType)) {
                return n.floatValue();
            } else if (type instanceof DecimalType) {
                return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
            }
        }
        if (type.equals(DataTypes.DateType) && v instanceof java.time.LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        if (type.equals(DataTypes.TimestampType) && v instanceof java.time.LocalDateTime t) {
            return java.sql.Timestamp.valueOf(t);
        }
        if (type.equals(DataTypes.TimestampType) && v instanceof java.time.OffsetDateTime t) {
            return java.sql.Timestamp.from(t.toInstant());
        }
        return v;
    }
}
