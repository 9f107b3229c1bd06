package dev.mallard.core.artifacts;

import dev.mallard.core.graph.Dag;
import dev.mallard.core.manifest.DocBlock;
import dev.mallard.core.manifest.ExposureNode;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SemanticNode;
import dev.mallard.core.manifest.MacroInfo;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.SourceNode;
import dev.mallard.core.manifest.UnitTestNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code target/manifest.json} in dbt's manifest v12 schema, so that tools reading
 * dbt artifacts read Mallard's. Sections Mallard has nothing for (exposures, metrics, ...)
 * are written as empty maps, as dbt does for a project without them.
 */
public final class ManifestWriter {
    public static final String FILE_NAME = "manifest.json";
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/manifest/v12.json";

    /** From this many nodes on, their entries are made in parallel. */
    private static final int PARALLEL_ENTRIES_FROM = 256;

    private final ArtifactMetadata metadata;
    private final HookEntries hooks;

    public ManifestWriter(ArtifactMetadata metadata) {
        this(metadata, HookEntries.NONE);
    }

    /** A writer that lists the project's on-run-start/on-run-end hooks in {@code nodes}, as dbt does. */
    public ManifestWriter(ArtifactMetadata metadata, HookEntries hooks) {
        this.metadata = metadata;
        this.hooks = hooks;
    }

    /**
     * Writes the manifest atomically into {@code targetDir}.
     *
     * @param compiledCode compiled SQL by node, for nodes compiled in this invocation (may be empty)
     * @return the file written
     */
    public Path write(Path targetDir, Manifest manifest, Dag dag, Map<NodeId, String> compiledCode) {
        String targetName = targetDir.getFileName() == null ? "target" : targetDir.getFileName().toString();
        return JsonArtifact.write(targetDir.resolve(FILE_NAME), document(manifest, dag, compiledCode, targetName));
    }

    /**
     * Writes the manifest of the parse that ran at {@code parsedAt} (its nodes' {@code created_at},
     * as dbt keeps a node's creation time while its file is unchanged). When nothing was
     * compiled, everything but the metadata is the parse's alone, and a manifest.json that
     * the same parse wrote before is reused for it (see {@link ManifestFile}).
     */
    public Path write(Path targetDir, Manifest manifest, Dag dag, Map<NodeId, String> compiledCode,
                      java.time.Instant parsedAt) {
        return write(targetDir, manifest, dag, compiledCode, parsedAt, null);
    }

    /**
     * A parse that patched a previous one: the parse that ran at {@code previousParsedAt},
     * with the nodes {@code changed} made again.
     */
    public record Patched(java.time.Instant previousParsedAt, java.util.Set<NodeId> changed) {
        public Patched {
            changed = java.util.Set.copyOf(changed);
        }
    }

    /**
     * As above; when the parse {@code patched} a previous one whose manifest.json is still
     * there, the file is that one with the changed nodes' entries (made at {@code parsedAt};
     * the others keep their {@code created_at}, as dbt's partial parse keeps them) and the
     * graph maps written again, every other byte copied (see {@link ManifestPatch}).
     */
    public Path write(Path targetDir, Manifest manifest, Dag dag, Map<NodeId, String> compiledCode,
                      java.time.Instant parsedAt, Patched patched) {
        String targetName = targetDir.getFileName() == null ? "target" : targetDir.getFileName().toString();
        String bodyKey = compiledCode.isEmpty() ? bodyKey(parsedAt, targetDir) : null;
        java.util.function.Supplier<Map<String, Object>> document = () -> document(manifest, dag, compiledCode,
                targetName, Timestamps.epochSeconds(parsedAt), true);
        if (bodyKey == null || patched == null) {
            return ManifestFile.write(targetDir.resolve(FILE_NAME), metadata(manifest), document, bodyKey);
        }
        NodeEntries nodeEntries = new NodeEntries(Timestamps.epochSeconds(parsedAt), targetName, manifest);
        Map<String, Object> entries = new LinkedHashMap<>();
        Map<String, Object> graphNodes = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        Map<String, Object> ingests = new LinkedHashMap<>();
        for (Node n : manifest.nodes().values()) {
            if (n instanceof dev.mallard.core.manifest.IngestNode i) {
                ingests.put(n.id().value(), IngestEntries.entry(i, dag.children(n.id()))); // lists the models reading it
                continue;
            }
            if (!listedInNodes(n)) {
                continue;
            }
            (n instanceof SourceNode ? sources : graphNodes).put(n.id().value(), Boolean.TRUE);
            boolean attached = n instanceof dev.mallard.core.manifest.TestNode t && t.attachedNode() != null
                    && patched.changed().contains(t.attachedNode()); // its entry shows its model's group
            if (patched.changed().contains(n.id()) || attached) {
                entries.put(n.id().value(), nodeEntries.entry(n, dag.parents(n.id()), null));
            }
        }
        hooks.hooks().forEach(h -> graphNodes.put(h.id().value(), Boolean.TRUE));
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("parent_map", graphMap(dag, graphNodes, sources, true));
        sections.put("child_map", graphMap(dag, graphNodes, sources, false));
        sections.put("group_map", new SemanticEntries(Timestamps.epochSeconds(parsedAt), manifest).groupMap());
        if (!ingests.isEmpty()) {
            sections.put("ingests", ingests);
        }
        return ManifestFile.writePatched(targetDir.resolve(FILE_NAME), metadata(manifest),
                bodyKey(patched.previousParsedAt(), targetDir), bodyKey, document, sections, entries);
    }

    /**
     * Writes the manifest of an unchanged project's saved parse, which ran at {@code parsedAt},
     * without the parse: this invocation's metadata followed by the body that a parse reused
     * whole writes (the previous file's, which the same parse wrote; see {@link ManifestFile}).
     * A previous file is there only if that parse linked: commands write it after linking.
     *
     * @return the file written, or null (nothing written) when the previous body is not that parse's
     */
    public Path writeUnchanged(Path targetDir, String projectName, java.time.Instant parsedAt) {
        return ManifestFile.writeReused(targetDir.resolve(FILE_NAME), metadata(projectName),
                bodyKey(parsedAt, targetDir));
    }

    private static String bodyKey(java.time.Instant parsedAt, Path targetDir) {
        return "parse@" + parsedAt + " " + targetDir.toAbsolutePath().normalize();
    }

    /** The manifest as plain maps and lists, in the order dbt writes its keys. */
    public Map<String, Object> document(Manifest manifest, Dag dag, Map<NodeId, String> compiledCode,
                                        String targetPathName) {
        return document(manifest, dag, compiledCode, targetPathName, Timestamps.epochSeconds(metadata.generatedAt()),
                false);
    }

    /**
     * @param deferred whether the entries of enabled models, tests, seeds, snapshots and sources are
     *     {@link JsonArtifact.Deferred} (made as they are written, see {@link ManifestFile}) rather than maps
     */
    private Map<String, Object> document(Manifest manifest, Dag dag, Map<NodeId, String> compiledCode,
                                         String targetPathName, double createdAt, boolean deferred) {
        NodeEntries nodeEntries = new NodeEntries(createdAt, targetPathName, manifest);
        SourceEntries sourceEntries = new SourceEntries(createdAt);
        Map<String, Object> nodes = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        Map<String, Object> disabled = new LinkedHashMap<>();
        UnitTestEntries unitTestEntries = new UnitTestEntries(createdAt);
        Map<String, Object> unitTests = new LinkedHashMap<>();
        ExposureEntries exposureEntries = new ExposureEntries(createdAt);
        Map<String, Object> exposures = new LinkedHashMap<>();
        SemanticEntries semanticEntries = new SemanticEntries(createdAt, manifest);
        Map<ResourceType, Map<String, Object>> semantic = new java.util.EnumMap<>(ResourceType.class);
        for (ResourceType t : List.of(ResourceType.METRIC, ResourceType.SAVED_QUERY, ResourceType.SEMANTIC_MODEL)) {
            semantic.put(t, new LinkedHashMap<>());
        }
        Map<String, Object> ingests = new LinkedHashMap<>();
        List<Node> all = List.copyOf(manifest.nodes().values());
        // the entries of models, tests, seeds, snapshots and sources (most of a large manifest) are made on all cores
        Object[] made = new Object[all.size()];
        java.util.stream.IntStream indexes = java.util.stream.IntStream.range(0, all.size());
        if (all.size() >= PARALLEL_ENTRIES_FROM) {
            indexes = indexes.parallel();
        }
        indexes.forEach(i -> {
            Node n = all.get(i);
            JsonArtifact.Deferred entry = null;
            if (n instanceof SourceNode s) {
                entry = () -> sourceEntries.entry(s);
            } else if (!(n instanceof dev.mallard.core.manifest.IngestNode || n instanceof UnitTestNode
                    || n instanceof ExposureNode || n instanceof SemanticNode)) {
                entry = () -> nodeEntries.entry(n, dag.parents(n.id()), compiledCode.get(n.id()));
            }
            if (entry != null) {
                made[i] = deferred && n.config().enabled() ? entry : entry.make();
            }
        });
        for (int i = 0; i < all.size(); i++) {
            Node n = all.get(i);
            if (n instanceof dev.mallard.core.manifest.IngestNode ingest) {
                ingests.put(n.id().value(), IngestEntries.entry(ingest, dag.children(n.id())));
                continue;
            }
            Object entry = made[i] != null ? made[i]
                    : n instanceof UnitTestNode u ? unitTestEntries.entry(u)
                    : n instanceof ExposureNode x ? exposureEntries.entry(x, dag.parents(n.id()))
                    : semanticEntries.entry((SemanticNode) n, dag.parents(n.id()));
            if (!listedInNodes(n)) {
                disabled.put(n.id().value(), List.of(entry));
            } else if (n instanceof SourceNode) {
                sources.put(n.id().value(), entry);
            } else if (n instanceof ExposureNode) {
                exposures.put(n.id().value(), entry);
            } else if (n instanceof SemanticNode) {
                semantic.get(n.resourceType()).put(n.id().value(), entry);
            } else if (n instanceof UnitTestNode) {
                unitTests.put(n.id().value(), entry);
            } else {
                nodes.put(n.id().value(), entry);
            }
        }
        nodes.putAll(hooks.entries(manifest, createdAt, compiledCode, targetPathName));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("metadata", metadata(manifest));
        doc.put("nodes", nodes);
        doc.put("sources", sources);
        doc.put("macros", macros(manifest, createdAt));
        doc.put("docs", docs(manifest));
        doc.put("exposures", exposures);
        doc.put("metrics", semantic.get(ResourceType.METRIC));
        doc.put("groups", semanticEntries.groups());
        doc.put("selectors", Map.of());
        doc.put("disabled", disabled);
        Map<String, Object> graphNodes = new LinkedHashMap<>(nodes);
        graphNodes.putAll(unitTests);
        graphNodes.putAll(exposures);
        semantic.values().forEach(graphNodes::putAll);
        doc.put("parent_map", graphMap(dag, graphNodes, sources, true));
        doc.put("child_map", graphMap(dag, graphNodes, sources, false));
        doc.put("group_map", semanticEntries.groupMap());
        doc.put("saved_queries", semantic.get(ResourceType.SAVED_QUERY));
        doc.put("semantic_models", semantic.get(ResourceType.SEMANTIC_MODEL));
        doc.put("unit_tests", unitTests);
        doc.put("functions", Map.of());
        if (!ingests.isEmpty()) {
            // Mallard's own key, after dbt's: tools that read dbt manifests skip it
            doc.put("ingests", ingests);
        }
        return doc;
    }

    private Map<String, Object> metadata(Manifest manifest) {
        return metadata(manifest.projectName());
    }

    private Map<String, Object> metadata(String projectName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dbt_schema_version", SCHEMA_VERSION);
        m.put("dbt_version", ArtifactMetadata.DBT_VERSION);
        m.put("generated_at", Timestamps.iso(metadata.generatedAt()));
        m.put("invocation_id", metadata.invocationId());
        m.put("invocation_started_at", Timestamps.iso(metadata.invocationStartedAt()));
        m.put("env", metadata.artifactEnv());
        m.put("project_name", projectName);
        m.put("adapter_type", metadata.adapterType());
        return m;
    }

    private static Map<String, Object> macros(Manifest manifest, double createdAt) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (MacroInfo macro : manifest.macros().values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", macro.name());
            e.put("resource_type", "macro");
            e.put("package_name", macro.packageName());
            e.put("path", macro.path());
            e.put("original_file_path", macro.originalFilePath());
            e.put("unique_id", macro.uniqueId());
            e.put("macro_sql", macro.macroSql());
            e.put("depends_on", Map.of("macros", macro.dependsOn()));
            MacroInfo.Patch patch = macro.patch();
            e.put("description", patch.description());
            e.put("meta", patch.meta());
            Map<String, Object> docs = new LinkedHashMap<>();
            docs.put("show", patch.show());
            docs.put("node_color", patch.nodeColor());
            e.put("docs", docs);
            e.put("config", JsonArtifact.object("meta", patch.meta(), "docs", docs));
            e.put("patch_path", patch.patchPath());
            List<Map<String, Object>> arguments = new ArrayList<>();
            for (MacroInfo.Argument a : patch.arguments()) {
                arguments.add(JsonArtifact.object("name", a.name(), "type", a.type(), "description", a.description()));
            }
            e.put("arguments", arguments);
            e.put("created_at", createdAt);
            e.put("supported_languages", null);
            out.put(macro.uniqueId(), e);
        }
        return out;
    }

    /** dbt's docs site opens on {@code __overview__}: the project's own, else the one of package dbt. */
    static final String OVERVIEW = """
            ### Welcome

            This is the documentation of your dbt project, built by Mallard.

            - The **Project** tab shows your models, seeds, snapshots and tests by folder, packages' too.
            - The **Database** tab shows the relations they build, by database and schema; ephemeral
              models are not there, as they build nothing.
            - The lineage graph (the button at the bottom right) shows what each node reads and what
              reads it; select nodes in it with `--select` and `--exclude` syntax.

            Write your own overview in a `{% docs __overview__ %}` block in a `.md` file of the project.""";

    private static Map<String, Object> docs(Manifest manifest) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<DocBlock> blocks = new ArrayList<>(manifest.docs().values());
        if (!manifest.docs().containsKey("doc.dbt.__overview__")) {
            blocks.add(new DocBlock("doc.dbt.__overview__", "__overview__", "dbt", "overview.md", "docs/overview.md",
                    OVERVIEW));
        }
        for (DocBlock d : blocks) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", d.name());
            e.put("resource_type", "doc");
            e.put("package_name", d.packageName());
            e.put("path", d.path());
            e.put("original_file_path", d.originalFilePath());
            e.put("unique_id", d.uniqueId());
            e.put("block_contents", d.blockContents());
            out.put(d.uniqueId(), e);
        }
        return out;
    }

    /** Every enabled node, unit test and source, sorted by id, to its sorted parents or children. */
    /**
     * Whether a node is written in {@code nodes} (and the graph maps) rather than {@code disabled}:
     * an enabled one, or a data test disabled because a node it names is missing, which dbt
     * disables only when it links and so keeps among the nodes (a test disabled by config
     * never reaches the manifest).
     */
    private static boolean listedInNodes(Node n) {
        return n.config().enabled() || n instanceof dev.mallard.core.manifest.TestNode;
    }

    private static Map<String, List<String>> graphMap(Dag dag, Map<String, Object> nodes, Map<String, Object> sources,
                                                      boolean parents) {
        Map<String, List<String>> out = new TreeMap<>();
        List<String> ids = new ArrayList<>(nodes.keySet());
        ids.addAll(sources.keySet());
        for (String id : ids) {
            NodeId nodeId = new NodeId(id);
            List<NodeId> related = parents ? dag.parents(nodeId) : dag.children(nodeId);
            out.put(id, related.stream().map(NodeId::value)
                    .filter(r -> nodes.containsKey(r) || sources.containsKey(r)).sorted().toList());
        }
        return out;
    }
}
