package dev.mallard.core.graph;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.IngestNode;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.ModelVersion;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.manifest.SourceNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Resolves refs and sources to node ids, builds the DAG and rejects cycles. */
public final class Linker {
    private final Manifest manifest;
    private final Map<String, List<Node>> refable = new HashMap<>();
    private final Map<String, SourceNode> sources = new HashMap<>();
    private final Set<String> disabledNames;
    /** The ingest that fills each table, by {@link #tableKey}. */
    private final Map<String, NodeId> ingestOfTable = new HashMap<>();

    public Linker(Manifest manifest) {
        this(manifest, Set.of());
    }

    /** A linker that knows which names belong to disabled nodes, to say so when they are ref'd. */
    public Linker(Manifest manifest, Set<String> disabledNames) {
        this.manifest = manifest;
        this.disabledNames = Set.copyOf(disabledNames);
        for (Node n : manifest.nodes().values()) {
            if (n instanceof SourceNode s) {
                sources.put(s.sourceName() + "." + s.name(), s);
            } else if (n instanceof IngestNode i) {
                for (IngestNode.IngestTable t : i.tables()) {
                    NodeId other = ingestOfTable.putIfAbsent(tableKey(t.relation()), i.id());
                    if (other != null) {
                        throw new MallardException(ErrorCode.DUPLICATE_NODE, "ingests '" + manifest.nodes().get(other).name()
                                + "' and '" + i.name() + "' both fill " + t.name(), i.originalFilePath(), i.line(),
                                "give each raw table one ingest", null);
                    }
                }
            } else if (n.resourceType() == ResourceType.MODEL || n.resourceType() == ResourceType.SEED
                    || n.resourceType() == ResourceType.SNAPSHOT) {
                refable.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(n);
            }
        }
    }

    /** The root project's name. */
    public String projectName() {
        return manifest.projectName();
    }

    public Dag link() {
        Map<NodeId, List<NodeId>> parents = new LinkedHashMap<>();
        for (Node n : manifest.nodes().values()) {
            List<NodeId> ps = new ArrayList<>();
            // dbt resolves sources before refs, so depends_on.nodes lists the sources first
            for (SourceCall sc : n.sourceCalls()) {
                ps.add(resolveSource(n, sc).id());
            }
            for (RefCall ref : n.refs()) {
                ps.add(resolveRef(n, ref).id());
            }
            ps.addAll(n.nodeDependencies());
            if (n instanceof SourceNode s && s.config().enabled()) {
                // a source whose table an ingest fills depends on that ingest: +model selects and runs it first
                NodeId feeder = ingestOfTable.get(tableKey(s.relation()));
                if (feeder != null) {
                    ps.add(feeder);
                }
            }
            parents.put(n.id(), ps);
        }
        Dag dag = new Dag(parents);
        List<NodeId> cycle = dag.findCycle();
        if (!cycle.isEmpty()) {
            Node first = manifest.nodes().get(cycle.get(0));
            String path = cycle.stream().map(id -> manifest.nodes().get(id).name()).collect(Collectors.joining(" -> "));
            throw new MallardException(ErrorCode.CYCLE, "found a cycle: " + path,
                    first == null ? null : first.originalFilePath(), 0);
        }
        return dag;
    }

    public Node resolveRef(Node from, RefCall ref) {
        List<Node> candidates = refable.getOrDefault(ref.name(), List.of());
        // dbt's order for ref('x'): the root project, then the referring node's package, then any;
        // within a package a seed, then a snapshot, then a model (dbt's lookup keeps the last parsed)
        Optional<Node> match = candidates.stream()
                .filter(c -> ref.packageName() == null || c.packageName().equals(ref.packageName()))
                .filter(c -> c.config().enabled())
                .filter(c -> versionMatches(c, ref))
                .min(java.util.Comparator.<Node>comparingInt(c -> c.packageName().equals(manifest.projectName()) ? 0
                        : from != null && c.packageName().equals(from.packageName()) ? 1 : 2)
                        .thenComparingInt(c -> c.resourceType() == ResourceType.SEED ? 0
                                : c.resourceType() == ResourceType.SNAPSHOT ? 1 : 2));
        if (match.isPresent()) {
            return match.get();
        }
        String target = ref.packageName() == null ? "'" + ref.name() + "'" : "'" + ref.packageName() + "." + ref.name() + "'";
        if (ref.version() != null) {
            boolean off = disabledNames.contains(ref.name() + ".v" + ref.versionText());
            throw new MallardException(ErrorCode.UNKNOWN_REFERENCE, describe(from) + " depends on a node named "
                    + target + " with version '" + ref.versionText() + "' which " + (off ? "is disabled" : "was not found"),
                    from == null ? null : from.originalFilePath(), ref.line(), versionsHint(candidates), null);
        }
        if (disabledNames.contains(ref.name())) {
            throw new MallardException(ErrorCode.UNKNOWN_REFERENCE,
                    describe(from) + " depends on " + target + ", which is disabled",
                    from.originalFilePath(), ref.line(), "enable it (enabled: true) or remove the ref", null);
        }
        String hint = NameSuggester.closest(ref.name(), refable.keySet()).map(s -> "did you mean '" + s + "'?").orElse(null);
        throw new MallardException(ErrorCode.UNKNOWN_REFERENCE,
                describe(from) + " depends on " + target + ", which was not found",
                from.originalFilePath(), ref.line(), hint, null);
    }

    /** The greatest version of {@code latest}'s model above its latest version, if it has one. */
    public Optional<ModelNode> prereleaseOf(ModelNode latest) {
        return refable.getOrDefault(latest.name(), List.of()).stream()
                .filter(c -> c instanceof ModelNode m && m.version() != null && m.version().isPrerelease()
                        && m.packageName().equals(latest.packageName()) && m.config().enabled())
                .map(c -> (ModelNode) c)
                .max((a, b) -> ModelVersion.compare(a.version().v(), b.version().v()));
    }

    /** ref('m') reads an unversioned model or a versioned model's latest version; ref('m', v=1) that version. */
    private static boolean versionMatches(Node candidate, RefCall ref) {
        ModelVersion v = candidate instanceof ModelNode m ? m.version() : null;
        if (ref.version() == null) {
            return v == null || v.isLatest();
        }
        return v != null && v.label().equals(ref.versionText());
    }

    private static String versionsHint(List<Node> candidates) {
        List<String> labels = candidates.stream().filter(c -> c instanceof ModelNode m && m.version() != null)
                .map(c -> ((ModelNode) c).version().label()).sorted().toList();
        return labels.isEmpty() ? "it has no versions: remove v= from the ref" : "its versions are " + labels;
    }

    public SourceNode resolveSource(Node from, SourceCall call) {
        SourceNode s = sources.get(call.sourceName() + "." + call.tableName());
        if (s != null) {
            return s;
        }
        String wanted = call.sourceName() + "." + call.tableName();
        String hint = NameSuggester.closest(wanted, sources.keySet()).map(x -> "did you mean '" + x + "'?").orElse(null);
        throw new MallardException(ErrorCode.UNKNOWN_REFERENCE,
                describe(from) + " depends on source '" + wanted + "', which was not found",
                from.originalFilePath(), call.line(), hint, null);
    }

    /** The ingest that fills a source's table, if any. */
    public Optional<NodeId> ingestFeeding(SourceNode source) {
        return Optional.ofNullable(ingestOfTable.get(tableKey(source.relation())));
    }

    private static String tableKey(dev.mallard.core.engine.Relation r) {
        return (String.valueOf(r.database()) + "\u0000" + r.schema() + "\u0000" + r.identifier())
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static String describe(Node n) {
        return n.resourceType().dbtName() + " '" + (n instanceof ModelNode m ? m.displayName() : n.name()) + "'";
    }
}
