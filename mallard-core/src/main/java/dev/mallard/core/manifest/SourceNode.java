package dev.mallard.core.manifest;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.engine.Relation;
import java.util.List;
import java.util.Map;

/**
 * One table of a {@code sources:} entry. {@code externalLocation} is already formatted.
 * {@code unrenderedConfig} is the config as dbt records it for state comparison (the table's
 * own settings and those it takes from its source).
 */
public record SourceNode(
        NodeId id,
        String sourceName,
        String name,
        String packageName,
        String path,
        String originalFilePath,
        List<String> fqn,
        NodeConfig config,
        Relation relation,
        String description,
        String sourceDescription,
        Map<String, ColumnSpec> columns,
        Map<String, Object> meta,
        String externalLocation,
        String loader,
        List<Object> dataTests,
        Map<String, Object> unrenderedConfig,
        Written written) implements Node {

    /**
     * What the properties file wrote: the source's own meta (dbt's {@code source_meta}), its
     * schema and database as written, before rendering (null when not given), and the table's
     * {@code external:} property (dbt's ExternalTable; null when not given).
     */
    public record Written(Map<String, Object> sourceMeta, Object schema, Object database,
                          Map<String, Object> external) {
        public static final Written NONE = new Written(Map.of(), null, null, null);

        public Written {
            sourceMeta = Frozen.map(sourceMeta);
            external = external == null ? null : Frozen.map(external);
        }

        public Written withExternal(Map<String, Object> tableExternal) {
            return new Written(sourceMeta, schema, database, tableExternal);
        }
    }

    public SourceNode(NodeId id, String sourceName, String name, String packageName, String path,
                      String originalFilePath, List<String> fqn, NodeConfig config, Relation relation,
                      String description, String sourceDescription, Map<String, ColumnSpec> columns,
                      Map<String, Object> meta, String externalLocation, String loader, List<Object> dataTests) {
        this(id, sourceName, name, packageName, path, originalFilePath, fqn, config, relation, description,
                sourceDescription, columns, meta, externalLocation, loader, dataTests, config.values(), Written.NONE);
    }

    public SourceNode {
        unrenderedConfig = Frozen.map(unrenderedConfig);
        written = written == null ? Written.NONE : written;
        fqn = List.copyOf(fqn);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        meta = Frozen.map(meta);
        dataTests = Frozen.list(dataTests);
        description = description == null ? "" : description;
        sourceDescription = sourceDescription == null ? "" : sourceDescription;
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.SOURCE;
    }

    /** What {@code source()} renders to: the external location read, or the relation. */
    public String renderForSql() {
        if (externalLocation != null && !externalLocation.isBlank()) {
            String loc = externalLocation.trim();
            if (loc.contains("(")) {
                return loc;
            }
            return "'" + loc.replace("'", "''") + "'";
        }
        return relation.render();
    }
}
