package dev.mallard.core.materialize;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The column differences between a batch of new rows and the existing table, and what
 * on_schema_change does about them (dbt's process_schema_changes).
 */
record SchemaChanges(List<ColumnInfo> added, List<ColumnInfo> removed, List<ColumnInfo> retyped) {
    SchemaChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        retyped = List.copyOf(retyped);
    }

    static SchemaChanges between(List<ColumnInfo> batch, List<ColumnInfo> existing) {
        Map<String, ColumnInfo> existingByName = byName(existing);
        Map<String, ColumnInfo> batchByName = byName(batch);
        List<ColumnInfo> added = new ArrayList<>();
        List<ColumnInfo> retyped = new ArrayList<>();
        for (ColumnInfo c : batch) {
            ColumnInfo old = existingByName.get(key(c.name()));
            if (old == null) {
                added.add(c);
            } else if (!old.type().equalsIgnoreCase(c.type())) {
                retyped.add(new ColumnInfo(old.name(), c.type()));
            }
        }
        List<ColumnInfo> removed = existing.stream().filter(c -> !batchByName.containsKey(key(c.name()))).toList();
        return new SchemaChanges(added, removed, retyped);
    }

    boolean any() {
        return !added.isEmpty() || !removed.isEmpty() || !retyped.isEmpty();
    }

    /**
     * Applies {@code mode} to {@code target} and returns the columns to insert: the
     * existing table's for 'ignore', the batch's otherwise (as dbt does).
     */
    static List<String> apply(String mode, String model, MaterializationContext ctx, Relation target,
                              List<ColumnInfo> batch, List<ColumnInfo> existing) {
        if (mode.equals("ignore")) {
            return names(existing);
        }
        SchemaChanges changes = between(batch, existing);
        if (!changes.any()) {
            return names(batch);
        }
        if (mode.equals("fail")) {
            throw new MallardException(ErrorCode.PROJECT, "incremental model '" + model + "': the columns of the new rows "
                    + "and of the existing table " + target.render() + " are out of sync (on_schema_change='fail')"
                    + System.lineSeparator() + "  columns not in the table: " + describe(changes.added)
                    + System.lineSeparator() + "  table columns not in the new rows: " + describe(changes.removed)
                    + System.lineSeparator() + "  changed column types: " + describe(changes.retyped), null, 0,
                    "set on_schema_change to append_new_columns or sync_all_columns, or rebuild the table with "
                    + "--full-refresh", null);
        }
        for (ColumnInfo c : changes.added) {
            ctx.run("alter table " + target.render() + " add column " + Relation.quote(c.name()) + " " + c.type());
        }
        if (mode.equals("sync_all_columns")) {
            for (ColumnInfo c : changes.removed) {
                ctx.run("alter table " + target.render() + " drop column " + Relation.quote(c.name()));
            }
            for (ColumnInfo c : changes.retyped) {
                // dbt's alter_column_type: a new column, a copy, a drop and a rename (the column moves last)
                String tmp = Relation.quote(c.name() + "__dbt_alter");
                String col = Relation.quote(c.name());
                ctx.run("alter table " + target.render() + " add column " + tmp + " " + c.type());
                ctx.run("update " + target.render() + " set " + tmp + " = " + col);
                ctx.run("alter table " + target.render() + " drop column " + col);
                ctx.run("alter table " + target.render() + " rename column " + tmp + " to " + col);
            }
        }
        return names(batch);
    }

    private static String describe(List<ColumnInfo> columns) {
        return columns.isEmpty() ? "none"
                : columns.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "));
    }

    private static List<String> names(List<ColumnInfo> columns) {
        return columns.stream().map(ColumnInfo::name).toList();
    }

    private static Map<String, ColumnInfo> byName(List<ColumnInfo> columns) {
        return columns.stream().collect(Collectors.toMap(c -> key(c.name()), Function.identity(), (a, b) -> a));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
