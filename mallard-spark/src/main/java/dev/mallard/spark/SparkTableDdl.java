package dev.mallard.spark;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The clauses dbt-spark writes after {@code create table <name>} from a model's config, in its
 * order: {@code using <file_format>} (parquet), {@code options (...)}, {@code tblproperties (...)},
 * {@code partitioned by (<partition_by>)}, {@code clustered by (<clustered_by>) into <buckets>
 * buckets} (only with both), {@code location '<location_root>/<alias>'}.
 */
record SparkTableDdl(String fileFormat, List<String> partitionBy, List<String> clusteredBy, Integer buckets,
                     String location, Map<String, String> options, Map<String, String> tblproperties) {
    /** The formats dbt-spark accepts in {@code file_format}. */
    static final List<String> FILE_FORMATS = List.of("text", "csv", "json", "jdbc", "parquet", "orc", "hive", "delta",
            "iceberg", "libsvm", "hudi");

    SparkTableDdl {
        partitionBy = List.copyOf(partitionBy);
        clusteredBy = List.copyOf(clusteredBy);
        options = Map.copyOf(options);
        tblproperties = Map.copyOf(tblproperties);
    }

    static SparkTableDdl of(Node node) {
        NodeConfig c = node.config();
        String format = c.string("file_format", "parquet").strip();
        if (!FILE_FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
            throw new MallardException(ErrorCode.PROJECT, "Invalid file format provided: " + format
                    + "\n  Expected one of: " + String.join(", ", FILE_FORMATS), node.originalFilePath(), 0);
        }
        Object b = c.get("buckets");
        Integer buckets = b == null ? null : Integer.valueOf(String.valueOf(b).strip());
        String root = c.get("location_root") == null ? null : String.valueOf(c.get("location_root"));
        String location = root == null ? null : root + "/" + node.relation().identifier();
        return new SparkTableDdl(format, NodeConfig.strings(c.get("partition_by")),
                NodeConfig.strings(c.get("clustered_by")), buckets, location, strings(c.get("options")),
                strings(c.get("tblproperties")));
    }

    private static Map<String, String> strings(Object v) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> out.put(String.valueOf(k), String.valueOf(x)));
        }
        return out;
    }

    /** Whether the format supports MERGE (dbt-spark: delta, iceberg, hudi). */
    boolean merges() {
        return List.of("delta", "iceberg", "hudi").contains(fileFormat.toLowerCase(Locale.ROOT));
    }

    /** {@code CREATE TABLE <table> USING ... AS <select>}. */
    String createAs(Relation table, String select) {
        return "CREATE TABLE " + table.render() + clauses() + "\nAS\n" + select;
    }

    String clauses() {
        StringBuilder sb = new StringBuilder();
        sb.append("\nUSING ").append(fileFormat);
        if (!options.isEmpty()) {
            sb.append("\nOPTIONS (").append(pairs(options)).append(')');
        }
        if (!tblproperties.isEmpty()) {
            sb.append("\nTBLPROPERTIES (").append(pairs(tblproperties)).append(')');
        }
        if (!partitionBy.isEmpty()) {
            sb.append("\nPARTITIONED BY (").append(String.join(", ", partitionBy)).append(')');
        }
        if (!clusteredBy.isEmpty() && buckets != null) {
            sb.append("\nCLUSTERED BY (").append(String.join(", ", clusteredBy)).append(") INTO ").append(buckets)
                    .append(" BUCKETS");
        }
        if (location != null) {
            sb.append("\nLOCATION ").append(SparkNames.literal(location));
        }
        return sb.toString();
    }

    private static String pairs(Map<String, String> m) {
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(SparkNames.literal(k) + " = " + SparkNames.literal(v)));
        return String.join(", ", out);
    }

    /** The model's SELECT without trailing semicolons, so it can follow {@code AS}. */
    static String select(String compiled) {
        String s = compiled.stripTrailing();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }
}
