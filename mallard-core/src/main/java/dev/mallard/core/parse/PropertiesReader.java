package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.manifest.ColumnSpec;
import dev.mallard.core.manifest.DocBlock;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.SourceFile;
import dev.mallard.core.project.ValueRenderer;
import dev.mallard.core.project.YamlFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every properties YAML file into patches by resource kind, plus source definitions. */
final class PropertiesReader {

    /** Everything the properties files declared. */
    record Properties(
            Map<String, PropertyPatch> models,
            Map<String, PropertyPatch> seeds,
            Map<String, PropertyPatch> snapshots,
            Map<String, PropertyPatch> analyses,
            List<SourceDefinition> sources,
            List<Map<String, Object>> unitTests) {
    }

    /** One {@code sources:} entry with its file. */
    record SourceDefinition(Map<String, Object> yaml, String file) {
    }

    private final Path projectDir;
    private final Map<String, DocBlock> docs;
    private static final java.util.Set<String> HOOK_KEYS = java.util.Set.of("pre-hook", "post-hook", "pre_hook",
            "post_hook");
    private final String packageName;
    private final ValueRenderer renderer;
    private final Warnings warnings;
    /** The root project's {@code flags:} (require_generic_test_arguments_property). */
    private Map<?, ?> rootFlags = Map.of();

    PropertiesReader(Path projectDir, Map<String, DocBlock> docs, String packageName) {
        this(projectDir, docs, packageName, null, Warnings.ignored());
    }

    /**
     * {@code renderer} renders the Jinja in {@code config:} values as dbt does (natively); null: none.
     * Duplicate and unknown keys are reported to {@code warnings}.
     */
    PropertiesReader(Path projectDir, Map<String, DocBlock> docs, String packageName, ValueRenderer renderer,
                     Warnings warnings) {
        this.projectDir = projectDir;
        this.docs = docs;
        this.packageName = packageName;
        this.renderer = renderer;
        this.warnings = warnings;
    }

    /** With the root project's {@code flags:}, which shape dbt's deprecations of properties files. */
    PropertiesReader rootFlags(Project root) {
        this.rootFlags = root.config().raw().get("flags") instanceof Map<?, ?> f ? f : Map.of();
        return this;
    }

    @SuppressWarnings("unchecked")
    Properties read(List<SourceFile> files) {
        return read(files, f -> YamlFiles.readDocument(f.absolute(), projectDir, warnings));
    }

    /** Reads {@code files}, each one's document given by {@code documents}. */
    @SuppressWarnings("unchecked")
    Properties read(List<SourceFile> files, java.util.function.Function<SourceFile, YamlFiles.Document> documents) {
        Map<String, PropertyPatch> models = new LinkedHashMap<>();
        Map<String, PropertyPatch> seeds = new LinkedHashMap<>();
        Map<String, PropertyPatch> snapshots = new LinkedHashMap<>();
        Map<String, PropertyPatch> analyses = new LinkedHashMap<>();
        List<SourceDefinition> sources = new ArrayList<>();
        List<Map<String, Object>> unitTests = new ArrayList<>();
        List<String> sourceTestWarnings = new ArrayList<>();
        for (SourceFile f : files) {
            YamlFiles.Document document = documents.apply(f);
            Map<String, Object> y = document.values();
            String file = f.relativeToProject();
            new PropertyKeys(file, document, warnings).check();
            TestArguments testArguments = new TestArguments(file, packageName,
                    !Boolean.FALSE.equals(rootFlags.get("require_generic_test_arguments_property")), warnings);
            testArguments.check(y);
            sourceTestWarnings.addAll(testArguments.sourceTests());
            ExposureNames.check(y, file, warnings);
            collect(y, "models", file, models);
            collect(y, "seeds", file, seeds);
            collect(y, "snapshots", file, snapshots);
            collect(y, "analyses", file, analyses);
            for (Map<String, Object> s : entries(y, "sources", file)) {
                sources.add(new SourceDefinition(s, file));
            }
            for (Map<String, Object> u : entries(y, "unit_tests", file)) {
                Map<String, Object> withFile = new LinkedHashMap<>(u);
                withFile.put("__file__", file);
                unitTests.add(withFile);
            }
        }
        sourceTestWarnings.forEach(warnings::add);
        return new Properties(models, seeds, snapshots, analyses, sources, unitTests);
    }

    private void collect(Map<String, Object> y, String key, String file, Map<String, PropertyPatch> out) {
        for (Map<String, Object> entry : entries(y, key, file)) {
            Object name = entry.get("name");
            if (name == null) {
                throw new MallardException(ErrorCode.YAML, "an entry under '" + key + ":' has no name", file, 0);
            }
            String n = String.valueOf(name);
            PropertyPatch existing = out.get(n);
            if (existing != null) {
                throw new MallardException(ErrorCode.DUPLICATE_NODE, "'" + n + "' is described twice under '" + key
                        + ":' (also in " + existing.file() + ")", file, 0);
            }
            out.put(n, patch(entry, n, file));
        }
    }

    @SuppressWarnings("unchecked")
    PropertyPatch patch(Map<String, Object> entry, String name, String file) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (entry.get("config") instanceof Map<?, ?> c) {
            // hooks are SQL rendered when they run, as in dbt
            Object rendered = renderer == null ? c : renderer.renderDeep(c, file, HOOK_KEYS);
            ConfigMerger.mergeInto(config, (Map<String, Object>) rendered);
        }
        // dbt moves these top-level keys into config, and refuses one given in both places
        for (String key : List.of("meta", "docs", "group", "contract", "access")) {
            if (entry.get(key) == null) {
                continue;
            }
            if (entry.get("config") instanceof Map<?, ?> c && c.containsKey(key)) {
                throw new MallardException(ErrorCode.YAML, "'" + name + "' has " + key + " both in 'config' and as"
                        + " a top-level key", file, 0, "remove the top-level key and define it under 'config' only",
                        null);
            }
            config.put(key, entry.get(key));
        }
        if (entry.get("tags") != null) {
            ConfigMerger.mergeInto(config, Map.of("tags", entry.get("tags")));
        }
        return new PropertyPatch(name, file, description(entry.get("description"), file), config,
                columns(entry.get("columns"), file), tests(entry), entry);
    }

    String description(Object d, String file) {
        return d == null ? "" : DocsReader.resolve(String.valueOf(d), docs, packageName, file);
    }

    @SuppressWarnings("unchecked")
    Map<String, ColumnSpec> columns(Object value, String file) {
        Map<String, ColumnSpec> out = new LinkedHashMap<>();
        if (!(value instanceof List<?> list)) {
            return out;
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> raw)) {
                throw new MallardException(ErrorCode.YAML, "each column must be a mapping with a name", file, 0);
            }
            Map<String, Object> c = (Map<String, Object>) raw;
            Object name = c.get("name");
            if (name == null) {
                throw new MallardException(ErrorCode.YAML, "a column has no name", file, 0);
            }
            Map<String, Object> meta = c.get("meta") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Map<String, Object> colConfig = c.get("config") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            if (meta.isEmpty() && colConfig.get("meta") instanceof Map<?, ?> m2) {
                meta = (Map<String, Object>) m2;
            }
            Object dataType = c.get("data_type");
            List<String> tags = new ArrayList<>(dev.mallard.core.manifest.NodeConfig.strings(c.get("tags")));
            out.put(String.valueOf(name), new ColumnSpec(String.valueOf(name), description(c.get("description"), file),
                    dataType == null ? null : String.valueOf(dataType), meta, tests(c),
                    c.get("constraints") instanceof List<?> l ? (List<Object>) l : List.of(),
                    Boolean.TRUE.equals(c.get("quote")), tags));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Object> tests(Map<String, Object> entry) {
        List<Object> out = new ArrayList<>();
        for (String key : List.of("data_tests", "tests")) {
            if (entry.get(key) instanceof List<?> l) {
                out.addAll(l);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> y, String key, String file) {
        Object v = y.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new MallardException(ErrorCode.YAML, "'" + key + ":' must be a list", file, 0);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Map<?, ?>)) {
                throw new MallardException(ErrorCode.YAML, "each entry under '" + key + ":' must be a mapping", file, 0);
            }
            out.add((Map<String, Object>) o);
        }
        return out;
    }
}
