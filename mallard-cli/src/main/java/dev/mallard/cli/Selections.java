package dev.mallard.cli;

import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.UnitTestNode;
import dev.mallard.core.run.Workspace;
import dev.mallard.core.select.IndirectSelection;
import dev.mallard.core.select.Selector;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Applies --select/--exclude (and indirect test selection) to the workspace's DAG. */
final class Selections {
    private Selections() {
    }

    static Set<NodeId> select(Workspace ws, SelectionOptions sel, Set<ResourceType> types) {
        return select(ws, sel.select, sel.exclude, types, IndirectSelection.parse(sel.indirectSelection));
    }

    static Set<NodeId> select(Workspace ws, List<String> select, List<String> exclude, Set<ResourceType> types) {
        return select(ws, select, exclude, types, IndirectSelection.EAGER);
    }

    static Set<NodeId> select(Workspace ws, List<String> select, List<String> exclude, Set<ResourceType> types,
                              IndirectSelection mode) {
        Selector selector = new Selector(ws.manifest(), ws.dag());
        EnumSet<ResourceType> all = EnumSet.allOf(ResourceType.class);
        Set<NodeId> chosen = selector.select(select, exclude, all);
        if (types.contains(ResourceType.UNIT_TEST) && mode != IndirectSelection.EMPTY) {
            chosen = withUnitTests(chosen, ws, selector, exclude, all);
        }
        if (types.contains(ResourceType.TEST)) {
            chosen = mode.apply(chosen, ws.manifest(), ws.dag());
            if (exclude != null && !exclude.isEmpty()) {
                // tests of excluded nodes go too, the same way they would have come along
                Set<NodeId> excluded = selector.select(exclude, List.of(), all);
                Set<NodeId> excludedTests = IndirectSelection.EAGER.apply(excluded, ws.manifest(), ws.dag());
                chosen.removeAll(excludedTests);
            }
        }
        Set<NodeId> out = new LinkedHashSet<>();
        for (NodeId id : chosen) {
            Node n = ws.manifest().nodes().get(id);
            if (n != null && types.contains(n.resourceType())) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * A unit test comes along with its selected model (its only parent), as dbt selects it
     * indirectly, unless the model's own unit tests were excluded with it.
     */
    private static Set<NodeId> withUnitTests(Set<NodeId> chosen, Workspace ws, Selector selector, List<String> exclude,
                                             Set<ResourceType> all) {
        Set<NodeId> out = new LinkedHashSet<>(chosen);
        Set<NodeId> excluded = exclude == null || exclude.isEmpty() ? Set.of() : selector.select(exclude, List.of(), all);
        for (UnitTestNode u : ws.manifest().nodesOf(UnitTestNode.class)) {
            if (chosen.contains(u.testedModel()) && !excluded.contains(u.testedModel()) && !excluded.contains(u.id())
                    && u.config().enabled()) {
                out.add(u.id());
            }
        }
        return out;
    }
}
