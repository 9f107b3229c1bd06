package dev.mallard.core.materialize;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.ColumnSpec;
import dev.mallard.core.manifest.ModelNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The column list and constraints of a contracted table, rendered as dbt's
 * {@code get_table_columns_and_constraints} does: column constraints after each column's
 * type, model constraints after the columns. A foreign key's {@code to: ref('x')} is
 * rendered as Jinja in the model's context.
 */
public final class TableDefinition {
    private TableDefinition() {
    }

    static String columnsAndConstraints(ModelNode model, Function<String, String> render) {
        List<String> parts = new ArrayList<>();
        for (ColumnSpec c : model.columns().values()) {
            StringBuilder col = new StringBuilder(Relation.quote(c.name())).append(' ').append(c.dataType());
            for (Object o : c.constraints()) {
                String sql = columnConstraint(model, c.name(), map(model, o), render);
                if (!sql.isEmpty()) {
                    col.append(' ').append(sql);
                }
            }
            parts.add(col.toString());
        }
        for (Object o : model.constraints()) {
            String sql = modelConstraint(model, map(model, o), render);
            if (!sql.isEmpty()) {
                parts.add(sql);
            }
        }
        return "(\n    " + String.join(",\n    ", parts) + "\n)";
    }

    /**
     * For a relation, the definition of the contracted table model built there (null when
     * there is none): lets a foreign-key parent's swap re-create dependents it detaches.
     */
    public static Function<Relation, String> contractedTables(java.util.Collection<ModelNode> models,
                                                               java.util.function.BiFunction<ModelNode, String, String> render) {
        return relation -> models.stream()
                .filter(m -> m.contractEnforced() && m.relation().identifier().equalsIgnoreCase(relation.identifier())
                        && java.util.Objects.equals(m.relation().schema(), relation.schema()))
                .findFirst()
                .map(m -> columnsAndConstraints(m, template -> render.apply(m, template)))
                .orElse(null);
    }

    /** {@code ("a", "b")}: the INSERT's column list in declared order. */
    static String columnNames(ModelNode model) {
        return model.columns().values().stream().map(c -> Relation.quote(c.name()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Whether the contract declares a foreign key (then the table is built in place, see RelationSwap). */
    public static boolean declaresForeignKey(ModelNode model) {
        List<Object> all = new ArrayList<>(model.constraints());
        model.columns().values().forEach(c -> all.addAll(c.constraints()));
        return all.stream().anyMatch(o -> o instanceof Map<?, ?> m && "foreign_key".equals(String.valueOf(m.get("type"))));
    }

    private static String columnConstraint(ModelNode model, String column, Map<?, ?> c, Function<String, String> render) {
        String prefix = c.get("name") == null ? "" : "constraint " + c.get("name") + " ";
        String type = type(model, c);
        return switch (type) {
            case "not_null" -> prefix + "not null";
            case "unique" -> prefix + "unique";
            case "primary_key" -> prefix + "primary key";
            case "check" -> prefix + "check (" + expression(model, column, c) + ")";
            case "foreign_key" -> prefix + "references " + reference(model, column, c, render);
            case "custom" -> expression(model, column, c);
            default -> throw unknown(model, type);
        };
    }

    private static String modelConstraint(ModelNode model, Map<?, ?> c, Function<String, String> render) {
        String prefix = c.get("name") == null ? "" : "constraint " + c.get("name") + " ";
        String type = type(model, c);
        String columns = c.get("columns") instanceof List<?> l
                ? String.join(", ", l.stream().map(String::valueOf).toList()) : "";
        return switch (type) {
            case "check" -> prefix + "check (" + expression(model, null, c) + ")";
            case "unique" -> prefix + "unique (" + needColumns(model, type, columns) + ")";
            case "primary_key" -> prefix + "primary key (" + needColumns(model, type, columns) + ")";
            case "foreign_key" -> prefix + "foreign key (" + needColumns(model, type, columns) + ") references "
                    + reference(model, null, c, render);
            case "custom" -> expression(model, null, c);
            case "not_null" -> throw new MallardException(ErrorCode.PROJECT, "model '" + model.name()
                    + "': a not_null constraint must be declared on a column, not at model level",
                    where(model), 0, "move it under the column's 'constraints:'", null);
            default -> throw unknown(model, type);
        };
    }

    private static String reference(ModelNode model, String column, Map<?, ?> c, Function<String, String> render) {
        Object to = c.get("to");
        if (to != null && c.get("to_columns") instanceof List<?> cols && !cols.isEmpty()) {
            String target = String.valueOf(to).contains("(") && !String.valueOf(to).contains("{{")
                    ? render.apply("{{ " + to + " }}") : render.apply(String.valueOf(to));
            return target.strip() + " (" + String.join(", ", cols.stream().map(String::valueOf).toList()) + ")";
        }
        if (c.get("expression") != null) {
            return render.apply(String.valueOf(c.get("expression"))).strip();
        }
        throw new MallardException(ErrorCode.PROJECT, "model '" + model.name() + "': the foreign_key constraint"
                + (column == null ? "" : " on column '" + column + "'") + " needs 'to' with 'to_columns', or 'expression'",
                where(model), 0, "e.g. to: ref('customers') and to_columns: [id]", null);
    }

    private static String expression(ModelNode model, String column, Map<?, ?> c) {
        Object e = c.get("expression");
        if (e == null || String.valueOf(e).isBlank()) {
            throw new MallardException(ErrorCode.PROJECT, "model '" + model.name() + "': the " + c.get("type")
                    + " constraint" + (column == null ? "" : " on column '" + column + "'") + " needs an 'expression'",
                    where(model), 0);
        }
        return String.valueOf(e);
    }

    private static String needColumns(ModelNode model, String type, String columns) {
        if (columns.isEmpty()) {
            throw new MallardException(ErrorCode.PROJECT, "model '" + model.name() + "': the model-level " + type
                    + " constraint needs 'columns:'", where(model), 0);
        }
        return columns;
    }

    private static Map<?, ?> map(ModelNode model, Object o) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new MallardException(ErrorCode.PROJECT, "model '" + model.name() + "': each constraint must be a mapping "
                + "with a 'type'", where(model), 0);
    }

    private static String type(ModelNode model, Map<?, ?> c) {
        Object t = c.get("type");
        if (t == null) {
            throw new MallardException(ErrorCode.PROJECT, "model '" + model.name() + "': a constraint has no 'type'",
                    where(model), 0, "one of not_null, unique, primary_key, foreign_key, check, custom", null);
        }
        return String.valueOf(t).toLowerCase(Locale.ROOT);
    }

    private static MallardException unknown(ModelNode model, String type) {
        return new MallardException(ErrorCode.PROJECT, "model '" + model.name() + "': unknown constraint type '" + type + "'",
                where(model), 0, "one of not_null, unique, primary_key, foreign_key, check, custom", null);
    }

    static String where(ModelNode model) {
        return model.patchPath() == null ? model.originalFilePath()
                : model.patchPath().substring(model.patchPath().indexOf("://") + 3);
    }
}
