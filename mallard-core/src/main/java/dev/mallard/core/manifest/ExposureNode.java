package dev.mallard.core.manifest;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.engine.Relation;
import java.util.List;
import java.util.Map;

/**
 * An exposure from properties YAML ({@code exposures:}): a dashboard, notebook, application
 * or analysis downstream of the project, which depends on the nodes it refs. It is in the
 * DAG (so {@code +exposure:name} selects what feeds it) but nothing is built for it.
 * {@code owner} holds {@code name} and {@code email} as given.
 */
public record ExposureNode(
        NodeId id,
        String name,
        String packageName,
        String path,
        String originalFilePath,
        List<String> fqn,
        NodeConfig config,
        String description,
        String type,
        String label,
        String maturity,
        String url,
        Map<String, Object> owner,
        Map<String, Object> meta,
        List<RefCall> refs,
        List<SourceCall> sourceCalls) implements Node {

    public ExposureNode {
        fqn = List.copyOf(fqn);
        owner = Frozen.map(owner);
        meta = Frozen.map(meta);
        refs = List.copyOf(refs);
        sourceCalls = List.copyOf(sourceCalls);
        description = description == null ? "" : description;
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.EXPOSURE;
    }

    @Override
    public Map<String, ColumnSpec> columns() {
        return Map.of();
    }

    /** An exposure has no relation; this one names it only. */
    @Override
    public Relation relation() {
        return new Relation(null, null, name);
    }
}
