package dev.mallard.core.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.manifest.NodeConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaChangesTest {
    private static ColumnInfo col(String name, String type) {
        return new ColumnInfo(name, type);
    }

    @Test
    void findsAddedRemovedAndRetypedColumnsIgnoringNameCase() {
        List<ColumnInfo> batch = List.of(col("ID", "INTEGER"), col("v", "DOUBLE"), col("extra", "VARCHAR"));
        List<ColumnInfo> existing = List.of(col("id", "integer"), col("kind", "VARCHAR"), col("v", "BIGINT"));

        SchemaChanges changes = SchemaChanges.between(batch, existing);

        assertEquals(List.of(col("extra", "VARCHAR")), changes.added());
        assertEquals(List.of(col("kind", "VARCHAR")), changes.removed());
        assertEquals(List.of(col("v", "DOUBLE")), changes.retyped(), "the table's column name with the batch's type");
        assertTrue(changes.any());
    }

    @Test
    void sameColumnsAreNoChange() {
        List<ColumnInfo> cols = List.of(col("id", "INTEGER"), col("v", "DOUBLE"));
        assertFalse(SchemaChanges.between(cols, cols).any());
    }

    @Test
    void theFullRefreshConfigWinsOverTheFlagAsInDbt() {
        assertTrue(IncrementalConfig.shouldFullRefresh(NodeConfig.EMPTY, true));
        assertFalse(IncrementalConfig.shouldFullRefresh(NodeConfig.EMPTY, false));
        assertTrue(IncrementalConfig.shouldFullRefresh(new NodeConfig(Map.of("full_refresh", true)), false));
        assertFalse(IncrementalConfig.shouldFullRefresh(new NodeConfig(Map.of("full_refresh", false)), true));
    }
}
