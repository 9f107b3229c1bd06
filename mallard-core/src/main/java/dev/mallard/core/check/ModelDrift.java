package dev.mallard.core.check;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.run.Workspace;
import dev.mallard.core.select.Selector;
import dev.mallard.core.state.LastBuild;
import dev.mallard.core.state.PreviousState;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Models, seeds and snapshots out of step with the database: the drift check of seed
 * 000's CI (a model that is not materialised is a "pending migration"), plus every node
 * whose SQL, config or relation changed since it was last built (compared with
 * target/last_build, which each run, seed, snapshot and build keeps up to date).
 */
public final class ModelDrift {
    private static final Set<ResourceType> BUILT = EnumSet.of(ResourceType.MODEL, ResourceType.SEED,
            ResourceType.SNAPSHOT);

    private ModelDrift() {
    }

    public static List<Finding> findings(Workspace ws) {
        List<Finding> out = new ArrayList<>();
        Set<NodeId> missing = new java.util.HashSet<>();
        List<Node> nodes = ws.manifest().nodes().values().stream()
                .filter(n -> BUILT.contains(n.resourceType()))
                .filter(n -> n.config().enabled())
                .filter(n -> !isEphemeral(n))
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
        try (EngineSession session = ws.engine().openSession()) {
            for (Node n : nodes) {
                if (session.findRelation(n.relation()).isEmpty()) {
                    missing.add(n.id());
                    out.add(new Finding("not built", n.id().value(), n.resourceType().dbtName() + " " + n.name() + " ("
                            + n.originalFilePath() + ") has no relation " + n.relation().render()
                            + " in the database"));
                }
            }
        }
        java.nio.file.Path last = LastBuild.dir(ws.project().targetDir());
        if (!Files.isRegularFile(last.resolve(PreviousState.MANIFEST))) {
            if (!nodes.isEmpty()) {
                out.add(new Finding("no build record", ws.project().targetDir().relativize(last).toString(),
                        "no build has been recorded in " + last + "; run mallard build"));
            }
            return out;
        }
        Set<NodeId> changed = new Selector(ws.manifest(), ws.dag(), PreviousState.at(last))
                .select(List.of("state:modified"), List.of(), BUILT);
        for (Node n : nodes) {
            if (changed.contains(n.id()) && !missing.contains(n.id())) {
                out.add(new Finding("changed", n.id().value(), n.resourceType().dbtName() + " " + n.name() + " ("
                        + n.originalFilePath() + ") changed since it was last built"));
            }
        }
        return out;
    }

    private static boolean isEphemeral(Node n) {
        return n instanceof ModelNode && "ephemeral".equals(n.config().materialized());
    }
}
