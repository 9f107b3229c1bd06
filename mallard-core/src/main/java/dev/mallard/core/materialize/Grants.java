package dev.mallard.core.materialize;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.SeedNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dbt's {@code grants: {privilege: [grantee, ...]}} config, on engines with GRANT (Postgres):
 * after a model, seed or snapshot is built, the configured privileges are granted, as
 * dbt-postgres does. A relation built anew (a table swapped in, a view re-created) has no
 * grants, so everything is granted; one kept across runs (an incremental model, a seed
 * refilled in place, a snapshot) first has the grants the config no longer names revoked,
 * those the current role gave. DuckDB has no GRANT, and dbt-duckdb ignores the config.
 */
public final class Grants {
    private Grants() {
    }

    /** The node's grants config as privilege to grantees, empty when none or not applicable. */
    public static Map<String, List<String>> configured(Node node) {
        if (!(node instanceof ModelNode || node instanceof SeedNode)
                || node instanceof ModelNode m && m.isEphemeral()
                || !(node.config().get("grants") instanceof Map<?, ?> grants)) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : grants.entrySet()) {
            List<String> grantees = new ArrayList<>();
            if (e.getValue() instanceof List<?> list) {
                list.forEach(g -> grantees.add(String.valueOf(g).strip()));
            } else if (e.getValue() != null && !String.valueOf(e.getValue()).isBlank()) {
                grantees.add(String.valueOf(e.getValue()).strip());
            }
            String privilege = String.valueOf(e.getKey()).strip();
            if (!privilege.matches("[A-Za-z][A-Za-z ]*")) {
                throw new MallardException(ErrorCode.PROJECT, node.resourceType().dbtName() + " '" + node.name()
                        + "': '" + privilege + "' is not a privilege for 'grants'", node.originalFilePath(), 0,
                        "e.g. grants: {select: ['reporter']}", null);
            }
            out.put(privilege.toLowerCase(java.util.Locale.ROOT), grantees);
        }
        return out;
    }

    /**
     * Grants what the config names on the built relation; with {@code kept} (the relation
     * existed before and this build did not replace it) revokes first what it no longer names.
     */
    public static void apply(MaterializationContext ctx, Map<String, List<String>> grants, boolean kept) {
        if (grants.isEmpty() || grants.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        Relation target = ctx.node().relation();
        Map<String, Set<String>> current = kept ? current(ctx, target) : Map.of();
        List<String> statements = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : current.entrySet()) {
            Set<String> gone = new LinkedHashSet<>(e.getValue());
            gone.removeAll(grants.getOrDefault(e.getKey(), List.of()));
            if (!gone.isEmpty()) {
                statements.add("revoke " + e.getKey() + " on " + target.render() + " from "
                        + String.join(", ", gone.stream().map(Relation::quote).toList()));
            }
        }
        for (Map.Entry<String, List<String>> e : grants.entrySet()) {
            Set<String> missing = new LinkedHashSet<>(e.getValue());
            missing.removeAll(current.getOrDefault(e.getKey(), Set.of()));
            if (!missing.isEmpty()) {
                statements.add("grant " + e.getKey() + " on " + target.render() + " to " + String.join(", ", missing));
            }
        }
        statements.forEach(ctx::run);
    }

    /** The privileges the current role gave others on {@code table}, as dbt-postgres reads them. */
    private static Map<String, Set<String>> current(MaterializationContext ctx, Relation table) {
        String sql = "select grantee, privilege_type from information_schema.role_table_grants where grantor = "
                + "current_role and grantee != current_role and table_schema = "
                + ForeignKeyDependents.literal(table.schema()) + " and table_name = "
                + ForeignKeyDependents.literal(table.identifier());
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (List<Object> row : ctx.session().query(sql).rows()) {
            out.computeIfAbsent(String.valueOf(row.get(1)).toLowerCase(java.util.Locale.ROOT),
                    k -> new LinkedHashSet<>()).add(String.valueOf(row.get(0)));
        }
        return out;
    }
}
