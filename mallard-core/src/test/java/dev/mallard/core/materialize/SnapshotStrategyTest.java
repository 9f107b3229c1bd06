package dev.mallard.core.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.manifest.NodeConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQL pieces dbt's snapshot macros generate, for the configs that choose them. */
class SnapshotStrategyTest {

    @Test
    void theScdIdHashesTheKeyAndUpdatedAtAsDbtDoes() {
        SnapshotStrategy s = SnapshotStrategy.of(new NodeConfig(Map.of("strategy", "timestamp", "unique_key", "id",
                "updated_at", "updated_at")));
        assertEquals("md5(coalesce(cast(id as varchar ), '') || '|' || coalesce(cast(updated_at as varchar ), ''))",
                s.scdId());
        assertEquals("ignore", s.hardDeletes());
    }

    @Test
    void checkWithoutUpdatedAtUsesTheSnapshotTimeAndACompositeKeyHashesEveryPart() {
        SnapshotStrategy s = SnapshotStrategy.of(new NodeConfig(Map.of("strategy", "check", "unique_key",
                List.of("a", "b"), "check_cols", "all")));
        assertEquals("now()::timestamp", s.updatedAt());
        assertEquals("md5(coalesce(cast(a as varchar ), '') || '|' || coalesce(cast(b as varchar ), '') || '|' || "
                + "coalesce(cast(now()::timestamp as varchar ), ''))", s.scdId());
    }

    @Test
    void legacyInvalidateHardDeletesMeansInvalidateAndMetaNamesAreRenamed() {
        SnapshotStrategy s = SnapshotStrategy.of(new NodeConfig(Map.of("strategy", "timestamp", "unique_key", "id",
                "updated_at", "u", "invalidate_hard_deletes", true,
                "snapshot_meta_column_names", Map.of("dbt_valid_to", "valid_to"))));
        assertEquals("invalidate", s.hardDeletes());
        assertEquals("valid_to", s.columns().validTo());
        assertEquals("dbt_valid_from", s.columns().validFrom());
        assertTrue(s.buildSql("select 1").contains("coalesce(nullif(u, u), null) as valid_to"));
    }

    @Test
    void theCheckStrategyComparesColumnsNullSafelyAndANewColumnCountsAsAChange() {
        SnapshotStrategy s = SnapshotStrategy.of(new NodeConfig(Map.of("strategy", "check", "unique_key", "id",
                "check_cols", List.of("name"))));
        assertEquals("(snapshotted_data.\"name\" != source_data.\"name\" or ((snapshotted_data.\"name\" is null) "
                + "and not (source_data.\"name\" is null)) or ((not snapshotted_data.\"name\" is null) and "
                + "(source_data.\"name\" is null)))", s.rowChanged(() -> List.of("name"), List.of("id", "name")));
        assertEquals("(TRUE)", s.rowChanged(() -> List.of("name", "extra"), List.of("id", "name")));
    }
}
