package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import java.util.Collection;
import java.util.Set;

/**
 * dbt-core's rule when it parses a project: an incremental model with an enforced contract
 * must say what a change of its columns does, {@code on_schema_change='append_new_columns'}
 * or {@code 'fail'}; {@code ignore} (the default) or {@code sync_all_columns} could leave the
 * table off its contract.
 */
final class ContractedIncrementals {
    private static final Set<String> ALLOWED = Set.of("append_new_columns", "fail");

    private ContractedIncrementals() {
    }

    static void check(Collection<Node> nodes) {
        for (Node n : nodes) {
            if (n instanceof ModelNode m && m.contractEnforced() && "incremental".equals(m.config().materialized())) {
                Object value = m.config().get("on_schema_change");
                String mode = value == null ? "ignore" : String.valueOf(value).strip();
                if (!ALLOWED.contains(mode)) {
                    throw new MallardException(ErrorCode.PROJECT, "model '" + m.name() + "': invalid value for "
                            + "on_schema_change: " + mode + ". Models materialized as incremental with contracts "
                            + "enabled must set on_schema_change to 'append_new_columns' or 'fail'",
                            m.originalFilePath(), 0, "add on_schema_change='append_new_columns' (or 'fail') to the "
                            + "model's config", null);
                }
            }
        }
    }
}
