package dev.mallard.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.ModelNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dbt-spark's checks of an incremental model's config, and the DDL clauses it writes, without starting Spark. */
class SparkIncrementalStrategyTest {
    @Test
    void appendIsTheDefaultAndInsertOverwriteIsAccepted() {
        assertEquals("append", strategy(Map.of()));
        assertEquals("insert_overwrite", strategy(Map.of("incremental_strategy", "insert_overwrite")));
    }

    @Test
    void mergeOnParquetIsRefusedWithDbtSparksMessage() {
        MallardException e = assertThrows(MallardException.class, () -> strategy(Map.of("incremental_strategy", "merge")));
        assertTrue(e.getMessage().startsWith("Invalid incremental strategy provided: merge\n"), e.getMessage());
        assertTrue(e.getMessage().contains("You can only choose this strategy when file_format is set to 'delta' or "
                + "'iceberg' or 'hudi'"), e.getMessage());
    }

    @Test
    void anUnknownStrategyOrFileFormatIsRefused() {
        MallardException e = assertThrows(MallardException.class, () -> strategy(Map.of("incremental_strategy", "upsert")));
        assertTrue(e.getMessage().contains("Expected one of: 'append', 'merge', 'insert_overwrite', 'microbatch'"));
        MallardException f = assertThrows(MallardException.class, () -> strategy(Map.of("file_format", "avro")));
        assertTrue(f.getMessage().startsWith("Invalid file format provided: avro"), f.getMessage());
    }

    @Test
    void theTableClausesFollowTheConfig() {
        ModelNode m = TestModels.model("m", Map.of("file_format", "orc", "partition_by", "day", "clustered_by",
                java.util.List.of("id"), "buckets", 4, "location_root", "/data/out"));
        String ddl = SparkTableDdl.of(m).createAs(new Relation("spark_catalog", "s", "m"), "select 1");
        assertEquals("CREATE TABLE \"spark_catalog\".\"s\".\"m\"\nUSING orc\nPARTITIONED BY (day)\n"
                + "CLUSTERED BY (id) INTO 4 BUCKETS\nLOCATION '/data/out/m'\nAS\nselect 1", ddl);
    }

    private static String strategy(Map<String, Object> config) {
        ModelNode m = TestModels.model("m", config);
        return SparkIncrementalMaterialization.strategy(m, SparkTableDdl.of(m));
    }
}
