package dev.mallard.core.manifest;

import dev.mallard.core.engine.Relation;
import java.util.List;
import java.util.Map;

/** Everything in the DAG. Records, immutable once the manifest is built. */
public sealed interface Node permits ModelNode, SeedNode, SourceNode, TestNode, UnitTestNode, ExposureNode,
        SemanticNode, IngestNode {
    NodeId id();

    String name();

    ResourceType resourceType();

    String packageName();

    /** Path relative to its root folder, e.g. {@code staging/stg_orders.sql}. */
    String path();

    /** Path relative to the project, e.g. {@code models/staging/stg_orders.sql}. */
    String originalFilePath();

    List<String> fqn();

    NodeConfig config();

    /** The node's tags as dbt lists them (its config's; a test adds those of its column and source). */
    default List<String> tags() {
        return config().tags();
    }

    String description();

    Map<String, ColumnSpec> columns();

    /** Where the node's data lives; ephemeral models have one too (never created). */
    Relation relation();

    /** refs and sources this node reads; empty for sources and seeds. */
    default List<RefCall> refs() {
        return List.of();
    }

    default List<SourceCall> sourceCalls() {
        return List.of();
    }

    /** Nodes this one depends on by id rather than through ref() or source() (a metric's semantic models). */
    default List<NodeId> nodeDependencies() {
        return List.of();
    }
}
