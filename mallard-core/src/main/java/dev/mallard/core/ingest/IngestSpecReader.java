package dev.mallard.core.ingest;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.manifest.IngestNode;
import dev.mallard.core.manifest.IngestNode.IngestTable;
import dev.mallard.core.manifest.IngestNode.OnExistingKey;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.ValueRenderer;
import dev.mallard.core.project.YamlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the ingest specs, {@code ingest/*.yml} in the project (a folder dbt ignores):
 * <pre>
 * ingests:
 *   - name: orders_files
 *     type: files                 # the IngestSource that runs it
 *     table: raw.orders           # [database.]schema.table; or tables: {raw.a: {key: .., columns: ..}, ..}
 *     key: [id]                   # optional: rows merge on it; absent: appended
 *     on_existing_key: replace    # or keep: a row whose key is stored already is skipped
 *     enabled: "{{ env_var('X', '') != '' }}"   # optional, Jinja allowed (var, env_var, target)
 *     columns: {id: BIGINT}       # optional: declared types, the rest inferred
 *     path: data/orders/*.csv     # ...and the source's own options
 * </pre>
 * Every problem (an unknown type, a missing name, a duplicate name) is reported with its file
 * and line; all specs are checked before the first error is thrown.
 */
public final class IngestSpecReader {
    /** The keys the framework owns; everything else goes to the source as its options. */
    static final Set<String> FRAMEWORK_KEYS = Set.of("name", "type", "table", "tables", "key", "columns",
            "on_existing_key", "description", "tags", "enabled", "meta");
    public static final String FOLDER = "ingest";

    private final Project project;
    private final Predicate<String> knownType;
    private final ValueRenderer renderer;

    /** @param knownType whether an IngestSource serves a {@code type:} (see {@link IngestSources}) */
    public IngestSpecReader(Project project, Predicate<String> knownType) {
        this(project, knownType, null);
    }

    /** @param renderer renders a Jinja {@code enabled:} (null: such a value is an error) */
    public IngestSpecReader(Project project, Predicate<String> knownType, ValueRenderer renderer) {
        this.project = project;
        this.knownType = knownType;
        this.renderer = renderer;
    }

    /** The spec files, sorted: {@code ingest/*.yml} and {@code *.yaml}, not descending into folders. */
    public static List<Path> files(Path projectDir) {
        Path dir = projectDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<IngestNode> read() {
        List<IngestNode> out = new ArrayList<>();
        List<MallardException> problems = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Path file : files(project.dir())) {
            String display = FOLDER + "/" + file.getFileName();
            YamlFiles.Document doc = YamlFiles.readDocument(file, project.dir(), Warnings.ignored());
            Object list = doc.values().get("ingests");
            if (list == null) {
                problems.add(new MallardException(ErrorCode.PROJECT, "an ingest file needs a top-level 'ingests:' list",
                        display, 1));
                continue;
            }
            if (!(list instanceof List<?> items)) {
                problems.add(new MallardException(ErrorCode.PROJECT, "'ingests:' must be a list", display,
                        doc.lineOf("ingests")));
                continue;
            }
            for (int i = 0; i < items.size(); i++) {
                String at = "ingests[" + i + "]";
                int line = firstLine(doc, at, items.get(i));
                try {
                    IngestNode node = spec(items.get(i), display, file.getFileName().toString(), doc, at, line);
                    String previous = seen.putIfAbsent(node.name(), display + ":" + line);
                    if (previous != null) {
                        throw new MallardException(ErrorCode.DUPLICATE_NODE, "ingest '" + node.name()
                                + "' is defined twice (first at " + previous + ")", display, line);
                    }
                    out.add(node);
                } catch (MallardException e) {
                    problems.add(e);
                }
            }
        }
        if (!problems.isEmpty()) {
            MallardException first = problems.get(0);
            if (problems.size() == 1) {
                throw first;
            }
            StringBuilder all = new StringBuilder(first.getMessage());
            for (MallardException p : problems.subList(1, problems.size())) {
                all.append(System.lineSeparator()).append(p.describe());
            }
            throw new MallardException(first.code(), all.toString(), first.file(), first.line());
        }
        return out;
    }

    private static int firstLine(YamlFiles.Document doc, String at, Object item) {
        if (item instanceof Map<?, ?> m) {
            for (Object key : m.keySet()) {
                int line = doc.lineOf(at + "." + key);
                if (line > 0) {
                    return line;
                }
            }
        }
        return doc.lineOf("ingests");
    }

    private IngestNode spec(Object item, String display, String fileName, YamlFiles.Document doc, String at, int line) {
        if (!(item instanceof Map<?, ?> raw)) {
            throw new MallardException(ErrorCode.PROJECT, "each ingest must be a mapping with name: and type:", display, line);
        }
        Map<String, Object> y = new LinkedHashMap<>();
        raw.forEach((k, v) -> y.put(String.valueOf(k), v));
        Object name = y.get("name");
        if (!(name instanceof String n) || n.isBlank()) {
            throw new MallardException(ErrorCode.PROJECT, "an ingest needs a name:", display, line);
        }
        if (!n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new MallardException(ErrorCode.PROJECT, "ingest name '" + n + "' must be letters, digits and _",
                    display, doc.lineOf(at + ".name"));
        }
        Object type = y.get("type");
        if (!(type instanceof String t) || t.isBlank()) {
            throw new MallardException(ErrorCode.PROJECT, "ingest '" + n + "' needs a type: (files, http, postgres)",
                    display, line);
        }
        if (!knownType.test(t)) {
            throw new MallardException(ErrorCode.PROJECT, "ingest '" + n + "' has unknown type '" + t + "'", display,
                    doc.lineOf(at + ".type"), "known types: " + String.join(", ", IngestSources.types()), null);
        }
        List<IngestTable> tables = tables(n, y, display, doc, at, line);
        Map<String, Object> options = new LinkedHashMap<>(y);
        options.keySet().removeAll(FRAMEWORK_KEYS);
        // the table names stay visible to sources too (IngestRun.tables() is the way to read them)
        for (String k : List.of("table", "tables")) {
            if (y.containsKey(k)) {
                options.put(k, y.get(k));
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("enabled", enabled(n, y.get("enabled"), display, doc.lineOf(at + ".enabled")));
        config.put("materialized", "ingest");
        config.put("tags", y.get("tags") instanceof List<?> tags ? tags.stream().map(String::valueOf).toList()
                : y.get("tags") instanceof String tag ? List.of(tag) : List.of());
        config.put("meta", y.get("meta") instanceof Map<?, ?> meta ? meta : Map.of());
        String pkg = project.name();
        return new IngestNode(new NodeId("ingest." + pkg + "." + n), n, pkg, fileName, display, line,
                List.of(pkg, FOLDER, n), new NodeConfig(config), y.get("description") == null ? ""
                : String.valueOf(y.get("description")), t, tables, options);
    }

    /** {@code enabled:} true, false, or Jinja rendering to a truthy or falsy value (false, "", "false", none). */
    private boolean enabled(String ingest, Object value, String display, int line) {
        if (value instanceof String s && (s.contains("{{") || s.contains("{%"))) {
            if (renderer == null) {
                throw new MallardException(ErrorCode.PROJECT, "ingest '" + ingest + "': enabled: cannot be rendered here",
                        display, line);
            }
            value = renderer.render(s, display);
        }
        if (value == null || value instanceof Boolean) {
            return !Boolean.FALSE.equals(value);
        }
        String text = String.valueOf(value).strip().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0", "", "none" -> false;
            default -> throw new MallardException(ErrorCode.PROJECT, "ingest '" + ingest + "': enabled: must be true "
                    + "or false, not '" + value + "'", display, line);
        };
    }

    private List<IngestTable> tables(String ingest, Map<String, Object> y, String display, YamlFiles.Document doc,
                                     String at, int line) {
        Object table = y.get("table");
        Object tables = y.get("tables");
        if (table != null && tables != null) {
            throw new MallardException(ErrorCode.PROJECT, "ingest '" + ingest + "' has both table: and tables:",
                    display, doc.lineOf(at + ".tables"));
        }
        if (table != null) {
            return List.of(table(ingest, String.valueOf(table), y, display, doc.lineOf(at + ".table")));
        }
        if (tables instanceof Map<?, ?> m && !m.isEmpty()) {
            List<IngestTable> out = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Map<String, Object> settings = new LinkedHashMap<>();
                if (e.getValue() instanceof Map<?, ?> s) {
                    s.forEach((k, v) -> settings.put(String.valueOf(k), v));
                } else if (e.getValue() != null) {
                    throw new MallardException(ErrorCode.PROJECT, "ingest '" + ingest + "': tables." + e.getKey()
                            + " must be a mapping (key:, columns:) or empty", display, doc.lineOf(at + ".tables." + e.getKey()));
                }
                out.add(table(ingest, String.valueOf(e.getKey()), settings, display, doc.lineOf(at + ".tables." + e.getKey())));
            }
            return out;
        }
        if (tables instanceof List<?> l && !l.isEmpty()) {
            List<IngestTable> out = new ArrayList<>();
            for (Object t : l) {
                out.add(table(ingest, String.valueOf(t), y, display, doc.lineOf(at + ".tables")));
            }
            return out;
        }
        throw new MallardException(ErrorCode.PROJECT, "ingest '" + ingest + "' needs table: schema.table (or tables:)",
                display, line);
    }

    private IngestTable table(String ingest, String name, Map<String, Object> settings, String display, int line) {
        String[] parts = name.split("\\.", -1);
        for (String p : parts) {
            if (p.isBlank()) {
                throw new MallardException(ErrorCode.PROJECT, "ingest '" + ingest + "': table '" + name
                        + "' is not [database.]schema.table", display, line);
            }
        }
        if (parts.length > 3) {
            throw new MallardException(ErrorCode.PROJECT, "ingest '" + ingest + "': table '" + name
                    + "' is not [database.]schema.table", display, line);
        }
        String database = parts.length == 3 ? parts[0] : project.target().effectiveDatabase();
        String schema = parts.length >= 2 ? parts[parts.length - 2] : project.target().schema();
        Relation relation = new Relation(database, schema, parts[parts.length - 1]);
        List<String> key = new ArrayList<>();
        Object k = settings.get("key");
        if (k instanceof String s) {
            key.add(s);
        } else if (k instanceof List<?> l) {
            l.forEach(v -> key.add(String.valueOf(v)));
        } else if (k != null) {
            throw new MallardException(ErrorCode.PROJECT, "ingest '" + ingest + "': key: must be a column or a list of columns",
                    display, line);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        Object c = settings.get("columns");
        if (c instanceof Map<?, ?> m) {
            m.forEach((col, typ) -> columns.put(String.valueOf(col), String.valueOf(typ)));
        } else if (c != null) {
            throw new MallardException(ErrorCode.PROJECT, "ingest '" + ingest + "': columns: must map names to types "
                    + "({id: BIGINT, ...})", display, line);
        }
        Object onExisting = settings.get("on_existing_key");
        OnExistingKey policy = OnExistingKey.REPLACE;
        if (onExisting != null) {
            String v = String.valueOf(onExisting);
            if (!v.equals("replace") && !v.equals("keep")) {
                throw new MallardException(ErrorCode.PROJECT, "ingest '" + ingest + "': on_existing_key: must be replace "
                        + "or keep, not '" + v + "'", display, line);
            }
            if (key.isEmpty()) {
                throw new MallardException(ErrorCode.PROJECT, "ingest '" + ingest + "': on_existing_key: needs a key:",
                        display, line);
            }
            policy = v.equals("keep") ? OnExistingKey.KEEP : OnExistingKey.REPLACE;
        }
        return new IngestTable(name, relation, key, columns, policy);
    }
}
