package dev.mallard.core.exec;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.manifest.NodeId;
import java.util.Optional;

/**
 * Relations built by an earlier run in another environment (dbt's {@code --defer}
 * {@code --state}): a ref to a node this run does not have may read that relation instead.
 */
@FunctionalInterface
public interface DeferralSource {
    /** The relation an earlier run built for this node, if it built one. */
    Optional<Relation> deferredRelation(NodeId id);
}
