package dev.mallard.core.parse;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.SourceNode;
import dev.mallard.core.project.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns {@code sources:} entries into one {@link SourceNode} per table. */
final class SourceReader {
    private final Project project;
    private final String pkg;
    private final java.util.function.BiFunction<String, String, String> renderer;

    /** {@code renderer} renders the Jinja in a value (file, text), e.g. {@code schema: "{{ target.schema }}_raw"}. */
    SourceReader(Project project, String pkg, java.util.function.BiFunction<String, String, String> renderer) {
        this.project = project;
        this.pkg = pkg;
        this.renderer = renderer;
    }

    private String rendered(Object value, String file) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value);
        return s.contains("{{") || s.contains("{%") ? renderer.apply(file, s).trim() : s;
    }

    @SuppressWarnings("unchecked")
    List<SourceNode> read(List<PropertiesReader.SourceDefinition> definitions) {
        List<SourceNode> out = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        PropertiesReader props = new PropertiesReader(project.dir(), Map.of(), pkg);
        for (PropertiesReader.SourceDefinition def : definitions) {
            Map<String, Object> s = def.yaml();
            Object nameValue = s.get("name");
            if (nameValue == null) {
                throw new MallardException(ErrorCode.YAML, "a source has no name", def.file(), 0);
            }
            String sourceName = String.valueOf(nameValue);
            Object writtenSchema = s.get("schema");
            Object writtenDatabase = s.get("database");
            // dbt renders the Jinja of a source's meta and freshness while parsing
            s = renderedProperties(s, def.file());
            Map<String, Object> sourceConfig = s.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
            Map<String, Object> sourceMeta = merged(s.get("meta"), sourceConfig.get("meta"));
            SourceNode.Written written = new SourceNode.Written(sourceMeta, writtenSchema, writtenDatabase, null);
            String schema = s.get("schema") == null ? sourceName : rendered(s.get("schema"), def.file());
            String database = s.get("database") == null ? project.target().effectiveDatabase()
                    : rendered(s.get("database"), def.file());
            Object tables = s.get("tables");
            if (!(tables instanceof List<?> tableList)) {
                continue;
            }
            for (Object t : tableList) {
                if (!(t instanceof Map<?, ?> tm)) {
                    throw new MallardException(ErrorCode.YAML, "each table of source '" + sourceName + "' must be a mapping",
                            def.file(), 0);
                }
                Map<String, Object> table = renderedProperties((Map<String, Object>) tm, def.file());
                Object tableName = table.get("name");
                if (tableName == null) {
                    throw new MallardException(ErrorCode.YAML, "a table of source '" + sourceName + "' has no name",
                            def.file(), 0);
                }
                String name = String.valueOf(tableName);
                String key = sourceName + "." + name;
                String previous = seen.putIfAbsent(key, def.file());
                if (previous != null) {
                    throw new MallardException(ErrorCode.DUPLICATE_NODE, "source '" + key + "' is defined twice (also in "
                            + previous + ")", def.file(), 0);
                }
                Map<String, Object> tableConfig = table.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
                Map<String, Object> config = new LinkedHashMap<>(sourceConfig);
                ConfigMerger.mergeInto(config, tableConfig);
                Map<String, Object> meta = merged(sourceMeta, merged(table.get("meta"), tableConfig.get("meta")));
                String identifier = table.get("identifier") == null ? name : rendered(table.get("identifier"), def.file());
                Object external = first(tableConfig.get("external_location"), meta.get("external_location"),
                        table.get("external_location"), sourceConfig.get("external_location"));
                String location = external == null ? null : format(rendered(external, def.file()), name, identifier,
                        sourceName, schema);
                List<String> fqn = new ArrayList<>();
                fqn.add(pkg);
                String fileFolder = def.file().contains("/") ? def.file().substring(0, def.file().lastIndexOf('/')) : "";
                for (String part : fileFolder.split("/")) {
                    if (!part.isEmpty()) {
                        fqn.add(part);
                    }
                }
                if (fqn.size() > 1) {
                    fqn.remove(1); // the root folder (models/) is not part of the fqn
                }
                fqn.add(sourceName);
                fqn.add(name);
                config.putIfAbsent("enabled", true);
                // dbt: a source table's tags are its source's then its own (tags: or config: tags:)
                List<String> tags = new ArrayList<>();
                for (Object value : new Object[] {s.get("tags"), sourceConfig.get("tags"), table.get("tags"),
                        tableConfig.get("tags")}) {
                    addTags(tags, value);
                }
                if (!tags.isEmpty()) {
                    config.put("tags", tags);
                }
                SourceConfigs.addFreshness(config, s, table);
                // dbt's config.meta and unrendered_config.meta are the source's and the table's meta merged
                config.put("meta", meta);
                Map<String, Object> unrendered = new LinkedHashMap<>(SourceConfigs.unrendered(config, table));
                unrendered.put("meta", meta);
                out.add(new SourceNode(new NodeId("source." + pkg + "." + sourceName + "." + name), sourceName, name, pkg,
                        def.file(), def.file(), fqn, new NodeConfig(config), new Relation(database, schema, identifier),
                        props.description(table.get("description"), def.file()),
                        props.description(s.get("description"), def.file()),
                        props.columns(table.get("columns"), def.file()), meta, location,
                        s.get("loader") == null ? "" : String.valueOf(s.get("loader")),
                        PropertiesReader.tests(table), unrendered,
                        written.withExternal(table.get("external") instanceof Map<?, ?> x ? (Map<String, Object>) x : null)));
            }
        }
        return out;
    }

    /** {@code yaml} with the Jinja of its meta and freshness (top level and under config:) rendered. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> renderedProperties(Map<String, Object> yaml, String file) {
        Map<String, Object> out = new LinkedHashMap<>(yaml);
        for (String key : List.of("meta", "freshness")) {
            if (out.get(key) != null) {
                out.put(key, renderedDeep(out.get(key), file, key.equals("freshness")));
            }
        }
        if (out.get("config") instanceof Map<?, ?> config) {
            out.put("config", renderedProperties((Map<String, Object>) config, file));
        }
        return out;
    }

    /** Each string of {@code value} rendered; a freshness count that renders to digits is a number, as in dbt. */
    private Object renderedDeep(Object value, String file, boolean freshness) {
        if (value instanceof String text && (text.contains("{{") || text.contains("{%"))) {
            return renderer.apply(file, text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object r = renderedDeep(v, file, freshness);
                out.put(k, freshness && "count".equals(k) && r instanceof String t && t.strip().matches("-?\\d+")
                        ? Integer.valueOf(t.strip()) : r);
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(renderedDeep(v, file, freshness)));
            return out;
        }
        return value;
    }

    private static void addTags(List<String> tags, Object value) {
        if (value instanceof List<?> list) {
            list.forEach(t -> addTags(tags, t));
        } else if (value != null && !tags.contains(String.valueOf(value))) {
            tags.add(String.valueOf(value));
        }
    }

    private static Object first(Object... values) {
        for (Object v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** dbt-duckdb formats external_location with the table's fields, Python str.format style. */
    private static String format(String template, String name, String identifier, String sourceName, String schema) {
        return template.replace("{name}", name).replace("{identifier}", identifier)
                .replace("{source_name}", sourceName).replace("{schema}", schema);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merged(Object a, Object b) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (a instanceof Map<?, ?> m) {
            out.putAll((Map<String, Object>) m);
        }
        if (b instanceof Map<?, ?> m) {
            out.putAll((Map<String, Object>) m);
        }
        return out;
    }
}
