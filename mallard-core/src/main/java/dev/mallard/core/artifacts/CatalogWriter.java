package dev.mallard.core.artifacts;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.NodeId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Writes {@code target/catalog.json} in dbt's catalog v1 schema: for every node and source
 * that exists in the database, its relation type, columns with the engine's type names,
 * and stats. Field names and values follow dbt-duckdb's catalog; Mallard adds an exact
 * {@code row_count} stat for tables, which dbt-duckdb does not emit.
 */
public final class CatalogWriter {
    public static final String FILE_NAME = "catalog.json";
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/catalog/v1.json";

    private final ArtifactMetadata metadata;

    public CatalogWriter(ArtifactMetadata metadata) {
        this.metadata = metadata;
    }

    /**
     * Reads the selected nodes' relations through {@code session} and writes the catalog
     * atomically into {@code targetDir}.
     *
     * @return the file written
     */
    public Path write(Path targetDir, Manifest manifest, EngineSession session, Predicate<NodeId> selected) {
        return write(targetDir, new CatalogReader(session).read(manifest, selected));
    }

    /** Writes a catalog of the given entries atomically into {@code targetDir}. */
    public Path write(Path targetDir, List<CatalogEntry> entries) {
        return JsonArtifact.write(targetDir.resolve(FILE_NAME), document(entries));
    }

    /** The catalog as plain maps, in the order dbt writes its keys. */
    public Map<String, Object> document(List<CatalogEntry> entries) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        for (CatalogEntry e : entries) {
            (e.isSource() ? sources : nodes).put(e.id().value(), table(e));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("metadata", metadata());
        doc.put("nodes", nodes);
        doc.put("sources", sources);
        doc.put("errors", null);
        return doc;
    }

    private Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dbt_schema_version", SCHEMA_VERSION);
        m.put("dbt_version", ArtifactMetadata.DBT_VERSION);
        m.put("generated_at", Timestamps.iso(metadata.generatedAt()));
        m.put("invocation_id", metadata.invocationId());
        m.put("invocation_started_at", Timestamps.iso(metadata.invocationStartedAt()));
        m.put("env", metadata.artifactEnv());
        return m;
    }

    private static Map<String, Object> table(CatalogEntry e) {
        Relation r = e.relation().relation();
        Map<String, Object> meta = new LinkedHashMap<>();
        // the information_schema names dbt-duckdb reports
        meta.put("type", e.relation().kind() == RelationKind.VIEW ? "VIEW" : "BASE TABLE");
        meta.put("schema", r.schema());
        meta.put("name", r.identifier());
        meta.put("database", r.database());
        meta.put("comment", null);
        meta.put("owner", null);
        Map<String, Object> columns = new LinkedHashMap<>();
        int index = 1;
        for (ColumnInfo c : e.columns()) {
            columns.put(c.name(), JsonArtifact.object("type", c.type(), "index", index++, "name", c.name(),
                    "comment", null));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metadata", meta);
        out.put("columns", columns);
        out.put("stats", stats(e.rowCount()));
        out.put("unique_id", e.id().value());
        return out;
    }

    /** dbt's shape: the included stats, then {@code has_stats} saying whether there are any. */
    private static Map<String, Object> stats(Long rowCount) {
        Map<String, Object> stats = new LinkedHashMap<>();
        if (rowCount != null) {
            stats.put("row_count", JsonArtifact.object("id", "row_count", "label", "Row Count", "value", rowCount,
                    "include", true, "description", "Number of rows in this table"));
        }
        stats.put("has_stats", JsonArtifact.object("id", "has_stats", "label", "Has Stats?", "value",
                !stats.isEmpty(), "include", false,
                "description", "Indicates whether there are statistics for this table"));
        return stats;
    }
}
