package dev.mallard.core.migrate.diff;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Replaces a table whose change DuckDB cannot ALTER: copy the rows aside, drop the table, create
 * the new definition, copy back the columns both definitions share, drop the copy. Copying
 * aside (rather than building a new table and renaming it) is what works in DuckDB when the
 * table has indexes or other tables reference it: both block RENAME, and a new table's
 * foreign keys would bind to the old parent.
 */
final class TableRebuild {
    static final String STASH_SUFFIX = "__mallard_old";

    private final String schema;
    private final TableModel from;
    private final TableModel to;

    TableRebuild(String schema, TableModel from, TableModel to) {
        this.schema = schema;
        this.from = from;
        this.to = to;
    }

    List<String> stashAndDrop() {
        String table = SqlNames.qualified(schema, from.name());
        return List.of(
                "CREATE TABLE " + stash() + " AS SELECT * FROM " + table,
                "DROP TABLE " + table);
    }

    List<String> createAndRestore() {
        List<String> shared = to.columns().stream()
                .map(ColumnModel::name)
                .filter(c -> from.column(c).isPresent())
                .map(SqlNames::quote)
                .toList();
        if (shared.isEmpty()) {
            return List.of(to.createSql(), "DROP TABLE " + stash());
        }
        String columns = shared.stream().collect(Collectors.joining(", "));
        return List.of(
                to.createSql(),
                "INSERT INTO " + SqlNames.qualified(schema, to.name()) + " (" + columns + ") SELECT " + columns
                        + " FROM " + stash(),
                "DROP TABLE " + stash());
    }

    private String stash() {
        return SqlNames.qualified(schema, from.name() + STASH_SUFFIX);
    }
}
