package dev.mallard.core.parse;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.ModelVersion;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.core.project.ValueRenderer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds generic test nodes from properties YAML entries, named and hashed exactly as
 * dbt names them ({@code not_null_orders_order_id}, {@code test.pkg.<name>.<hash>}).
 */
final class TestBuilder {
    /** Keys of a test entry that are configs, not macro arguments. */
    static final List<String> CONFIG_ARGS = List.of("severity", "tags", "enabled", "where", "limit", "warn_if",
            "error_if", "fail_calc", "store_failures", "store_failures_as", "meta", "database", "schema", "alias");
    private static final Pattern TEST_NAME = Pattern.compile("^(?:([A-Za-z_][0-9A-Za-z_]*)\\.)?([A-Za-z_][0-9A-Za-z_]*)$");

    /** What a test is attached to: a model/seed (by ref, with its version or null) or a source table. */
    record Target(NodeId id, String name, String sourceName, boolean enabled, Object version) {
        Target(NodeId id, String name, String sourceName, boolean enabled) {
            this(id, name, sourceName, enabled, null);
        }

        boolean isSource() {
            return sourceName != null;
        }

        String modelArgument() {
            if (isSource()) {
                return "{{ get_where_subquery(source('" + sourceName + "', '" + name + "')) }}";
            }
            return version == null ? "{{ get_where_subquery(ref('" + name + "')) }}"
                    : "{{ get_where_subquery(ref('" + name + "', version='" + ModelVersion.text(version) + "')) }}";
        }

        String nameForTest() {
            return isSource() ? sourceName + "_" + name
                    : version == null ? name : name + "_v" + ModelVersion.text(version);
        }
    }

    /**
     * The config() a generic test's macro sets when dbt renders it at parse time
     * (dbt-utils' {@code equal_rowcount} sets {@code fail_calc}); namespace may be null.
     */
    interface MacroConfig {
        Map<String, Object> of(String namespace, String name, Map<String, Object> args);
    }

    private final String pkg;
    private final ProjectConfigTree testTree;
    private final RelationNamer namer;
    private final MacroConfig macroConfig;

    private final ValueRenderer configValues;

    TestBuilder(String pkg, ProjectConfigTree testTree, RelationNamer namer) {
        this(pkg, testTree, namer, (ns, name, args) -> Map.of(), null);
    }

    /**
     * {@code configValues} renders the Jinja of a test's config values (enabled, severity, where, ...)
     * as dbt does, natively; null leaves them as written.
     */
    TestBuilder(String pkg, ProjectConfigTree testTree, RelationNamer namer, MacroConfig macroConfig,
                ValueRenderer configValues) {
        this.pkg = pkg;
        this.testTree = testTree;
        this.namer = namer;
        this.macroConfig = macroConfig;
        this.configValues = configValues;
    }

    /**
     * One test from a {@code data_tests:} entry. {@code file} is the YAML file relative to
     * the project, {@code folders} its folders below the resource root (for the fqn).
     */
    @SuppressWarnings("unchecked")
    TestNode build(Object entry, Target target, String column, String file, List<String> folders) {
        return build(entry, target, column, file, folders, List.of());
    }

    /**
     * {@code inheritedTags}: the tags of the tested column and source table, which dbt gives
     * the test node (not its config): sorted with the test's own tags, then its config's.
     */
    @SuppressWarnings("unchecked")
    TestNode build(Object entry, Target target, String column, String file, List<String> folders,
                   List<String> inheritedTags) {
        String testName;
        Map<String, Object> args;
        if (entry instanceof String s) {
            testName = s;
            args = new LinkedHashMap<>();
        } else if (entry instanceof Map<?, ?> raw) {
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) raw);
            if (m.containsKey("test_name")) {
                testName = String.valueOf(m.remove("test_name"));
                args = m;
            } else if (m.size() == 1) {
                Map.Entry<String, Object> only = m.entrySet().iterator().next();
                testName = only.getKey();
                Object value = only.getValue();
                if (value != null && !(value instanceof Map)) {
                    throw new MallardException(ErrorCode.YAML, "the arguments of test '" + testName
                            + "' must be a mapping", file, 0);
                }
                args = value == null ? new LinkedHashMap<>() : dev.mallard.core.common.Frozen.mutableCopy((Map<String, Object>) value);
            } else {
                throw new MallardException(ErrorCode.YAML, "a test entry must have exactly one key (the test name), found "
                        + m.keySet(), file, 0);
            }
        } else {
            throw new MallardException(ErrorCode.YAML, "a test must be a name or a mapping, found: " + entry, file, 0);
        }
        if (column != null) {
            args.put("column_name", column);
        }
        if (args.get("arguments") instanceof Map<?, ?> arguments) {
            args.remove("arguments");
            args.putAll((Map<String, Object>) arguments);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        Object nested = args.remove("config");
        for (String key : CONFIG_ARGS) {
            Object value = args.remove(key);
            if (value != null) {
                config.put(key, value);
            }
        }
        if (nested instanceof Map<?, ?> c) {
            ConfigMerger.mergeInto(config, (Map<String, Object>) c);
        }
        if (configValues != null) {
            // dbt renders the string values of these keys (and no others) when it builds the test:
            // enabled: "{{ target.type != 'spark' }}" is a boolean by then
            for (String key : CONFIG_ARGS) {
                if (config.get(key) instanceof String value && (value.contains("{{") || value.contains("{%"))) {
                    config.put(key, configValues.render(value, file));
                }
            }
        }
        String description = args.containsKey("description") ? String.valueOf(args.remove("description")) : "";
        String customName = args.containsKey("name") ? String.valueOf(args.remove("name")) : null;
        if (args.containsKey("model")) {
            throw new MallardException(ErrorCode.YAML, "test '" + testName + "' may not have a 'model' argument", file, 0);
        }
        args.put("model", target.modelArgument());
        Matcher nm = TEST_NAME.matcher(testName);
        if (!nm.matches()) {
            throw new MallardException(ErrorCode.YAML, "'" + testName + "' is not a valid test name", file, 0);
        }
        String namespace = nm.group(1);
        String name = nm.group(2);
        String shortName;
        String fullName;
        if (customName != null) {
            shortName = customName;
            fullName = customName;
        } else {
            String type = (target.isSource() ? "source_" : "") + name;
            if (namespace != null) {
                type = namespace + "_" + type;
            }
            String[] names = synthesizeNames(type, target.nameForTest(), args);
            shortName = names[0];
            fullName = names[1];
            if (!shortName.equals(fullName) && !config.containsKey("alias")) {
                config.put("alias", shortName);
            }
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("namespace", namespace);
        metadata.put("name", name);
        metadata.put("kwargs", args);
        String hash = md5(fullName + PyRepr.of(hashable(metadata)));
        hash = hash.substring(hash.length() - 10);

        List<String> fqn = new ArrayList<>();
        fqn.add(pkg);
        fqn.addAll(folders);
        fqn.add(fullName);
        Map<String, Object> merged = testTree.configFor(fqn);
        // dbt_project.yml, then the macro's own config() call, then the test's YAML config
        try {
            ConfigMerger.mergeInto(merged, macroConfig.of(namespace, name, args));
        } catch (MallardException e) {
            throw new MallardException(e.code(), "test " + fullName + ": " + e.getMessage(), file, 0);
        }
        ConfigMerger.mergeInto(merged, config);
        NodeConfig nodeConfig = testConfig(merged);

        // dbt's order: the refs and sources of the arguments as rendered, the tested model's
        // (the `model` argument, which comes last) after them; dbt's docs page attaches a
        // test to the last node it depends on
        List<RefCall> refs = new ArrayList<>();
        List<SourceCall> sources = new ArrayList<>();
        for (Map.Entry<String, Object> e : args.entrySet()) {
            if (e.getKey().equals("model") || !(e.getValue() instanceof String s)) {
                continue;
            }
            RefCall ref = JinjaCalls.wholeRef(s);
            if (ref != null) {
                refs.add(ref);
            }
            List<String> source = JinjaCalls.wholeCall(s, "source");
            if (source != null && source.size() == 2) {
                sources.add(new SourceCall(source.get(0), source.get(1), 0));
            }
        }
        if (target.isSource()) {
            sources.add(new SourceCall(target.sourceName(), target.name(), 0));
        } else {
            refs.add(new RefCall(null, target.name(), 0, target.version()));
        }
        String alias = String.valueOf(merged.getOrDefault("alias", shortName));
        Map<String, Object> namingConfig = new LinkedHashMap<>(merged);
        namingConfig.put("alias", alias);
        Relation relation = namer.name(shortName, namingConfig, Map.of("name", shortName, "resource_type", "test"));
        String rawCode = "{{ " + (namespace == null ? "" : namespace + ".") + "test_" + name + "(**_dbt_generic_test_kwargs) }}"
                + configCall(config);
        java.util.TreeSet<String> own = new java.util.TreeSet<>(inheritedTags);
        own.addAll(NodeConfig.strings(config.get("tags")));
        List<String> tags = new ArrayList<>(own);
        nodeConfig.tags().stream().filter(t -> !own.contains(t)).forEach(tags::add);
        return new TestNode(new NodeId("test." + pkg + "." + fullName + "." + hash), fullName, pkg, shortName + ".sql",
                file, fqn, nodeConfig, relation, description, rawCode,
                new TestNode.TestMetadata(name, namespace, args), column, target.id(), refs, sources,
                Checksums.sha256(rawCode), tags);
    }

    /** dbt's (short, full) names: the full one for ids and fqn, the short one (<64 chars) for files. */
    @SuppressWarnings("unchecked")
    static String[] synthesizeNames(String testType, String targetName, Map<String, Object> args) {
        List<String> flat = new ArrayList<>();
        for (String key : new TreeMap<>(args).keySet()) {
            if (key.equals("model")) {
                continue;
            }
            Object v = args.get(key);
            if (v instanceof Map<?, ?> m) {
                for (Object part : ((Map<String, Object>) m).values()) {
                    flat.add(PyRepr.str(part));
                }
            } else if (v instanceof List<?> l) {
                for (Object part : l) {
                    flat.add(pyStrOfElement(part));
                }
            } else {
                flat.add(PyRepr.str(v));
            }
        }
        List<String> clean = new ArrayList<>();
        for (String s : flat) {
            clean.add(s.replaceAll("[^0-9a-zA-Z_]+", "_"));
        }
        String unique = String.join("__", clean);
        String identifier = testType + "_" + targetName;
        String full = identifier + "_" + unique;
        String shortName = full.length() >= 64
                ? identifier.substring(0, Math.min(30, identifier.length())) + "_" + md5(full) : full;
        return new String[] {shortName, full};
    }

    /** str() of a list element, which Python prints with repr for nested containers. */
    private static String pyStrOfElement(Object part) {
        if (part instanceof Map || part instanceof List) {
            return PyRepr.of(part);
        }
        return PyRepr.str(part);
    }

    @SuppressWarnings("unchecked")
    private static Object hashable(Object data) {
        if (data instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> sorted.put(k, hashable(v)));
            return sorted;
        }
        if (data instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(hashable(o));
            }
            return out;
        }
        return PyRepr.str(data);
    }

    /**
     * The test's own YAML config as dbt appends it to a generic test's raw_code:
     * {@code {{ config(key="text",key=Python repr) }}}, nothing when it has none.
     */
    static String configCall(Map<String, Object> config) {
        if (config.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("{{ config(");
        String sep = "";
        for (Map.Entry<String, Object> e : config.entrySet()) {
            Object v = e.getValue();
            sb.append(sep).append(e.getKey()).append('=')
                    .append(v instanceof String s ? "\"" + s.replace("\"", "\\\"") + "\"" : PyRepr.of(v));
            sep = ",";
        }
        return sb.append(") }}").toString();
    }

    /** A test's config with dbt's defaults filled in (left out of its unrendered_config). */
    static NodeConfig testConfig(Map<String, Object> config) {
        boolean written = "test".equals(config.get("materialized"));
        Map<String, Object> defaults = new java.util.LinkedHashMap<>();
        defaults.put("severity", "ERROR");
        defaults.put("schema", "dbt_test__audit");
        NodeConfig filled = NodeConfig.withDefaults(config, defaults);
        config.put("materialized", "test");
        java.util.Set<String> defaulted = new java.util.LinkedHashSet<>(filled.defaulted());
        if (!written) {
            defaulted.add("materialized");
        }
        return new NodeConfig(config, defaulted);
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
