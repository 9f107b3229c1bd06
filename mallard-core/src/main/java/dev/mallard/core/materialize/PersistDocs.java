package dev.mallard.core.materialize;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.manifest.ColumnSpec;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.SeedNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code persist_docs: {relation: true, columns: true}}: the node's description becomes the
 * comment of its table or view, and each documented column that the relation has gets its
 * description as a column comment, as dbt-duckdb writes them ({@code COMMENT ON ...}) after
 * building the relation. Columns documented but absent from the relation are skipped.
 */
public final class PersistDocs {
    private PersistDocs() {
    }

    /** Writes the comments the node's config asks for; nothing for ephemeral models or without persist_docs. */
    public static void apply(MaterializationContext ctx) {
        Node node = ctx.node();
        if (!(node instanceof ModelNode || node instanceof SeedNode)
                || !(node.config().get("persist_docs") instanceof Map<?, ?> persist)
                || node instanceof ModelNode m && m.isEphemeral()) {
            return;
        }
        boolean relation = truthy(persist.get("relation"));
        boolean columns = truthy(persist.get("columns"));
        if (!relation && !columns) {
            return;
        }
        Relation target = node.relation();
        Optional<ExistingRelation> existing = ctx.session().findRelation(target);
        if (existing.isEmpty()) {
            return;
        }
        if (relation && node.description() != null && !node.description().isEmpty()) {
            String kind = existing.get().kind() == RelationKind.VIEW ? "VIEW" : "TABLE";
            ctx.run("COMMENT ON " + kind + " " + target.render() + " IS " + literal(node.description()));
        }
        if (!columns || node.columns().isEmpty()) {
            return;
        }
        for (ColumnInfo column : ctx.session().columns(target)) {
            ColumnSpec spec = documented(node.columns(), column.name());
            if (spec != null && spec.description() != null && !spec.description().isEmpty()) {
                ctx.run("COMMENT ON COLUMN " + target.render() + "." + Relation.quote(column.name()) + " IS "
                        + literal(spec.description()));
            }
        }
    }

    /** The column's properties entry, matched as DuckDB matches names: case-insensitively. */
    private static ColumnSpec documented(Map<String, ColumnSpec> columns, String name) {
        ColumnSpec exact = columns.get(name);
        if (exact != null) {
            return exact;
        }
        for (ColumnSpec spec : columns.values()) {
            if (spec.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return spec;
            }
        }
        return null;
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(String.valueOf(value).trim());
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
