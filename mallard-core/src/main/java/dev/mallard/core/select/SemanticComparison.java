package dev.mallard.core.select;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code state:modified} for semantic models, metrics and saved queries. dbt writes these
 * entries normalised (a measure named by a string becomes {@code {name: ..., filter: null,
 * ...}}, defaults spelled out, filters parsed) where Mallard writes them as the YAML gave
 * them, so both are compared in one canonical form: keys whose value is null, false or empty
 * are dropped, a measure or metric named by a string becomes {@code {name}}, a filter or
 * where clause becomes the list of its texts, and key order does not matter. A change that
 * the canonical form keeps (an expression, an aggregation, a dimension, a metric list) is a
 * modification; the defaults either tool fills in are not.
 */
final class SemanticComparison {
    private static final Set<String> NAMED = Set.of("measure", "numerator", "denominator", "base_measure",
            "conversion_measure");
    private static final Set<String> TEXTS = Set.of("filter", "where");
    /** Top-level keys compared apart or that are bookkeeping; input_measures (dbt derives it) is skipped anywhere. */
    private static final Set<String> IGNORED = Set.of("input_measures", "created_at", "unique_id", "path",
            "original_file_path", "package_name", "resource_type", "unrendered_config", "refs", "node_relation",
            "metadata", "model", "sources", "metrics", "tags", "meta", "group", "config", "depends_on", "name",
            "description", "label");

    private SemanticComparison() {
    }

    static boolean same(JsonNode old, JsonNode now) {
        return Objects.equals(canonical(old, ""), canonical(now, ""))
                && text(old.get("description")).equals(text(now.get("description")))
                && text(old.get("label")).equals(text(now.get("label")))
                && dependsOn(old).equals(dependsOn(now))
                && Objects.equals(canonical(old.path("config").get("group"), ""),
                        canonical(now.path("config").get("group"), ""))
                && Objects.equals(canonical(old.path("config").get("meta"), ""),
                        canonical(now.path("config").get("meta"), ""));
    }

    /** Null for what counts as absent; maps sorted by key; texts of filters; named references as {name}. */
    static Object canonical(JsonNode node, String key) {
        if (node == null || node.isNull() || node.isBoolean() && !node.asBoolean()) {
            return null;
        }
        if (TEXTS.contains(key)) {
            List<String> texts = new ArrayList<>();
            collectTexts(node, texts);
            return texts.isEmpty() ? null : texts;
        }
        if (NAMED.contains(key) && node.isTextual()) {
            return Map.of("name", node.asText());
        }
        if (node.isObject()) {
            Map<String, Object> out = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (key.isEmpty() && IGNORED.contains(e.getKey()) || e.getKey().equals("input_measures")) {
                    continue;
                }
                Object value = canonical(e.getValue(), e.getKey());
                if (value != null) {
                    out.put(e.getKey(), value);
                }
            }
            return out.isEmpty() ? null : out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode item : node) {
                Object value = "metrics".equals(key) && item.isTextual() ? Map.of("name", item.asText())
                        : canonical(item, "item");
                if (value != null) {
                    out.add(value);
                }
            }
            return out.isEmpty() ? null : out;
        }
        return node.asText();
    }

    private static void collectTexts(JsonNode node, List<String> out) {
        if (node.isTextual() && !node.asText().isBlank()) {
            out.add(node.asText().strip());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectTexts(child, out));
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static Set<String> dependsOn(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.path("depends_on").path("nodes").forEach(n -> out.add(n.asText()));
        return out;
    }
}
