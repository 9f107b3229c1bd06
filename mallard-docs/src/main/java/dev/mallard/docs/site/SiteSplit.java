package dev.mallard.docs.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits the site's data in two so a large project opens fast: an index the page loads at
 * once (names, types, dependencies, plain text to search, column names and column lineage)
 * and chunks of details (rendered descriptions, column types, SQL, config) that a node's
 * page loads when it is opened.
 */
final class SiteSplit {
    static final int CHUNK = 250;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INDEX_FIELDS = Set.of("id", "type", "name", "package", "path", "deps", "tags",
            "materialized", "status", "attached", "column", "test", "source", "hidden");

    /** A test's fields its page needs but the index does not (tests outnumber models). */
    private static final Set<String> TEST_DETAILS = Set.of("path", "materialized", "deps");

    record Split(ObjectNode index, List<ArrayNode> chunks) {
    }

    static Split split(ObjectNode full) {
        ObjectNode index = JSON.createObjectNode();
        full.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("nodes")) {
                index.set(f.getKey(), f.getValue());
            }
        });
        ArrayNode nodes = index.putArray("nodes");
        Map<String, Integer> position = new HashMap<>();
        JsonNode all = full.path("nodes");
        for (int i = 0; i < all.size(); i++) {
            position.put(all.get(i).path("id").asText(), i);
        }
        List<ArrayNode> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            JsonNode n = all.get(i);
            ObjectNode entry = JSON.createObjectNode();
            ObjectNode detail = JSON.createObjectNode();
            n.fields().forEachRemaining(f -> {
                boolean test = n.path("type").asText().equals("test");
                if (test && f.getKey().equals("attached") && position.containsKey(f.getValue().asText())) {
                    entry.put("attached", position.get(f.getValue().asText())); // an index: 20,000 tests add up
                } else if (INDEX_FIELDS.contains(f.getKey()) && !(test && TEST_DETAILS.contains(f.getKey()))) {
                    if (!empty(f.getValue())) {
                        entry.set(f.getKey(), f.getValue());
                    }
                } else if (!f.getKey().equals("columns")) {
                    JsonNode value = f.getKey().equals("config") ? compact(f.getValue()) : f.getValue();
                    if (!empty(value)) {
                        detail.set(f.getKey(), value);
                    }
                }
            });
            StringBuilder text = new StringBuilder(plain(n.path("desc").asText("")));
            ArrayNode cols = JSON.createArrayNode();
            ArrayNode lineage = JSON.createArrayNode();
            ArrayNode detailCols = detail.putArray("columns");
            boolean anyLineage = false;
            for (JsonNode c : n.path("columns")) {
                cols.add(c.path("name").asText());
                text.append(' ').append(plain(c.path("desc").asText("")));
                ObjectNode dc = JSON.createObjectNode();
                dc.put("type", c.path("type").asText(""));
                dc.put("desc", c.path("desc").asText(""));
                detailCols.add(dc);
                JsonNode l = c.path("lineage");
                if (l.isMissingNode()) {
                    lineage.addNull();
                    continue;
                }
                anyLineage = true;
                ArrayNode up = JSON.createArrayNode();
                for (JsonNode ref : l.path("up")) {
                    Integer at = position.get(ref.get(0).asText());
                    up.add(JSON.createArrayNode().add(at == null ? JSON.getNodeFactory().textNode(ref.get(0).asText())
                            : JSON.getNodeFactory().numberNode(at)).add(ref.get(1).asText()));
                }
                // [direct (1/0), upstream [[node index, column]...], unresolved reasons]
                lineage.add(JSON.createArrayNode().add(l.path("direct").asBoolean() ? 1 : 0).add(up)
                        .add(l.path("unresolved")));
            }
            if (!cols.isEmpty()) {
                entry.set("cols", cols);
            }
            if (anyLineage) {
                entry.set("lin", lineage);
            }
            String t = text.toString().trim();
            if (!t.isEmpty()) {
                entry.put("text", t);
            }
            nodes.add(entry);
            if (i % CHUNK == 0) {
                chunks.add(JSON.createArrayNode());
            }
            chunks.get(chunks.size() - 1).add(detail);
        }
        index.put("chunks", chunks.size());
        index.put("chunk_size", CHUNK);
        return new Split(index, chunks);
    }

    private static boolean empty(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() || (v.isTextual() && v.asText().isEmpty())
                || (v.isContainerNode() && v.isEmpty());
    }

    /** Config without its null and empty entries: most of a node's config is defaults. */
    private static JsonNode compact(JsonNode config) {
        if (!config.isObject()) {
            return config;
        }
        ObjectNode out = JSON.createObjectNode();
        config.fields().forEachRemaining(f -> {
            JsonNode v = f.getValue().isObject() ? compact(f.getValue()) : f.getValue();
            if (!empty(v)) {
                out.set(f.getKey(), v);
            }
        });
        return out;
    }

    private static String plain(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replaceAll("\\s+", " ").trim();
    }
}
