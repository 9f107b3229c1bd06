package dev.mallard.core.select;

import dev.mallard.core.graph.Dag;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.state.PreviousState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies {@code --select} and {@code --exclude} to the DAG with dbt's semantics: each
 * criterion picks nodes by its method, graph operators ({@code +}, {@code n+},
 * {@code +n}, {@code @}) add relatives, expressions are unioned, comma-joined criteria
 * intersected, exclusions removed, and only the resource types asked for are kept.
 * A selection that matches nothing is an empty set, not an error.
 */
public final class Selector {
    private final Dag dag;
    private final Map<NodeId, Node> universe = new LinkedHashMap<>();
    private final MethodMatchers matchers;
    private final Manifest manifest;
    private boolean eagerTests;

    public Selector(Manifest manifest, Dag dag) {
        this(manifest, dag, null);
    }

    /**
     * From now on every criterion also selects the tests of the nodes it matches, as dbt's
     * eager indirect selection does, so that {@code test_type:generic,orders} means the
     * generic tests of orders and an excluded node takes its tests with it.
     */
    public Selector withEagerTests() {
        this.eagerTests = true;
        return this;
    }

    /** This invocation's target folder ({@code source_status:} reads its sources.json). */
    public Selector withCurrentTarget(java.nio.file.Path targetDir) {
        matchers.currentTarget(targetDir);
        return this;
    }

    /**
     * A selector that can also compare with a previous run ({@code state:} and
     * {@code result:} methods).
     *
     * @param state what {@code --state} points at; null without --state
     */
    public Selector(Manifest manifest, Dag dag, PreviousState state) {
        this.dag = dag;
        this.manifest = manifest;
        this.matchers = new MethodMatchers(manifest.projectName(),
                state == null ? null : new PreviousRun(state, manifest, dag));
        for (Node n : manifest.nodes().values()) {
            // dbt keeps disabled nodes out of the graph, so no selector can reach them
            if (n.config().enabled()) {
                universe.put(n.id(), n);
            }
        }
    }

    /**
     * The nodes selected, parents before children.
     *
     * @param select {@code --select} arguments; null or empty selects everything
     * @param exclude {@code --exclude} arguments; null or empty excludes nothing
     * @param resourceTypes the types the command works on; null or empty means all
     * @throws dev.mallard.core.error.MallardException with ErrorCode.USAGE for a malformed
     *         selector or an unknown method
     */
    public Set<NodeId> select(List<String> select, List<String> exclude, Set<ResourceType> resourceTypes) {
        return select(parse(select, exclude), resourceTypes);
    }

    /** The parsed form of {@code --select}/{@code --exclude}, as {@link #select} evaluates it. */
    public static SelectionSpec parse(List<String> select, List<String> exclude) {
        // dbt's default includes: every node (fqn:*) and every source (source:*)
        SelectionSpec include = select == null || select.isEmpty()
                ? new SelectionSpec.Union(List.of(SelectionCriterion.of(MethodName.FQN, "*"),
                        SelectionCriterion.of(MethodName.SOURCE, "*")))
                : SelectionParser.parseUnion(select);
        SelectionSpec.Union excluded = SelectionParser.parseUnion(exclude == null ? List.of() : exclude);
        return new SelectionSpec.Difference(include, excluded);
    }

    /** Evaluates an already parsed selection. */
    public Set<NodeId> select(SelectionSpec spec, Set<ResourceType> resourceTypes) {
        Set<NodeId> selected = evaluate(spec);
        List<NodeId> kept = new ArrayList<>();
        for (NodeId id : dag.topologicalOrder(selected)) {
            Node n = universe.get(id);
            if (n != null && (resourceTypes == null || resourceTypes.isEmpty() || resourceTypes.contains(n.resourceType()))) {
                kept.add(id);
            }
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(kept));
    }

    private Set<NodeId> evaluate(SelectionSpec spec) {
        if (spec instanceof SelectionCriterion c) {
            return evaluate(c);
        }
        if (spec instanceof SelectionSpec.Union u) {
            Set<NodeId> out = new HashSet<>();
            u.components().forEach(s -> out.addAll(evaluate(s)));
            return out;
        }
        if (spec instanceof SelectionSpec.Intersection i) {
            Set<NodeId> out = null;
            for (SelectionSpec s : i.components()) {
                Set<NodeId> next = evaluate(s);
                if (out == null) {
                    out = next;
                } else {
                    out.retainAll(next);
                }
            }
            return out == null ? new HashSet<>() : out;
        }
        SelectionSpec.Difference d = (SelectionSpec.Difference) spec;
        Set<NodeId> out = evaluate(d.include());
        out.removeAll(evaluate(d.exclude()));
        return out;
    }

    private Set<NodeId> evaluate(SelectionCriterion c) {
        Predicate<Node> predicate = matchers.predicate(c);
        Set<NodeId> collected = new HashSet<>();
        for (Node n : universe.values()) {
            if (predicate.test(n)) {
                collected.add(n.id());
            }
        }
        Set<NodeId> out = new HashSet<>(collected);
        if (c.childrensParents()) {
            Set<NodeId> withChildren = new HashSet<>(collected);
            withChildren.addAll(walk(collected, SelectionCriterion.UNLIMITED, false));
            out.addAll(withChildren);
            out.addAll(walk(withChildren, SelectionCriterion.UNLIMITED, true));
        }
        if (c.parents()) {
            out.addAll(walk(collected, c.parentsDepth(), true));
        }
        if (c.children()) {
            out.addAll(walk(collected, c.childrenDepth(), false));
        }
        if (eagerTests) {
            out = new HashSet<>(IndirectSelection.EAGER.apply(out, manifest, dag));
        }
        out.retainAll(universe.keySet());
        return out;
    }

    /** Breadth-first from every start at once, {@code depth} generations (negative: all). */
    private Set<NodeId> walk(Collection<NodeId> starts, int depth, boolean up) {
        Set<NodeId> seen = new HashSet<>();
        Collection<NodeId> frontier = starts;
        for (int level = 0; !frontier.isEmpty() && (depth < 0 || level < depth); level++) {
            List<NodeId> next = new ArrayList<>();
            for (NodeId id : frontier) {
                for (NodeId m : up ? dag.parents(id) : dag.children(id)) {
                    if (universe.containsKey(m) && seen.add(m)) {
                        next.add(m);
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }
}
