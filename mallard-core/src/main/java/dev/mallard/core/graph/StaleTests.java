package dev.mallard.core.graph;

import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.TestNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data tests whose ref() or source() names a node that is missing or disabled (a properties
 * entry left for a deleted model, a relationships test to one). dbt 1.11 does not fail on
 * them: it warns about each missing target, disables the test and keeps it in manifest.json's
 * {@code nodes} with the parents that did resolve; no selector reaches it, so it never runs.
 */
final class StaleTests {
    private final Set<NodeId> stale = new LinkedHashSet<>();
    /** dbt links every node's sources before any node's refs, and warns in that order. */
    private final List<String> sourceWarnings = new ArrayList<>();
    private final List<String> refWarnings = new ArrayList<>();

    /** {@code test} depends on a {@code kind} ("node" or "source") named {@code name} that is not there. */
    void missing(TestNode test, String kind, String name, String packageName) {
        stale.add(test.id());
        // dbt's NodeNotFoundOrDisabled text; it names no version and an empty package when the ref gives none
        ("source".equals(kind) ? sourceWarnings : refWarnings).add("[WARNING]: Test '" + test.id().value() + "' (" + test.originalFilePath() + ") depends on a "
                + kind + " named '" + name + "' in package '" + (packageName == null ? "" : packageName)
                + "' which was not found");
    }

    /** {@code test} depends on a disabled node: dbt disables it without a word. */
    void disabledTarget(TestNode test) {
        stale.add(test.id());
    }

    List<String> warnings() {
        List<String> out = new ArrayList<>(sourceWarnings);
        out.addAll(refWarnings);
        return out;
    }

    /** {@code manifest} with each stale test disabled. */
    Manifest applyTo(Manifest manifest) {
        if (stale.isEmpty()) {
            return manifest;
        }
        Map<NodeId, Node> nodes = new LinkedHashMap<>(manifest.nodes());
        for (NodeId id : stale) {
            TestNode t = (TestNode) nodes.get(id);
            Map<String, Object> config = new LinkedHashMap<>(t.config().values());
            Set<String> defaulted = new LinkedHashSet<>(t.config().defaulted());
            if (!config.containsKey("enabled")) {
                defaulted.add("enabled"); // not the user's: unrendered_config stays without it, as dbt's
            }
            config.put("enabled", false);
            nodes.put(id, new TestNode(t.id(), t.name(), t.packageName(), t.path(), t.originalFilePath(), t.fqn(),
                    new NodeConfig(config, defaulted), t.relation(), t.description(), t.rawCode(),
                    t.metadata(), t.columnName(), t.attachedNode(), t.refs(), t.sourceCalls(), t.checksum(), t.tags()));
        }
        return new Manifest(manifest.projectName(), nodes, manifest.macros(), manifest.docs(), manifest.onRunStart(),
                manifest.onRunEnd(), manifest.macroDependencies(), manifest.groups());
    }
}
