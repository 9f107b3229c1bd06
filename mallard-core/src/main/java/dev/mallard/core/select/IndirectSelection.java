package dev.mallard.core.select;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.graph.Dag;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * dbt's {@code --indirect-selection}: which tests come along with the nodes they test.
 * eager (default): a test whose parents include a selected node; cautious: all its
 * parents selected; buildable: all parents selected or upstream of the selection; empty:
 * only tests selected directly.
 */
public enum IndirectSelection {
    EAGER,
    CAUTIOUS,
    BUILDABLE,
    EMPTY;

    public static IndirectSelection parse(String value) {
        if (value == null || value.isBlank()) {
            return EAGER;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MallardException(ErrorCode.USAGE, "--indirect-selection must be eager, cautious, buildable or empty, not '"
                    + value + "'");
        }
    }

    /** The selection plus the tests this mode brings along. */
    public Set<NodeId> apply(Set<NodeId> selected, Manifest manifest, Dag dag) {
        Set<NodeId> out = new LinkedHashSet<>(selected);
        if (this == EMPTY) {
            return out;
        }
        Set<NodeId> upstream = this == BUILDABLE ? upstreamOf(selected, dag) : Set.of();
        for (Node n : manifest.nodes().values()) {
            if (n.resourceType() != ResourceType.TEST || out.contains(n.id()) || !n.config().enabled()) {
                continue; // a disabled test (one whose ref names a missing node) comes along with nothing
            }
            List<NodeId> parents = dag.parents(n.id());
            boolean take = switch (this) {
                case EAGER -> parents.stream().anyMatch(selected::contains);
                case CAUTIOUS -> !parents.isEmpty() && selected.containsAll(parents);
                case BUILDABLE -> !parents.isEmpty() && parents.stream().anyMatch(selected::contains)
                        && parents.stream().allMatch(p -> selected.contains(p) || upstream.contains(p));
                case EMPTY -> false;
            };
            if (take) {
                out.add(n.id());
            }
        }
        return out;
    }

    private static Set<NodeId> upstreamOf(Set<NodeId> selected, Dag dag) {
        Set<NodeId> up = new LinkedHashSet<>();
        for (NodeId id : selected) {
            up.addAll(dag.ancestors(id, -1));
        }
        return up;
    }
}
