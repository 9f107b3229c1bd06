package dev.mallard.core.project;

import java.util.List;
import java.util.Map;

/**
 * One output of a profile: where models are built. {@code raw} keeps every key of the
 * output (rendered) so engines can read their own settings.
 */
public record Target(
        String profileName,
        String name,
        String type,
        String schema,
        String database,
        int threads,
        Map<String, Object> raw,
        boolean defaulted) {

    public Target {
        raw = dev.mallard.core.common.Frozen.map(raw);
        if (threads < 1) {
            threads = 1;
        }
    }

    /**
     * The catalog that unqualified relations live in: the configured database, else (as
     * dbt-duckdb does) the stem of the database file, or "memory"; Spark's session catalog.
     */
    public String effectiveDatabase() {
        if (database != null && !database.isBlank()) {
            return database;
        }
        if ("spark".equalsIgnoreCase(type)) {
            return "spark_catalog"; // dbt-spark has no database: a schema lives in Spark's session catalog
        }
        String path = string("path");
        if (path == null || path.isBlank() || path.equals(":memory:") || path.startsWith("md:")) {
            return "memory";
        }
        String fileName = java.nio.file.Path.of(path).getFileName().toString();
        int dot = fileName.indexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The {@code target} variable templates see. */
    public java.util.Map<String, Object> context() {
        java.util.Map<String, Object> ctx = new java.util.LinkedHashMap<>(raw);
        ctx.remove("password");
        ctx.put("name", name);
        ctx.put("target_name", name);
        ctx.put("profile_name", profileName);
        ctx.put("type", type);
        ctx.put("schema", schema);
        ctx.put("database", effectiveDatabase());
        ctx.put("threads", threads);
        return java.util.Collections.unmodifiableMap(ctx);
    }

    public String string(String key) {
        Object value = raw.get(key);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Object value = raw.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public List<?> list(String key) {
        Object value = raw.get(key);
        return value instanceof List<?> l ? l : List.of();
    }
}
