package dev.mallard.core.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every node, source, macro and doc of the project, immutable. */
public record Manifest(
        String projectName,
        Map<NodeId, Node> nodes,
        Map<String, MacroInfo> macros,
        Map<String, DocBlock> docs,
        List<String> onRunStart,
        List<String> onRunEnd,
        Map<NodeId, List<String>> macroDependencies,
        Map<String, GroupInfo> groups) {

    /** A manifest without groups. */
    public Manifest(String projectName, Map<NodeId, Node> nodes, Map<String, MacroInfo> macros,
                    Map<String, DocBlock> docs, List<String> onRunStart, List<String> onRunEnd,
                    Map<NodeId, List<String>> macroDependencies) {
        this(projectName, nodes, macros, docs, onRunStart, onRunEnd, macroDependencies, Map.of());
    }

    /** A manifest whose nodes call no macros. */
    public Manifest(String projectName, Map<NodeId, Node> nodes, Map<String, MacroInfo> macros,
                    Map<String, DocBlock> docs, List<String> onRunStart, List<String> onRunEnd) {
        this(projectName, nodes, macros, docs, onRunStart, onRunEnd, Map.of(), Map.of());
    }

    public Manifest {
        macroDependencies = Map.copyOf(macroDependencies);
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
        docs = Collections.unmodifiableMap(new LinkedHashMap<>(docs));
        onRunStart = List.copyOf(onRunStart);
        onRunEnd = List.copyOf(onRunEnd);
    }

    /** The unique ids of the macros a node's own code calls (dbt's depends_on.macros). */
    public List<String> macrosCalledBy(NodeId id) {
        return macroDependencies.getOrDefault(id, List.of());
    }

    public Optional<Node> node(NodeId id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public List<Node> executable() {
        return nodes.values().stream().filter(n -> n.resourceType() != ResourceType.SOURCE).toList();
    }

    public <T extends Node> List<T> nodesOf(Class<T> type) {
        return nodes.values().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
