package dev.mallard.spark;

import dev.mallard.core.engine.AgateTypes;
import dev.mallard.core.engine.CsvLoad;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.SeedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A seed into Spark as dbt-spark loads it: the file read once in Java, each column's type
 * inferred by agate's rules ({@link AgateTypes}) and named as dbt-spark names it (bigint for
 * whole numbers, double for fractions, date, timestamp, boolean, string), a Parquet table
 * created, and the values, written as agate reads them, cast by Spark in one INSERT from a
 * DataFrame of text.
 */
final class SparkSeedLoad {
    private final SparkSession spark;

    SparkSeedLoad(SparkSession spark) {
        this.spark = spark;
    }

    void load(CsvLoad load) {
        SeedText seed = SeedText.read(load);
        List<String> header = seed.header();
        List<List<String>> rows = seed.rows();
        Map<String, String> given = seed.given();
        Map<String, String> inferred = AgateTypes.infer(header, rows);
        List<String> columns = new ArrayList<>();
        List<String> casts = new ArrayList<>();
        StructField[] text = new StructField[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            String type = given.getOrDefault(name.toLowerCase(Locale.ROOT), sparkType(inferred.get(name)));
            columns.add(Relation.quote(name) + " " + type);
            casts.add("CAST(c" + i + " AS " + type + ")");
            text[i] = DataTypes.createStructField("c" + i, DataTypes.StringType, true);
        }
        spark.sql("CREATE TABLE " + load.target().render() + " (" + String.join(", ", columns) + ") USING parquet");
        if (rows.isEmpty()) {
            return;
        }
        List<Row> values = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            Object[] v = new Object[header.size()];
            for (int i = 0; i < v.length; i++) {
                String raw = i < row.size() ? row.get(i) : null;
                boolean typed = given.containsKey(header.get(i).toLowerCase(Locale.ROOT));
                v[i] = AgateTypes.text(raw, typed ? "GIVEN" : inferred.get(header.get(i)));
            }
            values.add(RowFactory.create(v));
        }
        String view = "mallard_seed_" + Long.toHexString(System.nanoTime());
        spark.createDataFrame(values, new StructType(text)).createOrReplaceTempView(view);
        try {
            spark.sql("INSERT INTO " + load.target().render() + " SELECT " + String.join(", ", casts) + " FROM " + view);
        } finally {
            spark.catalog().dropTempView(view);
        }
    }

    /** dbt-spark's names for agate's types. */
    static String sparkType(String agate) {
        return switch (agate) {
            case "INTEGER", "BIGINT", "HUGEINT" -> "bigint";
            case "DOUBLE" -> "double";
            case "DATE" -> "date";
            case "TIMESTAMP" -> "timestamp";
            case "BOOLEAN" -> "boolean";
            default -> "string";
        };
    }
}
