package dev.mallard.docs.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mallard.docs.lineage.ColumnLineage;
import dev.mallard.docs.lineage.ColumnRef;
import dev.mallard.docs.lineage.ModelLineage;
import dev.mallard.docs.lineage.ProjectLineage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON document the site's page reads: every node with its rendered description,
 * catalog columns, tests and their last results, SQL, config and column lineage.
 */
final class SiteData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NODE_TYPES = List.of("model", "seed", "snapshot", "test", "analysis");

    private final SiteArtifacts artifacts;
    private final ProjectLineage lineage;
    private final Markdown markdown = new Markdown();
    private final Map<String, JsonNode> results = new HashMap<>();
    private final Map<String, JsonNode> freshness = new HashMap<>();

    SiteData(SiteArtifacts artifacts, ProjectLineage lineage) {
        this.artifacts = artifacts;
        this.lineage = lineage;
        if (artifacts.runResults() != null) {
            artifacts.runResults().path("results").forEach(r -> results.put(r.path("unique_id").asText(), r));
        }
        if (artifacts.sources() != null) {
            artifacts.sources().path("results").forEach(r -> freshness.put(r.path("unique_id").asText(), r));
        }
    }

    ObjectNode build() {
        JsonNode manifest = artifacts.manifest();
        ObjectNode out = JSON.createObjectNode();
        JsonNode meta = manifest.path("metadata");
        out.put("project", meta.path("project_name").asText(""));
        out.put("generated_at", meta.path("generated_at").asText(""));
        out.put("overview", markdown.html(overview(manifest)));
        ArrayNode nodes = out.putArray("nodes");
        manifest.path("nodes").forEach(n -> {
            if (NODE_TYPES.contains(n.path("resource_type").asText())) {
                nodes.add(node(n));
            }
        });
        manifest.path("sources").forEach(n -> nodes.add(node(n)));
        manifest.path("exposures").forEach(n -> nodes.add(node(n)));
        manifest.path("macros").forEach(n -> {
            // dbt's docs site leaves out a macro whose properties say docs: {show: false}
            if (!n.path("package_name").asText().equals("dbt") && n.path("docs").path("show").asBoolean(true)) {
                nodes.add(macro(n));
            }
        });
        return out;
    }

    private String overview(JsonNode manifest) {
        String own = "doc." + manifest.path("metadata").path("project_name").asText() + ".__overview__";
        JsonNode docs = manifest.path("docs");
        JsonNode doc = docs.has(own) ? docs.get(own) : docs.path("doc.dbt.__overview__");
        return doc.path("block_contents").asText("");
    }

    private ObjectNode node(JsonNode n) {
        String id = n.path("unique_id").asText();
        String type = n.path("resource_type").asText();
        ObjectNode o = base(n, type);
        o.put("desc", markdown.html(n.path("description").asText("")));
        o.put("materialized", n.path("config").path("materialized").asText(""));
        o.put("relation", n.path("relation_name").asText(""));
        o.set("tags", n.path("tags"));
        o.set("deps", n.path("depends_on").path("nodes"));
        o.set("config", n.path("config"));
        // docs: {show: false} keeps a node off dbt's sidebar and out of its search; its page and
        // its place in the lineage graph (greyed) stay
        if (!n.path("docs").path("show").asBoolean(true)) {
            o.put("hidden", true);
        }
        if (n.has("raw_code")) {
            o.put("raw", n.path("raw_code").asText(""));
            o.put("compiled", n.path("compiled_code").asText(""));
        }
        if (type.equals("test")) {
            o.put("attached", n.path("attached_node").asText(""));
            o.put("column", n.path("column_name").asText(""));
            o.put("test", n.path("test_metadata").path("name").asText("singular"));
        }
        if (type.equals("source")) {
            o.put("source", n.path("source_name").asText(""));
            o.put("loader", n.path("loader").asText(""));
            JsonNode f = freshness.get(id);
            if (f != null) {
                o.put("freshness", f.path("status").asText("") + " (max loaded at " + f.path("max_loaded_at").asText("?")
                        + ", checked " + f.path("snapshotted_at").asText("?") + ")");
            }
        }
        if (type.equals("exposure")) {
            o.put("owner", n.path("owner").path("name").asText(n.path("owner").path("email").asText("")));
            o.put("url", n.path("url").asText(""));
        }
        JsonNode result = results.get(id);
        if (result != null) {
            o.put("status", result.path("status").asText(""));
            o.put("message", result.path("message").asText(""));
            o.put("failures", result.path("failures").asText(""));
        }
        JsonNode cat = catalogEntry(id, type);
        if (!cat.isMissingNode()) {
            JsonNode rows = cat.path("stats").path("row_count").path("value");
            if (rows.isNumber()) {
                o.put("rows", rows.asLong());
            }
            o.put("table_type", cat.path("metadata").path("type").asText(""));
        }
        o.set("columns", columns(id, n, cat));
        ModelLineage ml = lineage.models().get(id);
        if (ml != null && ml.error() != null) {
            o.put("lineage_error", ml.error());
        }
        return o;
    }

    private ObjectNode base(JsonNode n, String type) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", n.path("unique_id").asText());
        o.put("type", type);
        o.put("name", type.equals("source") ? n.path("source_name").asText() + "." + n.path("name").asText()
                : n.path("name").asText());
        o.put("package", n.path("package_name").asText(""));
        o.put("path", n.path("original_file_path").asText(""));
        return o;
    }

    private ObjectNode macro(JsonNode n) {
        ObjectNode o = base(n, "macro");
        o.put("desc", markdown.html(n.path("description").asText("")));
        o.put("raw", n.path("macro_sql").asText(""));
        ArrayNode args = o.putArray("args");
        n.path("arguments").forEach(a -> {
            ObjectNode arg = args.addObject();
            arg.put("name", a.path("name").asText());
            arg.put("type", a.path("type").asText(""));
            arg.put("desc", markdown.html(a.path("description").asText("")));
        });
        o.set("deps", JSON.createArrayNode());
        o.set("columns", JSON.createArrayNode());
        return o;
    }

    private JsonNode catalogEntry(String id, String type) {
        if (artifacts.catalog() == null) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return artifacts.catalog().path(type.equals("source") ? "sources" : "nodes").path(id);
    }

    /** Catalog columns first (in the table's order, with their types), then documented ones the catalog lacks. */
    private ArrayNode columns(String id, JsonNode n, JsonNode cat) {
        ArrayNode out = JSON.createArrayNode();
        Map<String, ObjectNode> byName = new java.util.LinkedHashMap<>();
        java.util.List<JsonNode> catCols = new java.util.ArrayList<>();
        cat.path("columns").forEach(catCols::add);
        catCols.sort((a, b) -> Integer.compare(a.path("index").asInt(), b.path("index").asInt()));
        for (JsonNode c : catCols) {
            ObjectNode col = JSON.createObjectNode();
            col.put("name", c.path("name").asText());
            col.put("type", c.path("type").asText(""));
            byName.put(c.path("name").asText().toLowerCase(java.util.Locale.ROOT), col);
        }
        n.path("columns").forEach(c -> {
            String name = c.path("name").asText();
            ObjectNode col = byName.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), k -> {
                ObjectNode fresh = JSON.createObjectNode();
                fresh.put("name", name);
                fresh.put("type", c.path("data_type").asText(""));
                return fresh;
            });
            col.put("desc", markdown.html(c.path("description").asText("")));
        });
        for (ObjectNode col : byName.values()) {
            ColumnLineage cl = lineage.models().containsKey(id)
                    ? lineage.lineageOf(new ColumnRef(id, col.path("name").asText())) : null;
            if (cl != null) {
                ObjectNode l = col.putObject("lineage");
                ArrayNode up = l.putArray("up");
                cl.upstream().forEach(r -> up.add(JSON.createArrayNode().add(r.node()).add(r.column())));
                l.put("direct", cl.direct());
                ArrayNode unresolved = l.putArray("unresolved");
                cl.unresolved().forEach(unresolved::add);
            }
            out.add(col);
        }
        return out;
    }
}
