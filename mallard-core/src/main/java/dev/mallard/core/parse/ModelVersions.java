package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.manifest.ColumnSpec;
import dev.mallard.core.manifest.ModelVersion;
import dev.mallard.core.project.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code versions:} of versioned models' properties, and which model file defines each
 * version: the one its {@code defined_in:} names, else {@code <name>_v<v>}, as dbt finds them.
 * Each version gets its own properties: the model's, with the version's description, config,
 * tests and columns ({@code include}/{@code exclude} of the model's columns, then its own) over them.
 */
final class ModelVersions {

    /** One version of a model: its properties as they apply to it, and its version fields. */
    record Versioned(String name, PropertyPatch patch, ModelVersion version, List<ColumnSpec> testedColumns) {
        Versioned {
            testedColumns = List.copyOf(testedColumns);
        }
    }

    private static final ModelVersions NONE = new ModelVersions(Map.of(), Map.of());

    /** By the stem of the file that defines it. */
    private final Map<String, Versioned> byStem;
    /** Versioned model names, with the properties file declaring them. */
    private final Map<String, String> versionedNames;

    private ModelVersions(Map<String, Versioned> byStem, Map<String, String> versionedNames) {
        this.byStem = byStem;
        this.versionedNames = versionedNames;
    }

    static ModelVersions none() {
        return NONE;
    }

    /**
     * Reads the versions of every model patch that has them. A version whose file does not exist
     * is left out with dbt's warning; a version given twice, or a latest_version that is none of
     * them (a model without versions has none), is an error naming the properties file.
     */
    static ModelVersions of(Map<String, PropertyPatch> patches, List<SourceFile> files, PropertiesReader reader,
                            Warnings warnings) {
        for (PropertyPatch patch : patches.values()) {
            Object latest = patch.raw().get("latest_version");
            if (latest != null && patch.raw().get("versions") == null) {
                // dbt refuses it whether or not the model exists
                throw new MallardException(ErrorCode.YAML, "latest_version: " + ModelVersion.text(latest)
                        + " is not one of model '" + patch.name() + "' versions: []", patch.file(), 0);
            }
        }
        if (patches.values().stream().noneMatch(p -> p.raw().get("versions") != null)) {
            return NONE;
        }
        Set<String> stems = new java.util.HashSet<>();
        files.forEach(f -> stems.add(f.stem()));
        Map<String, Versioned> byStem = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (PropertyPatch patch : patches.values()) {
            if (!(patch.raw().get("versions") instanceof List<?> versions)) {
                if (patch.raw().get("versions") != null) {
                    throw new MallardException(ErrorCode.YAML, "'versions:' of model '" + patch.name()
                            + "' must be a list", patch.file(), 0);
                }
                continue;
            }
            names.put(patch.name(), patch.file());
            List<Map<String, Object>> entries = entries(patch, versions);
            Object latest = patch.raw().get("latest_version");
            if (latest == null) {
                for (Map<String, Object> e : entries) {
                    latest = latest == null || ModelVersion.compare(e.get("v"), latest) > 0 ? e.get("v") : latest;
                }
            } else {
                String wanted = ModelVersion.text(latest);
                if (entries.stream().noneMatch(e -> ModelVersion.text(e.get("v")).equals(wanted))) {
                    throw new MallardException(ErrorCode.YAML, "latest_version: " + wanted + " is not one of model '"
                            + patch.name() + "' versions: " + entries.stream().map(e -> ModelVersion.text(e.get("v")))
                            .toList(), patch.file(), 0);
                }
            }
            for (Map<String, Object> e : entries) {
                String label = ModelVersion.text(e.get("v"));
                String stem = e.get("defined_in") == null ? patch.name() + "_v" + label
                        : String.valueOf(e.get("defined_in"));
                if (!stems.contains(stem)) {
                    warnings.add("[WARNING]: Did not find matching node for patch with name '" + stem
                            + "' in the 'models' section of file '" + patch.file() + "'");
                    continue;
                }
                Versioned previous = byStem.put(stem, version(patch, e, latest, reader));
                if (previous != null) {
                    throw new MallardException(ErrorCode.DUPLICATE_NODE, "model file '" + stem + "' defines both "
                            + previous.name() + ".v" + previous.version().label() + " and " + patch.name() + ".v"
                            + label, patch.file(), 0, "give each version its own file (defined_in:)", null);
                }
            }
        }
        return new ModelVersions(byStem, names);
    }

    /** The version the file with this stem defines, or null for an unversioned model. */
    Versioned forFile(String stem) {
        return byStem.get(stem);
    }

    /** The versioned model of this name and version, or null. */
    Versioned find(String name, String label) {
        for (Versioned v : byStem.values()) {
            if (v.name().equals(name) && v.version().label().equals(label)) {
                return v;
            }
        }
        return null;
    }

    /** The properties file of versioned model {@code name}, or null when it has no versions. */
    String versionedIn(String name) {
        return versionedNames.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(PropertyPatch patch, List<?> versions) {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Object o : versions) {
            if (!(o instanceof Map<?, ?> m) || m.get("v") == null) {
                throw new MallardException(ErrorCode.YAML, "each entry under 'versions:' of model '" + patch.name()
                        + "' must be a mapping with a 'v:'", patch.file(), 0);
            }
            String label = ModelVersion.text(m.get("v"));
            if (!seen.add(label)) {
                throw new MallardException(ErrorCode.YAML, "Found duplicate version: '" + label
                        + "' in versions list of model '" + patch.name() + "'", patch.file(), 0);
            }
            out.add((Map<String, Object>) m);
        }
        return out;
    }

    private static Versioned version(PropertyPatch model, Map<String, Object> entry, Object latest,
                                     PropertiesReader reader) {
        Map<String, Object> own = new LinkedHashMap<>(entry);
        own.remove("columns");
        PropertyPatch versionPatch = reader.patch(own, model.name(), model.file());
        Map<String, Object> config = new LinkedHashMap<>(model.config());
        ConfigMerger.mergeInto(config, versionPatch.config());
        List<ColumnSpec> columns = columns(model, entry, reader);
        Map<String, ColumnSpec> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        boolean ownTests = entry.get("data_tests") != null || entry.get("tests") != null;
        Map<String, Object> raw = new LinkedHashMap<>(model.raw());
        if (entry.get("constraints") != null) {
            raw.put("constraints", entry.get("constraints"));
        }
        PropertyPatch patch = new PropertyPatch(model.name(), model.file(),
                entry.get("description") != null ? versionPatch.description() : model.description(), config, byName,
                ownTests ? versionPatch.dataTests() : model.dataTests(), raw);
        return new Versioned(model.name(), patch, new ModelVersion(entry.get("v"), latest,
                DeprecationDates.iso(entry.get("deprecation_date"), model.file())), columns);
    }

    /**
     * dbt's columns of a version: the model's columns its include/exclude keeps, in the model's
     * order, then the version's own column entries (a name given in both is listed twice, so both
     * entries' tests apply; the version's entry describes the column).
     */
    private static List<ColumnSpec> columns(PropertyPatch model, Map<String, Object> entry, PropertiesReader reader) {
        List<Object> own = new ArrayList<>();
        Object include = "all";
        List<String> exclude = List.of();
        if (entry.get("columns") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && (m.containsKey("include") || m.containsKey("exclude"))
                        && !m.containsKey("name")) {
                    include = m.get("include") == null ? "all" : m.get("include");
                    exclude = dev.mallard.core.manifest.NodeConfig.strings(m.get("exclude"));
                } else {
                    own.add(o);
                }
            }
        } else if (entry.get("columns") != null) {
            throw new MallardException(ErrorCode.YAML, "'columns:' of version " + entry.get("v") + " of model '"
                    + model.name() + "' must be a list", model.file(), 0);
        }
        boolean all = "all".equals(include) || "*".equals(include);
        List<String> included = all ? null : dev.mallard.core.manifest.NodeConfig.strings(include);
        if (!all && !(include instanceof List<?>)) {
            throw new MallardException(ErrorCode.YAML, "'include:' of version " + entry.get("v") + " of model '"
                    + model.name() + "' must be 'all', '*' or a list of column names", model.file(), 0);
        }
        List<ColumnSpec> out = new ArrayList<>();
        for (ColumnSpec c : model.columns().values()) {
            if ((included == null || included.contains(c.name())) && !exclude.contains(c.name())) {
                out.add(c);
            }
        }
        out.addAll(reader.columns(own, model.file()).values());
        return out;
    }
}
