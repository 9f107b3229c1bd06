package dev.mallard.core.materialize;

import java.util.Map;

/** The names of the columns dbt adds to a snapshot, after {@code snapshot_meta_column_names}. */
record SnapshotColumns(String validFrom, String validTo, String scdId, String updatedAt, String isDeleted) {

    static SnapshotColumns of(Object metaColumnNames) {
        Map<?, ?> m = metaColumnNames instanceof Map<?, ?> map ? map : Map.of();
        return new SnapshotColumns(name(m, "dbt_valid_from"), name(m, "dbt_valid_to"), name(m, "dbt_scd_id"),
                name(m, "dbt_updated_at"), name(m, "dbt_is_deleted"));
    }

    private static String name(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? key : String.valueOf(v);
    }
}
