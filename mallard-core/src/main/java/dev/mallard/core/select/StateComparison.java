package dev.mallard.core.select;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * dbt's {@code state:} selector checks ({@code StateSelectorMethod} and the
 * {@code same_*} methods of its nodes), comparing a node's entry in this project's
 * manifest with its entry in a previous manifest.json; both are manifest v12 JSON.
 * A missing previous entry is null. A node is also modified when a macro it calls (or a
 * macro those call) changed; see {@link MacroChanges}.
 */
final class StateComparison {
    /** Config keys dbt leaves out of config comparison (they are compared as the relation, or not at all). */
    private static final Set<String> NOT_CONFIG = Set.of("alias", "schema", "database", "tags", "group");
    /** The only config keys dbt compares for a data test. */
    private static final List<String> TEST_MODIFIERS = List.of("severity", "where", "limit", "fail_calc", "warn_if",
            "error_if", "store_failures", "store_failures_as");

    private StateComparison() {
    }

    /**
     * The check {@code state:<value>} applies to (previous entry, current entry).
     *
     * @param macros the macro changes between the two manifests, computed when first needed
     */
    static BiPredicate<JsonNode, JsonNode> check(String value, String raw, Supplier<MacroChanges> macros) {
        return switch (value) {
            case "new" -> (old, now) -> old == null;
            case "old" -> (old, now) -> old != null;
            case "modified" -> (old, now) -> !sameContents(old, now) || macros.get().reachesModified(now);
            case "unmodified" -> (old, now) -> sameContents(old, now) && !macros.get().reachesModified(now);
            case "modified.macros" -> (old, now) -> macros.get().reachesModified(now);
            case "modified.body" -> (old, now) -> !isSource(now) && (old == null || !sameBody(old, now));
            case "modified.configs" -> (old, now) -> old == null || !sameConfig(old, now);
            case "modified.persisted_descriptions" -> (old, now) -> !isSource(now)
                    && (old == null || !samePersistedDescription(old, now));
            case "modified.relation" -> (old, now) -> old == null || !sameDatabaseRepresentation(old, now);
            case "modified.contract" -> throw new MallardException(ErrorCode.USAGE, "selector '"
                    + raw + "' is not supported yet (Mallard does not record contract checksums)");
            default -> throw new MallardException(ErrorCode.USAGE, "invalid state selector '" + raw + "'", null, 0,
                    "use state:new, state:old, state:modified, state:unmodified, state:modified.body, "
                            + "state:modified.configs, state:modified.relation, state:modified.persisted_descriptions "
                            + "or state:modified.macros",
                    null);
        };
    }

    static boolean sameContents(JsonNode old, JsonNode now) {
        if (old == null) {
            return false;
        }
        if (isSource(now)) {
            return sameDatabaseRepresentation(old, now) && same(old, now, "fqn") && sameConfig(old, now)
                    && same(old, now, "quoting") && same(old, now, "freshness") && same(old, now, "loaded_at_field")
                    && same(old, now, "external");
        }
        if (Set.of("semantic_model", "metric", "saved_query").contains(now.path("resource_type").asText())) {
            return SemanticComparison.same(old, now) && same(old, now, "fqn");
        }
        if ("exposure".equals(now.path("resource_type").asText())) {
            boolean same = true;
            for (String key : List.of("fqn", "type", "owner", "maturity", "url", "description", "label")) {
                same = same && same(old, now, key);
            }
            return same && sameConfig(old, now) && dependsOnNodes(old).equals(dependsOnNodes(now));
        }
        if (isGenericTest(now)) {
            return sameConfig(old, now) && same(old, now, "fqn");
        }
        boolean same = sameBody(old, now) && sameConfig(old, now) && samePersistedDescription(old, now)
                && same(old, now, "fqn") && sameDatabaseRepresentation(old, now);
        if ("model".equals(now.path("resource_type").asText())) {
            same = same && same(old, now, "access") && same(old, now, "latest_version")
                    && same(old, now, "deprecation_date");
        }
        return same;
    }

    /** Seeds compare file checksums; SQL nodes their code (stripped, as dbt keeps it). */
    static boolean sameBody(JsonNode old, JsonNode now) {
        if ("seed".equals(now.path("resource_type").asText())) {
            return old.path("checksum").equals(now.path("checksum"));
        }
        return same(old, now, "raw_code");
    }

    /**
     * The configs as written (unrendered): every key but those of the relation, tags and
     * group; for a data test only the keys that change its outcome. A key set on one side
     * only differs, even when set to null.
     */
    static boolean sameConfig(JsonNode old, JsonNode now) {
        JsonNode a = old.path("unrendered_config");
        JsonNode b = now.path("unrendered_config");
        Collection<String> keys;
        if ("test".equals(now.path("resource_type").asText())) {
            keys = TEST_MODIFIERS;
        } else {
            Set<String> all = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(all::add);
            b.fieldNames().forEachRemaining(all::add);
            all.removeAll(NOT_CONFIG);
            keys = all;
        }
        for (String key : keys) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                return false;
            }
        }
        return true;
    }

    /** Descriptions matter only where persist_docs writes them into the database. */
    static boolean samePersistedDescription(JsonNode old, JsonNode now) {
        JsonNode persist = now.path("config").path("persist_docs");
        if (persist.path("relation").asBoolean(false) && !same(old, now, "description")) {
            return false;
        }
        if (persist.path("columns").asBoolean(false)) {
            return columnDescriptions(old).equals(columnDescriptions(now));
        }
        return true;
    }

    /**
     * The relation as configured, not as rendered: a different target (prod vs dev) is not
     * a modification. Sources compare their database, schema and identifier.
     */
    static boolean sameDatabaseRepresentation(JsonNode old, JsonNode now) {
        if (isSource(now)) {
            return same(old, now, "database") && same(old, now, "schema") && same(old, now, "identifier");
        }
        for (String key : new String[] {"database", "schema", "alias"}) {
            if (!nullable(old.path("unrendered_config").get(key)).equals(nullable(now.path("unrendered_config").get(key)))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> columnDescriptions(JsonNode node) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("columns").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().path("description").asText(""));
        }
        return out;
    }

    private static java.util.Set<String> dependsOnNodes(JsonNode node) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        node.path("depends_on").path("nodes").forEach(n -> out.add(n.asText()));
        return out;
    }

    private static boolean isGenericTest(JsonNode node) {
        return "test".equals(node.path("resource_type").asText()) && node.hasNonNull("test_metadata");
    }

    private static boolean isSource(JsonNode node) {
        return "source".equals(node.path("resource_type").asText());
    }

    private static boolean same(JsonNode old, JsonNode now, String key) {
        return nullable(old.get(key)).equals(nullable(now.get(key)));
    }

    /** A missing key and an explicit null are the same, as Python's dict.get makes them. */
    private static JsonNode nullable(JsonNode n) {
        return n == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : n;
    }
}
