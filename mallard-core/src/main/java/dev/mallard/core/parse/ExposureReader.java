package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.ExposureNode;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.SourceFile;
import dev.mallard.core.project.YamlFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code exposures:} of a project's properties files, as dbt reads them: each names what
 * it depends on with {@code ref(...)} and {@code source(...)} strings, and has a type,
 * owner, and optional label, maturity, url, description, tags, meta and config.
 */
final class ExposureReader {
    private ExposureReader() {
    }

    /** Every enabled exposure of {@code unit}'s properties files, in file order. */
    static List<ExposureNode> read(Project unit) {
        return read(unit, f -> YamlFiles.readDocument(f.absolute(), unit.dir(), dev.mallard.core.error.Warnings.ignored()));
    }

    /** {@link #read(Project)} with each properties file's document given by {@code documents}. */
    static List<ExposureNode> read(Project unit, java.util.function.Function<SourceFile, YamlFiles.Document> documents) {
        List<ExposureNode> out = new ArrayList<>();
        for (SourceFile f : unit.propertyFiles()) {
            Map<String, Object> yaml = documents.apply(f).values();
            if (!(yaml.get("exposures") instanceof List<?> list)) {
                continue;
            }
            for (Object entry : list) {
                if (!(entry instanceof Map<?, ?> m)) {
                    throw new MallardException(ErrorCode.YAML, "each exposure must be a mapping, found: " + entry,
                            f.relativeToProject(), 0);
                }
                ExposureNode e = exposure(unit.name(), f, map(m));
                if (e.config().enabled()) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static ExposureNode exposure(String pkg, SourceFile f, Map<String, Object> y) {
        String file = f.relativeToProject();
        Object name = y.get("name");
        if (name == null) {
            throw new MallardException(ErrorCode.YAML, "an exposure has no name", file, 0);
        }
        if (y.get("type") == null) {
            throw new MallardException(ErrorCode.YAML, "exposure '" + name + "' has no type", file, 0,
                    "give it a type: dashboard, notebook, analysis, ml or application", null);
        }
        Map<String, Object> config = map(y.get("config"));
        Map<String, Object> meta = new LinkedHashMap<>(map(y.get("meta")));
        meta.putAll(map(config.get("meta")));
        List<Object> tags = new ArrayList<>(ConfigMerger.asList(y.get("tags")));
        ConfigMerger.asList(config.get("tags")).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("enabled", config.getOrDefault("enabled", true));
        values.put("tags", tags);
        values.put("meta", meta);
        List<dev.mallard.core.manifest.RefCall> refs = new ArrayList<>();
        List<dev.mallard.core.manifest.SourceCall> sources = new ArrayList<>();
        for (Object dependency : ConfigMerger.asList(y.get("depends_on"))) {
            JinjaCalls.Found found = JinjaCalls.in(String.valueOf(dependency));
            if (found.refs().isEmpty() && found.sources().isEmpty()) {
                throw new MallardException(ErrorCode.YAML, "exposure '" + name + "' depends on '" + dependency
                        + "', which is not a ref() or source() call", file, 0);
            }
            refs.addAll(found.refs());
            sources.addAll(found.sources());
        }
        List<String> fqn = new ArrayList<>();
        fqn.add(pkg);
        fqn.addAll(f.folders());
        fqn.add(String.valueOf(name));
        return new ExposureNode(new NodeId("exposure." + pkg + "." + name), String.valueOf(name), pkg,
                f.relativeToRoot(), file, fqn, new NodeConfig(values), text(y.get("description")),
                String.valueOf(y.get("type")), text(y.get("label")), text(y.get("maturity")), text(y.get("url")),
                map(y.get("owner")), meta, refs, sources);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
