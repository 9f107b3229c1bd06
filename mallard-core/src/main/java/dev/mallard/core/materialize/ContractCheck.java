package dev.mallard.core.materialize;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.ColumnSpec;
import dev.mallard.core.manifest.ModelNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An enforced contract's check before building: the model's SELECT must yield exactly the
 * declared columns. Declared types are resolved by the engine ({@code cast(null as T)}),
 * as dbt-duckdb does, so {@code int} and {@code integer} match, and compared as the engine's
 * dialect says (on Postgres by type family, as dbt-postgres).
 */
final class ContractCheck {
    private ContractCheck() {
    }

    static void verify(ModelNode model, String select, EngineSession session) {
        List<String> untyped = model.columns().values().stream().filter(c -> c.dataType() == null
                || c.dataType().isBlank()).map(ColumnSpec::name).toList();
        if (model.columns().isEmpty() || !untyped.isEmpty()) {
            throw new MallardException(ErrorCode.PROJECT, "model '" + model.name() + "' has an enforced contract, "
                    + (model.columns().isEmpty() ? "but declares no columns"
                    : "but these columns have no data_type: " + String.join(", ", untyped)),
                    TableDefinition.where(model), 0,
                    "contracted models require data_type to be defined for each column", null);
        }
        List<ColumnInfo> actual = compared(session, session.query("select * from (\n" + select
                + "\n) as model_subq limit 0", 0).columns());
        List<ColumnInfo> declared = compared(session, session.query(declaredSelect(model), 0).columns());
        Map<String, ColumnInfo> actualByName = byName(actual);
        Map<String, ColumnInfo> declaredByName = byName(declared);
        List<String[]> rows = new ArrayList<>();
        for (ColumnInfo a : actual) {
            ColumnInfo d = declaredByName.get(key(a.name()));
            if (d == null) {
                rows.add(new String[] {a.name(), a.type(), "", "missing in contract"});
            } else if (!a.type().equalsIgnoreCase(d.type())) {
                rows.add(new String[] {a.name(), a.type(), d.type(), "data type mismatch"});
            }
        }
        for (ColumnInfo d : declared) {
            if (!actualByName.containsKey(key(d.name()))) {
                rows.add(new String[] {d.name(), "", d.type(), "missing in definition"});
            }
        }
        rows.sort(java.util.Comparator.comparing(r -> r[0]));
        if (!rows.isEmpty()) {
            throw new MallardException(ErrorCode.SQL, "model '" + model.name() + "' has an enforced contract that failed."
                    + System.lineSeparator() + "Please ensure the name, data_type, and number of columns in your contract "
                    + "match the columns in your model's definition." + System.lineSeparator() + System.lineSeparator()
                    + table(rows), model.originalFilePath(), 0,
                    "change the model's SELECT or the columns and data_type under 'columns:' so that they agree", null);
        }
    }

    private static List<ColumnInfo> compared(EngineSession session, List<ColumnInfo> columns) {
        return columns.stream().map(c -> new ColumnInfo(c.name(), session.dialect().contractType(c.type()))).toList();
    }

    /** Columns the declared way, in declared order: the INSERT's column list. */
    static String declaredSelect(ModelNode model) {
        StringBuilder sb = new StringBuilder("select ");
        boolean first = true;
        for (ColumnSpec c : model.columns().values()) {
            sb.append(first ? "" : ", ").append("cast(null as ").append(c.dataType()).append(") as ")
                    .append(Relation.quote(c.name()));
            first = false;
        }
        return sb.append(" limit 0").toString();
    }

    private static Map<String, ColumnInfo> byName(List<ColumnInfo> columns) {
        Map<String, ColumnInfo> out = new LinkedHashMap<>();
        columns.forEach(c -> out.put(key(c.name()), c));
        return out;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String table(List<String[]> rows) {
        String[] head = {"column_name", "definition_type", "contract_type", "mismatch_reason"};
        int[] width = new int[4];
        for (int i = 0; i < 4; i++) {
            width[i] = head[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, width);
        String[] rule = new String[4];
        for (int i = 0; i < 4; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        line(sb, rule, width);
        rows.forEach(r -> line(sb, r, width));
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        sb.append('|');
        for (int i = 0; i < 4; i++) {
            sb.append(' ').append(String.format(Locale.ROOT, "%-" + width[i] + "s", cells[i])).append(" |");
        }
        sb.append(System.lineSeparator());
    }
}
