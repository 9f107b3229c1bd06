package dev.mallard.spark;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.project.Target;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Spark target, read from dbt-spark's profile keys for {@code method: session}:
 * {@code master} ({@code local[*]}; any {@code spark://}, {@code yarn} or {@code k8s://} master
 * is passed to Spark as given), {@code schema}, {@code server_side_parameters} (Spark confs set
 * on the session); {@code host}, {@code port}, {@code cluster}, {@code token} are for the other
 * methods and ignored. The catalog persists between processes as dbt-spark's session keeps it:
 * Hive support with an embedded Derby metastore, here under {@code target/spark/} of the
 * project unless {@code spark.sql.warehouse.dir} or the metastore's connection URL is given.
 */
record SparkSettings(String master, String schema, Map<String, String> confs, String metastoreLog) {
    SparkSettings {
        confs = Map.copyOf(confs);
    }

    static SparkSettings of(Target target, Path projectDir) {
        String method = target.string("method") == null ? "session" : target.string("method").strip();
        if (!method.equalsIgnoreCase("session")) {
            throw new MallardException(ErrorCode.PROFILE, "method '" + method + "' in profile '" + target.profileName()
                    + "', target '" + target.name() + "' is not supported: Mallard runs Spark in-process (method: "
                    + "session); for a cluster set master: to its URL (spark://..., yarn, k8s://...)");
        }
        String master = target.string("master") == null ? "local[*]" : target.string("master").strip();
        Map<String, String> confs = new LinkedHashMap<>();
        Path base = projectDir.toAbsolutePath().normalize().resolve("target").resolve("spark");
        confs.put("spark.sql.warehouse.dir", base.resolve("warehouse").toUri().toString());
        confs.put("spark.hadoop.javax.jdo.option.ConnectionURL",
                "jdbc:derby:;databaseName=" + base.resolve("metastore_db") + ";create=true");
        // Mallard quotes every identifier with double quotes, as SQL does; Spark's ANSI mode reads them so
        confs.put("spark.sql.ansi.enabled", "true");
        confs.put("spark.sql.ansi.doubleQuotedIdentifiers", "true");
        confs.put("spark.ui.enabled", "false");
        confs.put("spark.ui.showConsoleProgress", "false");
        confs.put("spark.sql.shuffle.partitions", "4");
        Map<String, Object> given = target.map("server_side_parameters");
        if (given != null) {
            given.forEach((k, v) -> confs.put(k, String.valueOf(v)));
        }
        if (!confs.get("spark.sql.ansi.doubleQuotedIdentifiers").toLowerCase(Locale.ROOT).equals("true")) {
            throw new MallardException(ErrorCode.PROFILE, "server_side_parameters in profile '" + target.profileName()
                    + "' turn spark.sql.ansi.doubleQuotedIdentifiers off; Mallard quotes identifiers with \"");
        }
        base.toFile().mkdirs();
        return new SparkSettings(master, target.schema(), confs, base.resolve("derby.log").toString());
    }

    /** The warehouse directory as a path, for messages. */
    String warehouse() {
        return confs.get("spark.sql.warehouse.dir");
    }
}
