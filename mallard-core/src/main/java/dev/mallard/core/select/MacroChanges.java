package dev.mallard.core.select;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The macros that differ between a previous manifest and this project's (added, removed or
 * with another {@code macro_sql}), and whether a node reaches one through its
 * {@code depends_on.macros}, directly or through the macros those call (dbt's
 * {@code state:modified.macros}).
 * <p>
 * Unlike dbt, the macros of dbt's own packages ({@code dbt}, {@code dbt_duckdb}) are not
 * compared: they are the tool's, not the project's, and Mallard's library is its own text,
 * so a state written by dbt would otherwise mark every generic test modified.
 */
final class MacroChanges {
    private static final Set<String> TOOL_PACKAGES = Set.of("dbt", "dbt_duckdb");

    private final Set<String> modified = new HashSet<>();
    private final JsonNode macros;

    private MacroChanges(JsonNode previous, JsonNode current) {
        this.macros = current.path("macros");
        JsonNode old = previous.path("macros");
        for (Iterator<Map.Entry<String, JsonNode>> it = macros.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode before = old.get(e.getKey());
            if (!isTool(e.getValue()) && (before == null
                    || !before.path("macro_sql").asText("").equals(e.getValue().path("macro_sql").asText("")))) {
                modified.add(e.getKey());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = old.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!isTool(e.getValue()) && !macros.has(e.getKey())) {
                modified.add(e.getKey());
            }
        }
    }

    /** The changes from {@code previous} to {@code current}, both manifest v12 JSON. */
    static MacroChanges between(JsonNode previous, JsonNode current) {
        return new MacroChanges(previous, current);
    }

    /** Whether a node's (or macro's) macros, followed through their own calls, include a changed one. */
    boolean reachesModified(JsonNode entry) {
        return !modified.isEmpty() && reaches(entry, new HashSet<>());
    }

    private boolean reaches(JsonNode entry, Set<String> visited) {
        for (JsonNode id : entry.path("depends_on").path("macros")) {
            String uid = id.asText();
            if (!visited.add(uid)) {
                continue;
            }
            if (modified.contains(uid)) {
                return true;
            }
            JsonNode macro = macros.get(uid);
            if (macro != null && reaches(macro, visited)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTool(JsonNode macro) {
        return TOOL_PACKAGES.contains(macro.path("package_name").asText());
    }
}
