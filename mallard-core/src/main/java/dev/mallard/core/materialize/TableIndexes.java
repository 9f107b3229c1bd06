package dev.mallard.core.materialize;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * dbt's {@code indexes} config. A DuckDB index blocks renaming its table, so the indexes of
 * the table being replaced are dropped inside the swap's transaction, and the new table's
 * are created after the swap, as dbt-duckdb does. An entry's {@code type} is the index method
 * ({@code USING hash}), as dbt-postgres writes it.
 */
final class TableIndexes {
    private TableIndexes() {
    }

    static void dropOn(MaterializationContext ctx, Relation table) {
        String sql = "select index_name from duckdb_indexes() where lower(database_name) = lower("
                + ForeignKeyDependents.literal(table.database()) + ") and lower(schema_name) = lower("
                + ForeignKeyDependents.literal(table.schema()) + ") and lower(table_name) = lower("
                + ForeignKeyDependents.literal(table.identifier()) + ")";
        for (List<Object> row : ctx.session().query(sql).rows()) {
            ctx.run("DROP INDEX " + table.withIdentifier(String.valueOf(row.get(0))).render());
        }
    }

    static void create(MaterializationContext ctx, Relation table) {
        Object config = ctx.node().config().get("indexes");
        if (!(config instanceof List<?> indexes)) {
            return;
        }
        for (Object o : indexes) {
            if (!(o instanceof Map<?, ?> index) || !(index.get("columns") instanceof List<?> columns) || columns.isEmpty()) {
                throw new MallardException(ErrorCode.PROJECT, "model '" + ctx.node().name() + "': each entry of "
                        + "'indexes' needs 'columns: [...]'", ctx.node().originalFilePath(), 0,
                        "e.g. indexes=[{'columns': ['id'], 'unique': True}]", null);
            }
            boolean unique = Boolean.TRUE.equals(index.get("unique")) || "true".equalsIgnoreCase(String.valueOf(index.get("unique")));
            String cols = String.join(", ", columns.stream().map(String::valueOf).toList());
            String name = name(table, cols, unique);
            Object type = index.get("type");
            if (type != null && !String.valueOf(type).matches("[A-Za-z_]+")) {
                throw new MallardException(ErrorCode.PROJECT, "model '" + ctx.node().name() + "': index type '" + type
                        + "' is not a method name", ctx.node().originalFilePath(), 0, "e.g. 'type': 'btree'", null);
            }
            ctx.run("CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + Relation.quote(name) + " ON " + table.render()
                    + (type == null ? "" : " USING " + String.valueOf(type).toLowerCase(java.util.Locale.ROOT))
                    + " (" + cols + ")");
        }
    }

    private static String name(Relation table, String columns, boolean unique) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((table.render() + "|" + columns + "|" + unique + "|"
                    + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
