package dev.mallard.core.materialize;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.Node;
import java.util.Locale;

/**
 * A failed pre- or post-hook, named with its model and statement. DuckDB cannot add a
 * FOREIGN KEY or CHECK constraint to an existing table (the {@code ALTER TABLE ... ADD
 * CONSTRAINT} post-hooks of seed 001); the hint points at the {@code constraints:} form,
 * which creates them with the table.
 */
final class HookFailure {
    private HookFailure() {
    }

    static RuntimeException explain(Node node, String sql, RuntimeException e) {
        String text = String.valueOf(e.getMessage());
        String lower = text.toLowerCase(Locale.ROOT);
        String statement = sql.strip();
        if (lower.contains("no support for adding") || lower.contains("not implemented")
                && statement.toLowerCase(Locale.ROOT).contains("add constraint")) {
            return new MallardException(ErrorCode.SQL, "model '" + node.name() + "': hook failed, DuckDB cannot run `"
                    + statement + "`: " + firstLine(text), node.originalFilePath(), 0,
                    "DuckDB cannot add FOREIGN KEY or CHECK constraints to an existing table; declare them in the "
                    + "model's properties with contract: {enforced: true} and 'constraints:' (e.g. type: foreign_key, "
                    + "to: ref('teams'), to_columns: [team_id]), which creates them with the table", e);
        }
        return e;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
