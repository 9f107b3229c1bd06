package dev.mallard.core.manifest;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.engine.Relation;
import java.util.List;
import java.util.Map;

/**
 * A data test: generic (from properties YAML, {@code metadata} set) or singular (a SQL file
 * under tests/, {@code metadata} null). {@code relation} is where failures are stored.
 */
public record TestNode(
        NodeId id,
        String name,
        String packageName,
        String path,
        String originalFilePath,
        List<String> fqn,
        NodeConfig config,
        Relation relation,
        String description,
        String rawCode,
        TestMetadata metadata,
        String columnName,
        NodeId attachedNode,
        List<RefCall> refs,
        List<SourceCall> sourceCalls,
        String checksum,
        List<String> tags) implements Node {

    public TestNode {
        tags = tags == null ? config.tags() : List.copyOf(tags);
        fqn = List.copyOf(fqn);
        refs = List.copyOf(refs);
        sourceCalls = List.copyOf(sourceCalls);
        description = description == null ? "" : description;
    }

    /** A test whose tags are its config's (a singular test). */
    public TestNode(NodeId id, String name, String packageName, String path, String originalFilePath, List<String> fqn,
                    NodeConfig config, Relation relation, String description, String rawCode, TestMetadata metadata,
                    String columnName, NodeId attachedNode, List<RefCall> refs, List<SourceCall> sourceCalls,
                    String checksum) {
        this(id, name, packageName, path, originalFilePath, fqn, config, relation, description, rawCode, metadata,
                columnName, attachedNode, refs, sourceCalls, checksum, null);
    }

    /** The macro and arguments of a generic test, as manifest.json's test_metadata. */
    public record TestMetadata(String name, String namespace, Map<String, Object> kwargs) {
        public TestMetadata {
            kwargs = Frozen.map(kwargs);
        }
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.TEST;
    }

    @Override
    public Map<String, ColumnSpec> columns() {
        return Map.of();
    }

    public boolean isGeneric() {
        return metadata != null;
    }

    /** dbt's severity: ERROR unless configured "warn". */
    public boolean warnOnly() {
        return "warn".equalsIgnoreCase(config.string("severity", "error").trim());
    }
}
