package dev.mallard.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.exec.DeferralSource;
import dev.mallard.core.manifest.NodeId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The relations recorded in a previous manifest, for {@code --defer}: every model, seed
 * and snapshot that exists in a database (ephemeral models do not).
 */
public final class StateDeferral implements DeferralSource {
    private static final Set<String> REFABLE = Set.of("model", "seed", "snapshot");
    private final Map<NodeId, Relation> relations = new HashMap<>();

    public StateDeferral(PreviousState state) {
        for (Iterator<Map.Entry<String, JsonNode>> it = state.manifest().path("nodes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            String alias = text(n, "alias");
            if (!REFABLE.contains(n.path("resource_type").asText()) || alias == null
                    || "ephemeral".equals(n.path("config").path("materialized").asText())) {
                continue;
            }
            relations.put(new NodeId(e.getKey()), new Relation(text(n, "database"), text(n, "schema"), alias));
        }
    }

    @Override
    public Optional<Relation> deferredRelation(NodeId id) {
        return Optional.ofNullable(relations.get(id));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
