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
            Map<String, Object> sourceConfig = s.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
            Map<String, Object> sourceMeta = merged(s.get("meta"), sourceConfig.get("meta"));
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
                Map<String, Object> table = (Map<String, Object>) tm;
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
                out.add(new SourceNode(new NodeId("source." + pkg + "." + sourceName + "." + name), sourceName, name, pkg,
                        def.file(), def.file(), fqn, new NodeConfig(config), new Relation(database, schema, identifier),
                        props.description(table.get("description"), def.file()),
                        props.description(s.get("description"), def.file()),
                        props.columns(table.get("columns"), def.file()), meta, location,
                        s.get("loader") == null ? "" : String.valueOf(s.get("loader")),
                        PropertiesReader.tests(table), SourceConfigs.unrendered(config, table)));
            }
        }
        return out;
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
