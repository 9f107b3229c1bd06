package dev.mallard.core.parse;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SeedNode;
import dev.mallard.core.manifest.SourceNode;
import dev.mallard.core.manifest.UnitTestNode;
import dev.mallard.core.manifest.UnitTestNode.Fixture;
import dev.mallard.core.manifest.UnitTestNode.Format;
import dev.mallard.core.manifest.UnitTestNode.Input;
import dev.mallard.core.manifest.UnitTestNode.Overrides;
import dev.mallard.core.manifest.UnitTestNode.RefInput;
import dev.mallard.core.manifest.UnitTestNode.SourceInput;
import dev.mallard.core.manifest.UnitTestNode.ThisInput;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Builds {@link UnitTestNode}s from the {@code unit_tests:} entries of properties YAML,
 * checking what dbt checks at parse time (the model exists, every input exists, the
 * is_incremental override) plus that every input is read by the model.
 */
final class UnitTestReader {
    private static final Set<String> KEYS = Set.of("name", "model", "description", "given", "expect", "overrides",
            "config", "versions", "__file__");

    private final String pkg;
    private final Map<NodeId, Node> nodes;
    private final Set<String> disabledNames;
    private final ProjectFolders folders;

    /** The project's folders: a properties file's folders below its resource root (for the fqn), and fixture files. */
    interface ProjectFolders {
        List<String> folders(String file);

        /** The file {@code <name>.<extension>} under a {@code <test-path>/fixtures/} folder (any depth), or null. */
        java.nio.file.Path fixture(String name, String extension);
    }

    UnitTestReader(String pkg, Map<NodeId, Node> nodes, Set<String> disabledNames, ProjectFolders folders) {
        this.pkg = pkg;
        this.nodes = nodes;
        this.disabledNames = disabledNames;
        this.folders = folders;
    }

    /** Every enabled unit test; those of disabled models are left out, as dbt disables them. */
    List<UnitTestNode> read(List<Map<String, Object>> entries) {
        List<UnitTestNode> out = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            out.addAll(read(entry));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<UnitTestNode> read(Map<String, Object> entry) {
        String file = String.valueOf(entry.get("__file__"));
        String name = required(entry, "name", "a unit test", file);
        String where = "unit test '" + name + "'";
        String modelName = required(entry, "model", where, file);
        for (String key : entry.keySet()) {
            if (!KEYS.contains(key)) {
                throw new MallardException(ErrorCode.YAML, where + " has an unknown key '" + key + "'", file, 0,
                        "a unit test has name, model, description, given, expect, overrides and config", null);
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        if (entry.get("config") instanceof Map<?, ?> c) {
            ConfigMerger.mergeInto(config, (Map<String, Object>) c);
        } else if (entry.get("config") != null) {
            throw new MallardException(ErrorCode.YAML, where + ": 'config' must be a mapping", file, 0);
        }
        config.putIfAbsent("tags", List.of());
        config.putIfAbsent("meta", Map.of());
        config.putIfAbsent("enabled", true);
        NodeConfig nodeConfig = new NodeConfig(config);
        List<ModelNode> models = UnitTestVersions.models(nodes.values(), pkg, modelName, entry.get("versions"), where,
                file);
        if (models.isEmpty()) {
            if (disabledNames.contains(modelName)) {
                return List.of();
            }
            throw new MallardException(ErrorCode.UNKNOWN_REFERENCE, "unable to find model '" + pkg + "." + modelName
                    + "' for " + where, file, 0, "'model:' must name a model of this project", null);
        }
        if (!nodeConfig.enabled()) {
            return List.of();
        }
        List<UnitTestNode> out = new ArrayList<>();
        for (ModelNode model : models) {
            out.add(read(entry, model, name, modelName, nodeConfig, where, file));
        }
        return out;
    }

    /** The unit test of one model (of one version of a versioned model). */
    @SuppressWarnings("unchecked")
    private UnitTestNode read(Map<String, Object> entry, ModelNode model, String name, String modelName,
                              NodeConfig nodeConfig, String where, String file) {
        if (!(entry.get("given") instanceof List<?> givenList)) {
            throw new MallardException(ErrorCode.YAML, where + " needs a 'given:' list (it may be empty: given: [])",
                    file, 0);
        }
        List<Fixture> given = new ArrayList<>();
        for (Object g : givenList) {
            if (!(g instanceof Map<?, ?> gm) || gm.get("input") == null) {
                throw new MallardException(ErrorCode.YAML, where + ": each 'given:' entry needs an 'input:'", file, 0);
            }
            String inputText = String.valueOf(gm.get("input")).trim();
            Input input = input(inputText, where, file);
            checkInput(input, inputText, model, where, file);
            given.add(fixture((Map<String, Object>) gm, inputText, input, where + ", input " + inputText, file));
        }
        if (!(entry.get("expect") instanceof Map<?, ?> em)) {
            throw new MallardException(ErrorCode.YAML, where + " needs an 'expect:' mapping with rows", file, 0);
        }
        Fixture expect = fixture((Map<String, Object>) em, null, null, where + ", expect", file);
        Overrides overrides = overrides(entry.get("overrides"), where, file);
        checkIncremental(model, overrides, given, where, file);

        List<String> fqn = new ArrayList<>();
        fqn.add(pkg);
        fqn.addAll(folders.folders(file));
        fqn.add(modelName);
        fqn.add(name);
        Relation relation = new Relation(model.relation().database(), model.relation().schema(), name);
        String description = entry.get("description") == null ? "" : String.valueOf(entry.get("description"));
        String path = file.contains("/") ? file.substring(file.indexOf('/') + 1) : file;
        Map<String, Object> forChecksum = new LinkedHashMap<>(entry);
        forChecksum.remove("description");
        forChecksum.remove("__file__");
        String idName = model.version() == null ? name : name + "_v" + model.version().label();
        return new UnitTestNode(new NodeId(ResourceType.UNIT_TEST.dbtName() + "." + pkg + "." + modelName + "." + idName),
                name, pkg, path, file, fqn, nodeConfig, relation, description, modelName, model.id(), given, expect,
                overrides, Checksums.sha256(PyRepr.of(forChecksum)), model.version() == null ? null : model.version().v(),
                UnitTestVersions.normalized(entry.get("versions")));
    }

    private static Input input(String text, String where, String file) {
        if (text.equals("this")) {
            return new ThisInput();
        }
        RefCall ref = JinjaCalls.wholeRef(text);
        if (ref != null) {
            return new RefInput(ref.packageName(), ref.name(), ref.version());
        }
        List<String> source = JinjaCalls.wholeCall(text, "source");
        if (source != null && source.size() == 2) {
            return new SourceInput(source.get(0), source.get(1));
        }
        throw new MallardException(ErrorCode.YAML, where + " has an invalid input '" + text + "'", file, 0,
                "write input: ref('model'), source('source', 'table') or this", null);
    }

    /** The input must exist (as in dbt) and the model must read it. */
    private void checkInput(Input input, String text, ModelNode model, String where, String file) {
        if (input instanceof RefInput ref) {
            boolean exists = nodes.values().stream().anyMatch(n -> n.name().equals(ref.name())
                    && (ref.packageName() == null || ref.packageName().equals(n.packageName()))
                    && (n.resourceType() == ResourceType.MODEL || n.resourceType() == ResourceType.SEED
                            || n.resourceType() == ResourceType.SNAPSHOT));
            if (!exists) {
                throw new MallardException(ErrorCode.UNKNOWN_REFERENCE, where + " has an input (" + text
                        + ") which was not found in the project", file, 0);
            }
            // dbt accepts rows for an input the model does not read, and ignores them
        } else if (input instanceof SourceInput src) {
            boolean exists = nodes.values().stream().anyMatch(n -> n instanceof SourceNode s
                    && s.sourceName().equals(src.sourceName()) && s.name().equals(src.tableName()));
            if (!exists) {
                throw new MallardException(ErrorCode.UNKNOWN_REFERENCE, where + " has an input (" + text
                        + ") which was not found in the project", file, 0);
            }
        }
    }


    @SuppressWarnings("unchecked")
    private Fixture fixture(Map<String, Object> m, String inputText, Input input, String where, String file) {
        String formatText = m.get("format") == null ? "dict" : String.valueOf(m.get("format")).trim();
        Format format;
        try {
            format = Format.valueOf(formatText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MallardException(ErrorCode.YAML, where + ": format must be dict, csv or sql, not '" + formatText
                    + "'", file, 0);
        }
        if (m.get("fixture") != null) {
            return fromFile(String.valueOf(m.get("fixture")).trim(), format, inputText, input, where, file);
        }
        Object rows = m.get("rows");
        return switch (format) {
            case DICT -> {
                if (rows == null && input instanceof RefInput ref) {
                    yield new Fixture(inputText, input, format, seedRows(ref, where, file), null);
                }
                if (!(rows instanceof List<?> list)) {
                    throw new MallardException(ErrorCode.YAML, where + ": rows must be a list of mappings for format "
                            + "dict", file, 0);
                }
                List<Map<String, Object>> out = new ArrayList<>();
                for (Object row : list) {
                    if (!(row instanceof Map<?, ?> rm)) {
                        throw new MallardException(ErrorCode.YAML, where + ": each row must be a mapping of column to "
                                + "value, found: " + row, file, 0);
                    }
                    Map<String, Object> r = new LinkedHashMap<>();
                    ((Map<Object, Object>) rm).forEach((k, v) -> r.put(String.valueOf(k), Frozen.value(v)));
                    out.add(r);
                }
                yield new Fixture(inputText, input, format, out, null);
            }
            case CSV -> {
                if (!(rows instanceof String text)) {
                    throw new MallardException(ErrorCode.YAML, where + ": rows must be a CSV string for format csv "
                            + "(use rows: |)", file, 0);
                }
                yield new Fixture(inputText, input, format, csvRows(new StringReader(text), where, file), null);
            }
            case SQL -> {
                if (!(rows instanceof String text)) {
                    throw new MallardException(ErrorCode.YAML, where + ": rows must be a SQL string for format sql "
                            + "(use rows: |)", file, 0);
                }
                yield new Fixture(inputText, input, format, List.of(), text);
            }
        };
    }

    /** dbt's {@code fixture: name}: the rows of {@code name.csv} (or .sql for format sql) under a {@code fixtures/} folder of a test path. */
    private Fixture fromFile(String name, Format format, String inputText, Input input, String where, String file) {
        if (format == Format.DICT) {
            throw new MallardException(ErrorCode.YAML, where + ": fixture '" + name + "' needs format csv or sql",
                    file, 0, "add format: csv (a .csv file) or format: sql (a .sql file)", null);
        }
        String extension = format == Format.CSV ? "csv" : "sql";
        java.nio.file.Path path = folders.fixture(name, extension);
        if (path == null) {
            throw new MallardException(ErrorCode.YAML, where + ": could not find fixture file " + name + "."
                    + extension, file, 0, "put it in a fixtures/ folder of a test path, e.g. tests/fixtures/" + name
                    + "." + extension, null);
        }
        try {
            if (format == Format.SQL) {
                return new Fixture(inputText, input, format, List.of(), Files.readString(path).strip(), name);
            }
            try (Reader r = Files.newBufferedReader(path)) {
                return new Fixture(inputText, input, format, csvRows(r, where + " (fixture " + name + ")", file), null,
                        name);
            }
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot read fixture " + path + ": " + e.getMessage(), file,
                    0);
        }
    }

    /** CSV rows as dbt reads them: a header line, string values, empty values null. */
    static List<Map<String, Object>> csvRows(Reader text, String where, String file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        List<Map<String, Object>> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new MallardException(ErrorCode.YAML, where + ": CSV row " + (record.getRecordNumber() + 1)
                            + " has " + record.size() + " value" + (record.size() == 1 ? "" : "s") + " but the header "
                            + header + " names " + header.size() + " column" + (header.size() == 1 ? "" : "s"), file, 0);
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String v = record.get(i);
                    row.put(header.get(i), v.isEmpty() ? null : v);
                }
                out.add(row);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new MallardException(ErrorCode.YAML, where + ": the CSV rows cannot be read: " + e.getMessage(),
                    file, 0);
        }
        return out;
    }

    /** dbt reads a seed's own file when a given ref('seed') has no rows. */
    private List<Map<String, Object>> seedRows(RefInput ref, String where, String file) {
        for (Node n : nodes.values()) {
            if (n instanceof SeedNode s && s.name().equals(ref.name()) && s.csvFile() != null) {
                try (Reader r = Files.newBufferedReader(s.csvFile())) {
                    return csvRows(r, where + " (seed " + s.originalFilePath() + ")", file);
                } catch (IOException e) {
                    throw new MallardException(ErrorCode.PROJECT, "cannot read " + s.originalFilePath() + ": "
                            + e.getMessage(), file, 0);
                }
            }
        }
        throw new MallardException(ErrorCode.YAML, where + ": rows are missing (only a seed input may leave them out)",
                file, 0);
    }

    @SuppressWarnings("unchecked")
    private static Overrides overrides(Object value, String where, String file) {
        if (value == null) {
            return Overrides.NONE;
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new MallardException(ErrorCode.YAML, where + ": 'overrides' must be a mapping", file, 0);
        }
        Map<String, Object> o = (Map<String, Object>) m;
        for (String key : o.keySet()) {
            if (!Set.of("macros", "vars", "env_vars").contains(key)) {
                throw new MallardException(ErrorCode.YAML, where + ": unknown override '" + key + "'", file, 0,
                        "overrides has macros, vars and env_vars", null);
            }
        }
        return new Overrides(section(o, "macros", where, file), section(o, "vars", where, file),
                section(o, "env_vars", where, file), true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> o, String key, String where, String file) {
        Object v = o.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new MallardException(ErrorCode.YAML, where + ": overrides." + key + " must be a mapping", file, 0);
        }
        return (Map<String, Object>) m;
    }

    /** dbt's rules: a model calling is_incremental() needs a boolean override, and true needs a 'this' input. */
    private static void checkIncremental(ModelNode model, Overrides overrides, List<Fixture> given, String where,
                                         String file) {
        if (!JinjaCalls.calls(model.originalFilePath(), model.rawCode(), "is_incremental")) {
            return;
        }
        Boolean incremental = overrides.isIncremental();
        if (incremental == null) {
            throw new MallardException(ErrorCode.YAML, "model '" + model.name() + "' calls is_incremental(), so "
                    + where + " needs a boolean override for it", file, 0,
                    "add overrides: {macros: {is_incremental: true}} (or false)", null);
        }
        if (incremental && given.stream().noneMatch(g -> g.input() instanceof ThisInput)) {
            throw new MallardException(ErrorCode.YAML, where + " overrides is_incremental to true, so it needs an "
                    + "input 'this' (the model's existing rows)", file, 0, "add a given: entry with input: this", null);
        }
    }

    private static String required(Map<String, Object> entry, String key, String what, String file) {
        Object v = entry.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new MallardException(ErrorCode.YAML, what + " has no '" + key + "'", file, 0);
        }
        return String.valueOf(v).trim();
    }
}
