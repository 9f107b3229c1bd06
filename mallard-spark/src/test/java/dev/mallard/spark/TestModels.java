package dev.mallard.spark;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import java.util.List;
import java.util.Map;

/** Model nodes with a given config, for tests that need no project. */
final class TestModels {
    private TestModels() {
    }

    static ModelNode model(String name, Map<String, Object> config) {
        return new ModelNode(NodeId.of(ResourceType.MODEL, "p", name), ResourceType.MODEL, name, "p", name + ".sql",
                "models/" + name + ".sql", List.of("p", name), "select 1", new NodeConfig(config),
                new Relation("spark_catalog", "s", name), "", Map.of(), List.of(), List.of(), null, "x");
    }
}
