package dev.mallard.core.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.NodeConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An external model's defaults and mappings, pinned to dbt-duckdb's external materialization. */
class ExternalConfigTest {
    private static final Path PROJECT = Path.of("/p");

    private static ExternalConfig config(String root, Map<String, Object> values) {
        return ExternalConfig.of("orders", new NodeConfig(values), PROJECT, root);
    }

    @Test
    void defaultsToAParquetFileNamedAfterTheModelUnderTheProjectFolder() {
        ExternalConfig c = config(null, Map.of());
        assertEquals(Path.of("/p/orders.parquet"), c.location());
        assertEquals("parquet", c.format());
        assertEquals(List.of(), c.copyOptions());
        assertEquals(null, c.strategy());
    }

    @Test
    void externalRootFormatAndPartitionByShapeTheDefaultLocation() {
        assertEquals(Path.of("/p/lake/orders.csv"), config("lake", Map.of("format", "csv")).location());
        assertEquals(List.of("header 1"), config("lake", Map.of("format", "csv")).copyOptions());
        assertEquals(Path.of("/data/orders"), config("/data", Map.of("partition_by", "a, b")).location());
        assertEquals(List.of("a", "b"), config("/data", Map.of("options", Map.of("partition_by", "(a,b)"))).partitionBy());
    }

    @Test
    void aLocationTemplateTakesItsFormatFromTheExtensionAndNameFromTheModel() {
        ExternalConfig c = config(".", Map.of("location", "out/{name}.json"));
        assertEquals(Path.of("/p/out/orders.json"), c.location());
        assertEquals("json", c.format());
    }

    @Test
    void stringOptionsAreQuotedAsDbtDuckdbQuotesThemAndCsvGetsAHeader() {
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        options.put("delimiter", "|");
        options.put("compression", "zstd");
        assertEquals(List.of("delimiter '|'", "compression zstd", "header 1"),
                config(null, Map.of("format", "csv", "options", options)).copyOptions());
    }

    @Test
    void mergeNeedsAUniqueKeyAndOtherStrategiesAreRefused() {
        assertTrue(assertThrows(MallardException.class, () -> config(null, Map.of("incremental_strategy", "merge")))
                .getMessage().contains("needs a unique_key"));
        assertTrue(assertThrows(MallardException.class,
                () -> config(null, Map.of("incremental_strategy", "delete+insert"))).getMessage()
                .contains("not supported for external models"));
        assertEquals(List.of("id"), config(null, Map.of("incremental_strategy", "merge", "unique_key", "id")).uniqueKey());
    }
}
