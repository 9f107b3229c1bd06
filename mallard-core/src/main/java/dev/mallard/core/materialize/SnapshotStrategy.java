package dev.mallard.core.materialize;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A snapshot's strategy (timestamp or check) and the SQL dbt generates for it: the first
 * build's select and the staging select of a later run (dbt's snapshot_staging_table).
 */
record SnapshotStrategy(
        String name,
        List<String> uniqueKey,
        boolean keyIsList,
        String updatedAt,
        Object checkCols,
        String hardDeletes,
        String validToCurrent,
        SnapshotColumns columns) {

    /** dbt-duckdb's snapshot_get_time(). */
    static final String NOW = "now()::timestamp";

    static SnapshotStrategy of(NodeConfig config) {
        String strategy = config.string("strategy", "");
        Object key = config.get("unique_key");
        boolean keyIsList = key instanceof List<?>;
        List<String> keys = NodeConfig.strings(key);
        Object updatedAt = config.get("updated_at");
        String updated = strategy.equals("check") && updatedAt == null ? NOW : String.valueOf(updatedAt);
        Object current = config.get("dbt_valid_to_current");
        return new SnapshotStrategy(strategy, keys, keyIsList, updated, config.get("check_cols"),
                hardDeletes(config), current == null ? null : String.valueOf(current),
                SnapshotColumns.of(config.get("snapshot_meta_column_names")));
    }

    private static String hardDeletes(NodeConfig config) {
        if (config.bool("invalidate_hard_deletes", false)) {
            return "invalidate";
        }
        String v = config.string("hard_deletes", "ignore");
        if (!List.of("ignore", "invalidate", "new_record").contains(v)) {
            throw new MallardException(ErrorCode.PROJECT, "invalid hard_deletes '" + v + "'");
        }
        return v;
    }

    String scdId() {
        List<String> args = new ArrayList<>(uniqueKey);
        args.add(updatedAt);
        return hash(args);
    }

    private static String hash(List<String> args) {
        StringBuilder sb = new StringBuilder("md5(");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sb.append(" || '|' || ");
            }
            sb.append("coalesce(cast(").append(args.get(i)).append(" as varchar ), '')");
        }
        return sb.append(")").toString();
    }

    private String validToCurrentColumn() {
        return "coalesce(nullif(" + updatedAt + ", " + updatedAt + "), "
                + (validToCurrent == null ? "null" : validToCurrent) + ") as " + columns.validTo();
    }

    /** The select of the first run, which creates the table. */
    String buildSql(String sql) {
        return "select *,\n    " + scdId() + " as " + columns.scdId() + ",\n    "
                + updatedAt + " as " + columns.updatedAt() + ",\n    "
                + updatedAt + " as " + columns.validFrom() + ",\n    "
                + validToCurrentColumn()
                + (hardDeletes.equals("new_record") ? ",\n    'False' as " + columns.isDeleted() : "")
                + "\nfrom (\n" + sql + "\n) sbq";
    }

    /** The query that names the columns the check strategy compares (dbt's get_columns_in_query). */
    String checkColumnsQuery(String sql) {
        if (checkCols instanceof List<?> l) {
            return "select " + String.join(", ", NodeConfig.strings(l)) + " from (\n" + sql + "\n) subq";
        }
        return sql;
    }

    /** The row_changed expression comparing snapshotted_data with source_data. */
    String rowChanged(Supplier<List<String>> queryColumns, List<String> targetColumns) {
        if (name.equals("timestamp")) {
            return "(snapshotted_data." + columns.validFrom() + " < source_data." + updatedAt + ")";
        }
        if (!"all".equals(checkCols) && !(checkCols instanceof List<?> l && !l.isEmpty())) {
            throw new MallardException(ErrorCode.PROJECT, "Invalid value for 'check_cols': " + checkCols);
        }
        List<String> checked = new ArrayList<>();
        for (String col : queryColumns.get()) {
            if (!targetColumns.contains(col)) {
                return "(TRUE)";
            }
            checked.add(Relation.quote(col));
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < checked.size(); i++) {
            String s = "snapshotted_data." + checked.get(i);
            String c = "source_data." + checked.get(i);
            if (i > 0) {
                sb.append(" or ");
            }
            sb.append(s).append(" != ").append(c).append(" or ((").append(s).append(" is null) and not (").append(c)
                    .append(" is null)) or ((not ").append(s).append(" is null) and (").append(c).append(" is null))");
        }
        return sb.append(")").toString();
    }

    private String keyFields() {
        if (!keyIsList) {
            return uniqueKey.get(0) + " as dbt_unique_key";
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < uniqueKey.size(); i++) {
            out.add(uniqueKey.get(i) + " as dbt_unique_key_" + (i + 1));
        }
        return String.join(", ", out);
    }

    private String keyJoin(String left, String right) {
        if (!keyIsList) {
            return left + ".dbt_unique_key = " + right + ".dbt_unique_key";
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= uniqueKey.size(); i++) {
            out.add(left + ".dbt_unique_key_" + i + " = " + right + ".dbt_unique_key_" + i);
        }
        return String.join(" and ", out);
    }

    private String keyIsNull(String rel, boolean isNull) {
        return rel + (keyIsList ? ".dbt_unique_key_1" : ".dbt_unique_key") + (isNull ? " is null" : " is not null");
    }

    private String isCurrent(String rel) {
        return validToCurrent == null ? rel + "." + columns.validTo() + " is null"
                : rel + "." + columns.validTo() + " = " + validToCurrent;
    }

    /** dbt's snapshot_staging_table: every insert, update and delete of this run. */
    String stagingSql(String sql, Relation target, String rowChanged, List<String> targetColumns,
                      List<String> sourceColumns) {
        boolean newRecord = hardDeletes.equals("new_record");
        boolean deletes = newRecord || hardDeletes.equals("invalidate");
        String deletedAgain = newRecord ? " or snapshotted_data." + columns.isDeleted() + " = 'True'" : "";
        String vt = columns.validTo();
        StringBuilder s = new StringBuilder();
        s.append("with snapshot_query as (\n").append(sql).append("\n),\n");
        s.append("snapshotted_data as (\n    select *, ").append(keyFields()).append("\n    from ")
                .append(target.render()).append("\n    where ")
                .append(validToCurrent == null ? vt + " is null"
                        : "(" + vt + " = " + validToCurrent + " or " + vt + " is null)")
                .append("\n),\n");
        s.append("insertions_source_data as (\n    select *, ").append(keyFields()).append(",\n        ")
                .append(updatedAt).append(" as ").append(columns.updatedAt()).append(",\n        ")
                .append(updatedAt).append(" as ").append(columns.validFrom()).append(",\n        ")
                .append(validToCurrentColumn()).append(",\n        ")
                .append(scdId()).append(" as ").append(columns.scdId()).append("\n    from snapshot_query\n),\n");
        s.append("updates_source_data as (\n    select *, ").append(keyFields()).append(",\n        ")
                .append(updatedAt).append(" as ").append(columns.updatedAt()).append(",\n        ")
                .append(updatedAt).append(" as ").append(columns.validFrom()).append(",\n        ")
                .append(updatedAt).append(" as ").append(vt).append("\n    from snapshot_query\n),\n");
        if (deletes) {
            s.append("deletes_source_data as (\n    select *, ").append(keyFields()).append("\n    from snapshot_query\n),\n");
        }
        s.append("insertions as (\n    select 'insert' as dbt_change_type, source_data.*")
                .append(newRecord ? ", 'False' as " + columns.isDeleted() : "")
                .append("\n    from insertions_source_data as source_data\n    left outer join snapshotted_data\n        on ")
                .append(keyJoin("snapshotted_data", "source_data")).append("\n    where ")
                .append(keyIsNull("snapshotted_data", true)).append("\n        or (")
                .append(keyIsNull("snapshotted_data", false)).append(" and (").append(rowChanged).append(deletedAgain)
                .append("))\n),\n");
        s.append("updates as (\n    select 'update' as dbt_change_type, source_data.*, snapshotted_data.")
                .append(columns.scdId()).append(newRecord ? ", snapshotted_data." + columns.isDeleted() : "")
                .append("\n    from updates_source_data as source_data\n    join snapshotted_data\n        on ")
                .append(keyJoin("snapshotted_data", "source_data")).append("\n    where (").append(rowChanged)
                .append(deletedAgain).append(")\n)");
        String notAlreadyDeleted = "not (snapshotted_data." + columns.isDeleted() + " = 'True' and "
                + isCurrent("snapshotted_data") + ")";
        if (deletes) {
            s.append(",\ndeletes as (\n    select 'delete' as dbt_change_type, source_data.*,\n        ")
                    .append(NOW).append(" as ").append(columns.validFrom()).append(",\n        ")
                    .append(NOW).append(" as ").append(columns.updatedAt()).append(",\n        ")
                    .append(NOW).append(" as ").append(vt).append(",\n        snapshotted_data.").append(columns.scdId())
                    .append(newRecord ? ", snapshotted_data." + columns.isDeleted() : "")
                    .append("\n    from snapshotted_data\n    left join deletes_source_data as source_data\n        on ")
                    .append(keyJoin("snapshotted_data", "source_data")).append("\n    where ")
                    .append(keyIsNull("source_data", true))
                    .append(newRecord ? " and " + notAlreadyDeleted : "").append("\n)");
        }
        if (newRecord) {
            s.append(",\ndeletion_records as (\n    select 'insert' as dbt_change_type");
            for (String col : sourceColumns) {
                s.append(", ").append(targetColumns.contains(col) ? "snapshotted_data." : "source_data.")
                        .append(Relation.quote(col));
            }
            if (keyIsList) {
                for (int i = 1; i <= uniqueKey.size(); i++) {
                    s.append(", snapshotted_data.").append(uniqueKey.get(i - 1)).append(" as dbt_unique_key_").append(i);
                }
            } else {
                s.append(", snapshotted_data.dbt_unique_key as dbt_unique_key");
            }
            String newScdId = hash(List.of(columns.scdId(), NOW));
            s.append(",\n        ").append(NOW).append(" as ").append(columns.validFrom())
                    .append(",\n        ").append(NOW).append(" as ").append(columns.updatedAt())
                    .append(",\n        snapshotted_data.").append(vt).append(" as ").append(vt)
                    .append(",\n        ").append(newScdId).append(" as ").append(columns.scdId())
                    .append(",\n        'True' as ").append(columns.isDeleted())
                    .append("\n    from snapshotted_data\n    left join deletes_source_data as source_data\n        on ")
                    .append(keyJoin("snapshotted_data", "source_data")).append("\n    where ")
                    .append(keyIsNull("source_data", true)).append(" and ").append(notAlreadyDeleted).append("\n)");
        }
        s.append("\nselect * from insertions\nunion all\nselect * from updates");
        if (deletes) {
            s.append("\nunion all\nselect * from deletes");
        }
        if (newRecord) {
            s.append("\nunion all\nselect * from deletion_records");
        }
        return s.toString();
    }
}
