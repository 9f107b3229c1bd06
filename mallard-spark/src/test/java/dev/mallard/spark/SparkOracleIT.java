package dev.mallard.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle: dbt-spark 1.11 ({@code method: session}, pyspark 4.0.1, from {@code .venv-spark})
 * and Mallard build the same project into warehouses of their own; every relation must come
 * out with the same kind, columns, types and rows. Skipped, with a note, where the venv or
 * mallard.jar is missing: {@code python3 -m venv .venv-spark && .venv-spark/bin/pip install
 * dbt-core==1.11.16 'dbt-spark[session]==1.11.0' pyspark==4.0.1}.
 */
class SparkOracleIT {
    private static void assumeTools() {
        assumeTrue(SparkProjects.dbtSpark().isPresent(), "NOTE: no .venv-spark/bin/dbt: the dbt-spark comparison is skipped");
        assumeTrue(SparkProjects.mallardJar().isPresent(), "NOTE: no mallard-cli/target/mallard.jar: skipped");
    }

    @Test
    void jaffleShopMatchesDbtSpark(@TempDir Path dir) throws Exception {
        assumeTools();
        Path examples = SparkProjects.repo().resolve("examples/jaffle_shop");
        Path dbt = SparkProjects.copy(examples, dir.resolve("dbt"), "jaffle_shop", "jaffle");
        Path mallard = SparkProjects.copy(examples, dir.resolve("mallard"), "jaffle_shop", "jaffle");
        assertBuilds(SparkProjects.dbt(dbt, "build"));
        assertBuilds(SparkProjects.mallard(mallard, "build"));
        assertEquals(dbtDump(dbt, "jaffle"), mallardDump(mallard, "jaffle"));
    }

    /** Three builds, each with one more batch of events: append, insert_overwrite by partition, buckets, orc, an external table. */
    @Test
    void incrementalPartitionedAndExternalTablesMatchDbtSpark(@TempDir Path dir) throws Exception {
        assumeTools();
        Path project = SparkProjects.repo().resolve("mallard-spark/src/test/resources/projects/spark_features");
        Path dbt = SparkProjects.copy(project, dir.resolve("dbt"), "spark_features", "feat");
        Path mallard = SparkProjects.copy(project, dir.resolve("mallard"), "spark_features", "feat");
        for (int batch = 1; batch <= 3; batch++) {
            assertBuilds(SparkProjects.dbt(dbt, "build", "--vars", vars(batch, dbt)));
            assertBuilds(SparkProjects.mallard(mallard, "build", "--vars", vars(batch, mallard)));
        }
        assertEquals(dbtDump(dbt, "feat"), mallardDump(mallard, "feat"));
    }

    static String vars(int batch, Path project) {
        return "{batch: " + batch + ", export_root: '" + project.resolve("exports") + "'}";
    }

    static void assertBuilds(SparkProjects.Outcome outcome) {
        assertEquals(0, outcome.exitCode(), outcome.output());
    }

    private static String dbtDump(Path project, String schema) throws Exception {
        return SparkProjects.dump(project.resolve("spark-warehouse"), project.resolve("metastore_db"), schema);
    }

    private static String mallardDump(Path project, String schema) throws Exception {
        Path base = project.resolve("target/spark");
        return SparkProjects.dump(base.resolve("warehouse"), base.resolve("metastore_db"), schema);
    }
}
