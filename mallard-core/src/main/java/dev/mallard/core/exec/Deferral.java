package dev.mallard.core.exec;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a ref reads the deferred relation instead of its own, as dbt decides it: when the
 * node's relation does not exist in this target, or, with {@code favorState}, whenever
 * the node is not selected.
 *
 * @param selected the nodes this invocation selected
 */
public record Deferral(DeferralSource source, Set<NodeId> selected, boolean favorState) {
    public Deferral {
        Objects.requireNonNull(source, "source");
        selected = Set.copyOf(selected);
    }

    /**
     * The relation a ref to {@code target} should read instead of its own, if any.
     *
     * @param session where to look the node's own relation up; null when no engine is open
     */
    public Optional<Relation> relationFor(Node target, EngineSession session) {
        Optional<Relation> deferred = source.deferredRelation(target.id());
        if (deferred.isEmpty()) {
            return Optional.empty();
        }
        if (favorState && !selected.contains(target.id())) {
            return deferred;
        }
        if (session != null && session.findRelation(target.relation()).isEmpty()) {
            return deferred;
        }
        return Optional.empty();
    }
}
