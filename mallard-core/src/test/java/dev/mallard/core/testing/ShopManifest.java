package dev.mallard.core.testing;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.graph.Dag;
import dev.mallard.core.graph.Linker;
import dev.mallard.core.manifest.ColumnSpec;
import dev.mallard.core.manifest.DocBlock;
import dev.mallard.core.manifest.MacroInfo;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SeedNode;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.manifest.SourceNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small jaffle-shop-like project built in code, the same one as this dbt project:
 * <pre>
 * sources raw.orders, raw.customers (models/staging/sources.yml); seed countries
 * staging/stg_orders     <- raw.orders                 tags [staging]
 * staging/stg_customers  <- raw.customers              patched by models/staging/schema.yml
 * marts/orders           <- stg_orders, countries      table, tags [nightly]
 * marts/customers        <- stg_customers, orders      table, tags [nightly, pii]
 * marts/finance/revenue  <- orders                     incremental
 * reporting/dashboard    <- customers                  view
 * analyses/explore       <- orders                     analysis
 * </pre>
 */
public final class ShopManifest {
    public static final String PROJECT = "shop";

    private final Map<NodeId, Node> nodes = new LinkedHashMap<>();

    public static ShopManifest standard() {
        ShopManifest m = new ShopManifest();
        m.source("raw", "orders");
        m.source("raw", "customers");
        m.seed("countries");
        m.model("staging/stg_orders", Map.of("tags", List.of("staging")), List.of(), List.of("raw.orders"));
        m.add(m.buildModel(ResourceType.MODEL, "staging/stg_customers", Map.of(), List.of(), List.of("raw.customers"),
                PROJECT + "://models/staging/schema.yml", "staged customers"));
        m.model("marts/orders", Map.of("materialized", "table", "tags", List.of("nightly")),
                List.of("stg_orders", "countries"), List.of());
        m.model("marts/customers", Map.of("materialized", "table", "tags", List.of("nightly", "pii")),
                List.of("stg_customers", "orders"), List.of());
        m.model("marts/finance/revenue", Map.of("materialized", "incremental"), List.of("orders"), List.of());
        m.model("reporting/dashboard", Map.of(), List.of("customers"), List.of());
        m.add(m.buildModel(ResourceType.ANALYSIS, "explore", Map.of(), List.of("orders"), List.of(), null, ""));
        return m;
    }

    public ShopManifest source(String sourceName, String table) {
        List<String> fqn = List.of(PROJECT, "staging", sourceName, table);
        add(new SourceNode(new NodeId("source." + PROJECT + "." + sourceName + "." + table), sourceName, table, PROJECT,
                "models/staging/sources.yml", "models/staging/sources.yml", fqn,
                new NodeConfig(Map.of("enabled", true)), new Relation("shop", sourceName, table),
                "raw " + table, "the raw data",
                Map.of("id", new ColumnSpec("id", "primary key", null, Map.of(), List.of(), List.of(), false, List.of())),
                Map.of(), null, "fivetran", List.of()));
        return this;
    }

    public ShopManifest seed(String name) {
        add(new SeedNode(NodeId.of(ResourceType.SEED, PROJECT, name), name, PROJECT, name + ".csv",
                "seeds/" + name + ".csv", List.of(PROJECT, name), new NodeConfig(Map.of("materialized", "seed")),
                new Relation("shop", "main", name), "", Map.of(), Path.of("/projects/shop/seeds/" + name + ".csv"),
                null, "abc123"));
        return this;
    }

    /** A model at {@code models/<path>.sql}; refs by name, sources as {@code source.table}. */
    public ShopManifest model(String path, Map<String, Object> config, List<String> refs, List<String> sources) {
        return add(buildModel(ResourceType.MODEL, path, config, refs, sources, null, ""));
    }

    public ShopManifest add(Node node) {
        nodes.put(node.id(), node);
        return this;
    }

    public ModelNode buildModel(ResourceType type, String path, Map<String, Object> config, List<String> refs,
                                List<String> sources, String patchPath, String description) {
        List<String> parts = Arrays.asList(path.split("/"));
        String name = parts.get(parts.size() - 1);
        String root = type == ResourceType.ANALYSIS ? "analyses" : "models";
        List<String> fqn = new ArrayList<>();
        fqn.add(PROJECT);
        if (type == ResourceType.ANALYSIS) {
            fqn.add("analysis");
        }
        fqn.addAll(parts);
        Map<String, Object> cfg = new LinkedHashMap<>(config);
        cfg.putIfAbsent("materialized", "view");
        String raw = "select 1 as id";
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        columns.put("id", new ColumnSpec("id", "the id", "integer", Map.of("owner", "data"), List.of("unique"),
                List.of(), false, List.of("key")));
        return new ModelNode(NodeId.of(type, PROJECT, name), type, name, PROJECT, path + ".sql",
                root + "/" + path + ".sql", fqn, raw, new NodeConfig(cfg), new Relation("shop", "main", name),
                description, columns,
                refs.stream().map(r -> new RefCall(null, r, 1)).toList(),
                sources.stream().map(s -> new SourceCall(s.split("\\.")[0], s.split("\\.")[1], 1)).toList(),
                patchPath, "sha-" + name);
    }

    public Manifest manifest() {
        return new Manifest(PROJECT, nodes,
                Map.of("macro.shop.cents", new MacroInfo("macro.shop.cents", "cents", PROJECT, "macros/cents.sql",
                        "macros/cents.sql", "{% macro cents(x) %}{{ x }} / 100{% endmacro %}")),
                Map.of("doc.shop.orders", new DocBlock("doc.shop.orders", "orders", PROJECT, "docs.md",
                        "models/docs.md", "One row per order.")),
                List.of(), List.of());
    }

    public Dag dag() {
        return new Linker(manifest()).link();
    }
}
