package dev.mallard.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.project.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mallard.jar with the Spark engine directory builds the feature project twice (batch 1, then
 * batch 2) as a user would, in processes of its own; then the warehouse is read here: rows
 * appended, partitions overwritten, a whole table overwritten, and the external table's Parquet
 * folder read by DuckDB as {@code mallard serve --parquet-dir} reads it.
 */
class SparkBuildIT {
    @Test
    void incrementalRunsAppendAndOverwriteAndTheExportIsParquet(@TempDir Path dir) throws Exception {
        assumeTrue(SparkProjects.mallardJar().isPresent(), "NOTE: no mallard-cli/target/mallard.jar: skipped");
        Path project = SparkProjects.copy(SparkProjects.repo().resolve(
                "mallard-spark/src/test/resources/projects/spark_features"), dir.resolve("p"), "spark_features", "feat");
        for (int batch = 1; batch <= 2; batch++) {
            SparkOracleIT.assertBuilds(SparkProjects.mallard(project, "build", "--vars",
                    SparkOracleIT.vars(batch, project)));
        }
        Target target = new Target("spark_features", "dev", "spark", "feat", null, 1,
                Map.of("type", "spark", "method", "session", "master", "local[2]", "schema", "feat"), false);
        try (Engine engine = new SparkEngineFactory().open(target, project); EngineSession s = engine.openSession()) {
            assertEquals(rows("1", "2", "3", "4", "5", "6", "7"), column(s, "select id from feat.events_appended order by id"));
            // batch 2 touched 2024-01-02 and 2024-01-03: those days recomputed over both batches, 2024-01-01 kept
            assertEquals(rows("2024-01-01 click 1 1.50", "2024-01-01 view 1 2.25", "2024-01-02 buy 1 10.00",
                    "2024-01-02 click 2 3.75", "2024-01-03 buy 1 12.50", "2024-01-03 view 1 4.00"),
                    column(s, "select concat_ws(' ', cast(day as string), kind, cast(events as string), "
                            + "cast(amount as string)) from feat.daily_totals order by 1"));
            assertEquals(rows("buy 2", "click 3", "view 2"),
                    column(s, "select concat_ws(' ', kind, cast(events as string)) from feat.overwritten order by 1"));
            assertEquals(rows("buy 2", "click 3", "view 2"),
                    column(s, "select concat_ws(' ', kind, cast(count(*) as string)) from feat.bucketed group by kind order by 1"));
        }
        Path exported = project.resolve("exports/exported");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("select kind, count(*), sum(amount) from read_parquet('" + exported
                     + "/*/*.parquet', hive_partitioning = true) group by kind order by kind")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getBigDecimal(3));
            }
            assertEquals(rows("buy 2 22.50", "click 3 5.25", "view 2 6.25"), out);
        }
    }

    private static List<String> rows(String... values) {
        return List.of(values);
    }

    private static List<String> column(EngineSession s, String sql) {
        return s.query(sql).rows().stream().map(r -> String.valueOf(r.get(0))).toList();
    }
}
