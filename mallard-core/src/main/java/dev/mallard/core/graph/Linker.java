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
import dev.mallard.core.manifest.TestNode;
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
    private final StaleTests stale = new StaleTests();
    private Manifest linked;
    /** dbt's behaviour flag require_ref_searches_node_package_before_root. */
    private boolean nodePackageFirst;
    /** dbt's warning I077, once per ref of a package's node that reaches a root project node. */
    private final List<String> rootRefWarnings = new ArrayList<>();
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

    /** The graph; a cycle in it is an error (dbt's: every command but parse stops on it). */
    public Dag link() {
        Dag dag = linkAllowingCycles();
        List<NodeId> cycle = dag.findCycle();
        if (!cycle.isEmpty()) {
            throw cycleError(cycle);
        }
        return dag;
    }

    /**
     * The graph, cycles and all, as dbt's parse writes it to manifest.json (a model that refs
     * itself is its own parent there). A data test whose ref or source is missing or disabled
     * does not fail the link: see {@link #manifest()}.
     */
    public Dag linkAllowingCycles() {
        Map<NodeId, List<NodeId>> parents = new LinkedHashMap<>();
        rootRefWarnings.clear();
        for (Node n : manifest.nodes().values()) {
            List<NodeId> ps = new ArrayList<>();
            if (n instanceof TestNode t && t.config().enabled()) {
                linkTest(t, ps);
            } else {
                // dbt resolves sources before refs, so depends_on.nodes lists the sources first
                for (SourceCall sc : n.sourceCalls()) {
                    ps.add(resolveSource(n, sc).id());
                }
                for (RefCall ref : n.refs()) {
                    Node target = resolveRef(n, ref);
                    warnIfRootNode(n, ref, target);
                    ps.add(target.id());
                }
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
        linked = stale.applyTo(manifest);
        return new Dag(parents);
    }

    /** A test's parents: those that resolve; a missing or disabled one disables the test, as dbt does. */
    private void linkTest(TestNode t, List<NodeId> ps) {
        for (SourceCall sc : t.sourceCalls()) {
            SourceNode s = sources.get(sc.sourceName() + "." + sc.tableName());
            if (s != null) {
                ps.add(s.id());
            } else {
                stale.missing(t, "source", sc.sourceName() + "." + sc.tableName(), null);
            }
        }
        for (RefCall ref : t.refs()) {
            Optional<Node> target = findRef(t, ref);
            if (target.isPresent()) {
                warnIfRootNode(t, ref, target.get());
                ps.add(target.get().id());
            } else if (disabledNames.contains(ref.version() == null ? ref.name() : ref.name() + ".v" + ref.versionText())) {
                stale.disabledTarget(t);
            } else {
                stale.missing(t, "node", ref.name(), ref.packageName());
            }
        }
    }

    /**
     * The manifest linked: the parsed one with each data test whose ref or source names a
     * missing or disabled node disabled (the parsed one until {@link #link} ran).
     */
    public Manifest manifest() {
        return linked == null ? manifest : linked;
    }

    /** What linking warned about: each missing node or source a data test names, in dbt's words. */
    public List<String> warnings() {
        if (rootRefWarnings.isEmpty()) {
            return stale.warnings();
        }
        List<String> out = new ArrayList<>(rootRefWarnings);
        out.addAll(stale.warnings());
        return out;
    }

    /** dbt's I077 (its text, and the flag name it gives, as dbt 1.11 writes them). */
    private void warnIfRootNode(Node from, RefCall ref, Node target) {
        String root = manifest.projectName();
        if (!nodePackageFirst && from.resourceType() != ResourceType.SEED && !from.packageName().equals(root)
                && target.packageName().equals(root) && !root.equals(ref.packageName())) {
            rootRefWarnings.add("[WARNING]: The node '" + from.name() + "'in package '" + from.packageName()
                    + "' depends on the root project node '" + target.id().value() + "'.This may lead to unexpected"
                    + " cycles downstream. Please set the 'require_ref_prefers_node_package_to_root' behavior change"
                    + " flag to True to avoid this issue.For more information, see the documentation at"
                    + " https://docs.getdbt.com/reference/global-configs/behavior-changes"
                    + "#require_ref_prefers_node_package_to_root");
        }
    }

    /**
     * dbt's flag {@code require_ref_searches_node_package_before_root}: a package's node's
     * unqualified ref() finds the package's own node before the root project's, and is not
     * warned about.
     */
    public Linker searchingNodePackageFirst(boolean on) {
        this.nodePackageFirst = on;
        return this;
    }

    /** dbt's message: the unique ids along the cycle, each once ("Found a cycle: model.p.a --> model.p.b"). */
    private MallardException cycleError(List<NodeId> cycle) {
        List<NodeId> once = cycle.subList(0, cycle.size() - 1);
        Node first = manifest.nodes().get(once.get(0));
        String path = once.stream().map(NodeId::value).collect(Collectors.joining(" --> "));
        String hint = once.size() == 1 ? describe(first) + " refs itself" : "remove one of the refs along this cycle";
        return new MallardException(ErrorCode.CYCLE, "Found a cycle: " + path,
                first == null ? null : first.originalFilePath(), 0, hint, null);
    }

    public Node resolveRef(Node from, RefCall ref) {
        List<Node> candidates = refable.getOrDefault(ref.name(), List.of());
        Optional<Node> match = findRef(from, ref);
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

    private Optional<Node> findRef(Node from, RefCall ref) {
        List<Node> candidates = refable.getOrDefault(ref.name(), List.of());
        // dbt's order for ref('x'): the root project, then the referring node's package, then any;
        // within a package a seed, then a snapshot, then a model (dbt's lookup keeps the last parsed)
        Optional<Node> match = candidates.stream()
                .filter(c -> ref.packageName() == null || c.packageName().equals(ref.packageName()))
                .filter(c -> c.config().enabled())
                .filter(c -> versionMatches(c, ref))
                .min(java.util.Comparator.<Node>comparingInt(c -> searchRank(from, c))
                        .thenComparingInt(c -> c.resourceType() == ResourceType.SEED ? 0
                                : c.resourceType() == ResourceType.SNAPSHOT ? 1 : 2));
        return match;
    }

    /** dbt's package search order for an unqualified ref: the root, the node's package, any (the flag swaps the first two). */
    private int searchRank(Node from, Node candidate) {
        boolean own = from != null && candidate.packageName().equals(from.packageName());
        boolean root = candidate.packageName().equals(manifest.projectName());
        if (nodePackageFirst) {
            return own ? 0 : root ? 1 : 2;
        }
        return root ? 0 : own ? 1 : 2;
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
