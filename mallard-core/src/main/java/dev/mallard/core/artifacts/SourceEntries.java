package dev.mallard.core.artifacts;

import dev.mallard.core.manifest.SourceNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The manifest.json entry of a source table, in manifest v12's field names. */
final class SourceEntries {
    private final double createdAt;

    SourceEntries(double createdAt) {
        this.createdAt = createdAt;
    }

    Map<String, Object> entry(SourceNode s) {
        Map<String, Object> config = NodeEntries.config(s);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("database", s.relation().database());
        e.put("schema", s.relation().schema());
        e.put("name", s.name());
        e.put("resource_type", "source");
        e.put("package_name", s.packageName());
        e.put("path", s.path());
        e.put("original_file_path", s.originalFilePath());
        e.put("unique_id", s.id().value());
        e.put("fqn", s.fqn());
        e.put("source_name", s.sourceName());
        e.put("source_description", s.sourceDescription());
        e.put("loader", s.loader() == null ? "" : s.loader());
        e.put("identifier", s.relation().identifier());
        e.put("quoting", nulls("database", "schema", "identifier", "column"));
        e.put("loaded_at_field", config.get("loaded_at_field"));
        e.put("loaded_at_query", config.get("loaded_at_query"));
        e.put("freshness", config.get("freshness"));
        e.put("external", external(s.written().external()));
        e.put("description", s.description());
        e.put("columns", NodeEntries.columns(s.columns()));
        e.put("meta", s.meta());
        e.put("source_meta", s.written().sourceMeta());
        e.put("tags", config.get("tags"));
        e.put("config", config);
        e.put("patch_path", null);
        e.put("unrendered_config", s.unrenderedConfig());
        // dbt-duckdb renders a source with an external location as that location
        e.put("relation_name", s.renderForSql());
        e.put("created_at", createdAt);
        e.put("unrendered_database", s.written().database());
        e.put("unrendered_schema", s.written().schema());
        e.put("doc_blocks", java.util.List.of());
        return e;
    }

    /**
     * dbt's ExternalTable: the table's {@code external:} property with its fields in dbt's order,
     * then any others; dbt-duckdb's external_location (meta or config) is not part of it.
     */
    private static Map<String, Object> external(Map<String, Object> written) {
        if (written == null) {
            return null;
        }
        Map<String, Object> ext = nulls("location", "file_format", "row_format", "tbl_properties", "partitions");
        ext.putAll(written);
        return ext;
    }

    private static Map<String, Object> nulls(String... keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : keys) {
            m.put(k, null);
        }
        return m;
    }
}
