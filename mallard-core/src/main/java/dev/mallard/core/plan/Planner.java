package dev.mallard.core.plan;

import dev.mallard.core.graph.Dag;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.UnitTestNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a selection into steps: executable nodes only, ephemerals inlined, in DAG order. */
public final class Planner {
    private final Manifest manifest;
    private final Dag dag;

    public Planner(Manifest manifest, Dag dag) {
        this.manifest = manifest;
        this.dag = dag;
    }

    public Plan plan(Set<NodeId> selected, Set<ResourceType> types) {
        List<NodeId> ordered = new ArrayList<>();
        for (NodeId id : dag.topologicalOrder(selected)) {
            Node n = manifest.nodes().get(id);
            if (n != null && types.contains(n.resourceType()) && isRunnable(n)) {
                ordered.add(id);
            }
        }
        Set<NodeId> planned = new LinkedHashSet<>(ordered);
        Map<NodeId, Set<NodeId>> reach = plannedAncestors(planned);
        Map<NodeId, Set<NodeId>> testGates = testGates(planned);
        Map<NodeId, List<NodeId>> unitTests = unitTestsByModel(ordered);
        List<Step> steps = new ArrayList<>();
        for (NodeId id : ordered) {
            Node n = manifest.nodes().get(id);
            if (n instanceof UnitTestNode u && planned.contains(u.testedModel())) {
                continue;
            }
            if (n instanceof UnitTestNode u) {
                steps.add(unitTestStep(u, reach, testGates, null));
                continue;
            }
            Set<NodeId> waits = new LinkedHashSet<>(reach.get(id));
            waits.addAll(testGates.getOrDefault(id, Set.of()));
            // in a build, a model's unit tests run first, one after another, and a failure skips the rest and the model
            NodeId previous = null;
            for (NodeId unitTestId : unitTests.getOrDefault(id, List.of())) {
                steps.add(unitTestStep((UnitTestNode) manifest.nodes().get(unitTestId), reach, testGates, previous));
                previous = unitTestId;
            }
            if (previous != null) {
                waits.add(previous);
            }
            steps.add(new Step(id, materialization(n), label(n), List.copyOf(waits)));
        }
        return new Plan(steps);
    }

    /** A unit test runs when its model could: after the model's planned parents and their tests. */
    private Step unitTestStep(UnitTestNode u, Map<NodeId, Set<NodeId>> reach, Map<NodeId, Set<NodeId>> testGates,
                              NodeId previous) {
        Set<NodeId> waits = new LinkedHashSet<>(reach.getOrDefault(u.testedModel(), Set.of()));
        waits.addAll(testGates.getOrDefault(u.testedModel(), Set.of()));
        if (previous != null) {
            waits.add(previous);
        }
        return new Step(u.id(), materialization(u), label(u), List.copyOf(waits));
    }

    private Map<NodeId, List<NodeId>> unitTestsByModel(List<NodeId> ordered) {
        Map<NodeId, List<NodeId>> out = new HashMap<>();
        for (NodeId id : ordered) {
            if (manifest.nodes().get(id) instanceof UnitTestNode u) {
                out.computeIfAbsent(u.testedModel(), k -> new ArrayList<>()).add(id);
            }
        }
        return out;
    }

    private static boolean isRunnable(Node n) {
        if (n instanceof ModelNode m) {
            return m.resourceType() == ResourceType.MODEL && !m.isEphemeral() || m.resourceType() == ResourceType.SNAPSHOT;
        }
        return n.resourceType() == ResourceType.SEED || n.resourceType() == ResourceType.TEST
                || n.resourceType() == ResourceType.UNIT_TEST || n.resourceType() == ResourceType.SAVED_QUERY
                || n.resourceType() == ResourceType.EXPOSURE || n.resourceType() == ResourceType.INGEST;
    }

    /**
     * For every node, its nearest planned ancestors, looking through nodes that are not
     * planned; computed in one pass in DAG order so that deep chains need no recursion.
     */
    private Map<NodeId, Set<NodeId>> plannedAncestors(Set<NodeId> planned) {
        Map<NodeId, Set<NodeId>> reach = new HashMap<>();
        for (NodeId id : dag.topologicalOrder(dag.nodes())) {
            Set<NodeId> out = new LinkedHashSet<>();
            for (NodeId p : dag.parents(id)) {
                if (planned.contains(p)) {
                    out.add(p);
                } else {
                    out.addAll(reach.getOrDefault(p, Set.of()));
                }
            }
            reach.put(id, out);
        }
        return reach;
    }

    /**
     * In a build, a node waits for the tests of the nodes it reads, so that a failing test
     * stops what is downstream. A test on several nodes (relationships) gates a child only
     * when all of the test's parents are upstream of that child, as dbt does.
     */
    private Map<NodeId, Set<NodeId>> testGates(Set<NodeId> planned) {
        Map<NodeId, Set<NodeId>> gates = new HashMap<>();
        Map<NodeId, Set<NodeId>> ancestorsCache = new HashMap<>();
        for (NodeId testId : planned) {
            Node test = manifest.nodes().get(testId);
            if (test == null || test.resourceType() != ResourceType.TEST) {
                continue;
            }
            List<NodeId> testParents = dag.parents(testId);
            for (NodeId parent : testParents) {
                for (NodeId child : dag.children(parent)) {
                    Node c = manifest.nodes().get(child);
                    // dbt adds test edges between nodes only: an exposure does not wait for tests
                    if (c == null || c.resourceType() == ResourceType.TEST || c.resourceType() == ResourceType.UNIT_TEST
                            || c.resourceType() == ResourceType.EXPOSURE || !planned.contains(child)) {
                        continue;
                    }
                    Set<NodeId> upstream = ancestorsCache.computeIfAbsent(child, k -> dag.ancestors(k, -1));
                    if (upstream.containsAll(testParents)) {
                        gates.computeIfAbsent(child, k -> new LinkedHashSet<>()).add(testId);
                    }
                }
            }
        }
        return gates;
    }

    static String materialization(Node n) {
        if (n.resourceType() == ResourceType.UNIT_TEST) {
            return "unit";
        }
        if (n.resourceType() == ResourceType.SAVED_QUERY) {
            return "saved_query";
        }
        if (n.resourceType() == ResourceType.EXPOSURE) {
            return "exposure";
        }
        if (n.resourceType() == ResourceType.INGEST) {
            return "ingest";
        }
        return n.resourceType() == ResourceType.SEED ? "seed" : n.config().materialized();
    }

    static String label(Node n) {
        String where = n.relation().schema() + "." + n.relation().identifier();
        if (n.resourceType() == ResourceType.SEED) {
            return "seed file " + where;
        }
        if (n.resourceType() == ResourceType.TEST) {
            return "test " + n.name();
        }
        if (n instanceof dev.mallard.core.manifest.IngestNode i) {
            return i.type() + " ingest " + i.name() + " into " + String.join(", ",
                    i.tables().stream().map(dev.mallard.core.manifest.IngestNode.IngestTable::name).toList());
        }
        if (n instanceof UnitTestNode u) {
            return "unit_test " + u.displayName();
        }
        if (n.resourceType() == ResourceType.SAVED_QUERY) {
            return "saved query " + n.name();
        }
        if (n.resourceType() == ResourceType.EXPOSURE) {
            return "exposure " + n.name();
        }
        if (n.resourceType() == ResourceType.SNAPSHOT) {
            return "snapshot " + where;
        }
        String language = n instanceof dev.mallard.core.manifest.ModelNode m ? m.language() : "sql";
        return language + " " + n.config().materialized() + " model " + where;
    }
}
