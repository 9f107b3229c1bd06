package dev.mallard.core.materialize;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An external model's settings, read from its config as dbt-duckdb reads them: the file
 * (or, when partitioned, directory) it publishes, the format, the COPY options, and, for
 * Mallard's incremental external models, the strategy and key.
 *
 * @param location absolute path of the published file or partitioned directory
 * @param format parquet, csv or json
 * @param copyOptions COPY options other than FORMAT and PARTITION_BY, rendered as {@code key value}
 * @param partitionBy the partition columns, empty when not partitioned
 * @param strategy null (rebuilt every run), "append" or "merge"
 * @param uniqueKey the merge key columns
 */
public record ExternalConfig(Path location, String format, List<String> copyOptions, List<String> partitionBy,
                      String strategy, List<String> uniqueKey) {
    static final List<String> FORMATS = List.of("parquet", "csv", "json");
    static final List<String> STRATEGIES = List.of("append", "merge");

    public ExternalConfig {
        copyOptions = List.copyOf(copyOptions);
        partitionBy = List.copyOf(partitionBy);
        uniqueKey = List.copyOf(uniqueKey);
    }

    public boolean partitioned() {
        return !partitionBy.isEmpty();
    }

    /** The settings of an external model; relative locations resolve against {@code projectDir}. */
    public static ExternalConfig of(Node node, Path projectDir, String externalRoot) {
        return of(node.name(), node.config(), projectDir, externalRoot);
    }

    static ExternalConfig of(String model, NodeConfig c, Path projectDir, String externalRoot) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (c.get("options") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> options.put(String.valueOf(k).toLowerCase(Locale.ROOT), v));
        } else if (c.get("options") != null) {
            throw fail(model, "options must be a mapping of COPY options");
        }
        for (String folderOption : List.of("per_thread_output", "file_size_bytes")) {
            if (options.containsKey(folderOption)) {
                // these make COPY write a folder of files, which is not published atomically (partition_by is)
                throw fail(model, "COPY option '" + folderOption + "' is not supported for external models");
            }
        }
        Object partitionValue = c.get("partition_by") != null ? c.get("partition_by") : options.get("partition_by");
        options.remove("partition_by");
        List<String> partitionBy = columns(partitionValue);
        String format = c.get("format") != null ? String.valueOf(c.get("format"))
                : options.get("format") != null ? String.valueOf(options.get("format")) : null;
        options.remove("format");
        String root = externalRoot == null || externalRoot.isBlank() ? "." : externalRoot;
        // seed 002 writes +external_location on models, which dbt-duckdb ignores; Mallard honours it
        Object configured = c.get("location") != null ? c.get("location") : c.get("external_location");
        String template = configured != null ? String.valueOf(configured)
                : partitionBy.isEmpty() ? "{external_root}/{name}.{format}" : "{external_root}/{name}";
        if (format == null) {
            format = extensionFormat(configured == null ? null : template);
        }
        format = format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw fail(model, "format '" + format + "' is not supported (supported: " + String.join(", ", FORMATS) + ")");
        }
        String rendered = template.replace("{external_root}", root).replace("{name}", model)
                .replace("{format}", format);
        Path location = projectDir.resolve(rendered).toAbsolutePath().normalize();
        if ("csv".equals(format) && !options.containsKey("header")) {
            options.put("header", 1);
        }
        List<String> copyOptions = options.entrySet().stream().map(e -> copyOption(e.getKey(), e.getValue())).toList();
        String strategy = c.get("incremental_strategy") == null ? null
                : String.valueOf(c.get("incremental_strategy")).trim().toLowerCase(Locale.ROOT);
        if (strategy != null && !STRATEGIES.contains(strategy)) {
            throw fail(model, "incremental_strategy '" + strategy + "' is not supported for external models (supported: "
                    + String.join(", ", STRATEGIES) + ")");
        }
        List<String> key = columns(c.get("unique_key"));
        if ("merge".equals(strategy) && key.isEmpty()) {
            throw fail(model, "incremental_strategy 'merge' needs a unique_key");
        }
        return new ExternalConfig(location, format, copyOptions, partitionBy, strategy, key);
    }

    /** dbt-duckdb takes the format from the location's extension when none is configured. */
    private static String extensionFormat(String location) {
        if (location != null) {
            String lower = location.toLowerCase(Locale.ROOT);
            for (String f : FORMATS) {
                if (lower.endsWith("." + f)) {
                    return f;
                }
            }
        }
        return "parquet";
    }

    /** As dbt-duckdb: delimiter, quote, escape and null are string literals; other values go in as written. */
    private static String copyOption(String key, Object value) {
        String v = value instanceof Boolean b ? (b ? "true" : "false") : String.valueOf(value);
        if (List.of("delimiter", "quote", "escape", "null").contains(key) && !v.startsWith("'")) {
            v = "'" + v.replace("'", "''") + "'";
        }
        return key + " " + v;
    }

    private static List<String> columns(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).map(String::trim).toList();
        }
        String s = String.valueOf(value).trim();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        return java.util.Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static MallardException fail(String model, String message) {
        return new MallardException(ErrorCode.PROJECT, "model '" + model + "': " + message);
    }
}
