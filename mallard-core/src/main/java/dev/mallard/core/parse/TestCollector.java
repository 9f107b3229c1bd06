package dev.mallard.core.parse;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.manifest.ColumnSpec;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SeedNode;
import dev.mallard.core.manifest.SourceNode;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.ProjectConfig;
import dev.mallard.core.project.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every data test of the project: generic ones from properties YAML and singular ones from tests/. */
final class TestCollector implements UnitTestReader.ProjectFolders {
    /** From this many nodes on, their tests are made in parallel. */
    private static final int PARALLEL_FROM = 256;
    private final Project project;
    private final Vars vars;
    private final TestBuilder builder;
    private final ProjectConfigTree testTree;
    private final RelationNamer namer;
    /** The macros each singular test's parse render called itself (its depends_on.macros). */
    private final Map<NodeId, List<String>> singularCalls = new java.util.LinkedHashMap<>();

    TestCollector(Project project, Vars vars, RelationNamer namer) {
        this.project = project;
        this.vars = vars;
        this.namer = namer;
        this.testTree = ProjectConfigTree.of(project, ProjectConfig::tests);
        this.builder = new TestBuilder(project.name(), testTree, namer, this::macroConfig, this::renderConfigValue);
    }

    private JinjaEngine jinja;

    Map<NodeId, List<String>> singularCalls() {
        return singularCalls;
    }

    /** A test's config value rendered as dbt renders it at parse time: natively, with target and vars. */
    private Object renderConfigValue(String template, String file) {
        ParseRuntime rt = new ParseRuntime(vars, project.target().context(), new java.util.LinkedHashMap<>(), null);
        return jinja.renderNative(new TemplateFile(file, template), rt, Map.of());
    }

    /**
     * What config() the test's macro sets, rendered with the test's arguments as dbt's parse renders
     * it (execute=false). An error the macro raises on purpose (raise_compiler_error: dbt-expectations'
     * "You have to provide either a min_value, max_value or both.") stops the parse, as in dbt; a
     * macro that fails otherwise sets nothing, and running it reports.
     */
    private Map<String, Object> macroConfig(String namespace, String name, Map<String, Object> args) {
        String macro = (namespace == null ? "" : namespace + ".") + "test_" + name;
        if (jinja == null || !jinja.hasMacro(macro)) {
            return Map.of();
        }
        requireTakes(macro, "test_" + name, args);
        ParseRuntime rt = new ParseRuntime(vars, project.target().context(), new java.util.LinkedHashMap<>(), null);
        try {
            // deep, mutable copies: the macro may change its arguments (append to a list)
            java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>();
            args.forEach((k, v) -> copy.put(k, dev.mallard.core.common.Frozen.thawed(v)));
            jinja.callMacro(macro, List.of(), copy, rt, Map.of());
        } catch (RuntimeException e) {
            if (rt.raised != null) {
                throw new MallardException(ErrorCode.JINJA, rt.raised);
            }
            return Map.of();
        }
        return Map.copyOf(rt.config);
    }

    /**
     * dbt's parse-time render of a generic test calls its macro with the test's arguments, model and
     * column_name: one the macro does not take (and no kwargs to catch it) is Jinja's error, and dbt's
     * parse stops. column_name first, as dbt names it first.
     */
    private void requireTakes(String macro, String bareName, Map<String, Object> args) {
        List<String> params = jinja.macroParameters(macro);
        if (params == null) {
            return;
        }
        List<String> given = new ArrayList<>();
        if (args.containsKey("column_name")) {
            given.add("column_name");
        }
        given.add("model");
        args.keySet().stream().filter(k -> !given.contains(k)).forEach(given::add);
        for (String k : given) {
            if (!params.contains(k)) {
                throw new MallardException(ErrorCode.JINJA, "macro 'dbt_macro__" + bareName
                        + "' takes no keyword argument '" + k + "'");
            }
        }
    }

    List<TestNode> collect(Map<NodeId, Node> nodes, PropertiesReader.Properties props, JinjaEngine jinja) {
        return collect(nodes, props, ModelVersions.none(), jinja);
    }

    /** The tests, those of a versioned model's columns and tests made once per version (named {@code <test>_<model>_v<v>_...}). */
    List<TestNode> collect(Map<NodeId, Node> nodes, PropertiesReader.Properties props, ModelVersions versions,
                           JinjaEngine jinja) {
        this.jinja = jinja;
        List<Node> all = List.copyOf(nodes.values());
        // each node's tests are made on all cores (a test renders its macro's config), then kept in the nodes' order;
        // the first failure in that order is the one reported, as when they were made one by one
        java.util.stream.Stream<Node> each = all.size() >= PARALLEL_FROM ? all.parallelStream() : all.stream();
        List<Object> outcomes = each.map(n -> {
            try {
                List<TestNode> made = new ArrayList<>();
                testsOf(n, made, props, versions);
                return (Object) made;
            } catch (RuntimeException e) {
                return e;
            }
        }).toList();
        List<TestNode> tests = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof RuntimeException e) {
                throw e;
            }
            @SuppressWarnings("unchecked")
            List<TestNode> made = (List<TestNode>) outcome;
            tests.addAll(made);
        }
        addStale(tests, props.models(), project.modelFiles(), "model");
        addStale(tests, props.seeds(), project.seedFiles(), "seed");
        for (SourceFile f : project.testFiles()) {
            if (!isGeneric(f)) {
                TestNode singular = singular(f, jinja);
                if (singular != null) {
                    tests.add(singular);
                }
            }
        }
        return tests;
    }

    /** The generic tests of node {@code n} (from its properties), added to {@code tests}. */
    private void testsOf(Node n, List<TestNode> tests, PropertiesReader.Properties props, ModelVersions versions) {
        if (!n.packageName().equals(project.name())) {
            return; // a package's properties (and its sources' tests) describe its own nodes only
        }
        if (n instanceof ModelNode m && m.version() != null) {
            ModelVersions.Versioned v = versions.find(m.name(), m.version().label());
            if (v != null) {
                addAll(tests, v.patch().dataTests(), v.testedColumns(), new TestBuilder.Target(m.id(), m.name(),
                        null, true, m.version().v()), v.patch().file());
            }
        } else if (n instanceof ModelNode m && m.resourceType() == ResourceType.MODEL) {
            PropertyPatch patch = props.models().get(m.name());
            if (patch != null) {
                addAll(tests, patch.dataTests(), patch.columns(), target(m), patch.file());
            }
        } else if (n instanceof ModelNode m && m.resourceType() == ResourceType.SNAPSHOT) {
            PropertyPatch patch = props.snapshots().get(m.name());
            if (patch != null) {
                addAll(tests, patch.dataTests(), patch.columns(), target(m), patch.file());
            }
        } else if (n instanceof SeedNode s) {
            PropertyPatch patch = props.seeds().get(s.name());
            if (patch != null) {
                addAll(tests, patch.dataTests(), patch.columns(), target(s), patch.file());
            }
        } else if (n instanceof SourceNode src) {
            TestBuilder.Target t = new TestBuilder.Target(src.id(), src.name(), src.sourceName(), true);
            addAll(tests, src.dataTests(), List.copyOf(src.columns().values()), t, src.originalFilePath(),
                    src.config().tags());
        }
    }

    /**
     * The tests of properties for a model or seed that no file defines (the entry a deleted
     * model left behind): dbt makes them all the same, and its link disables them, warning
     * that the node they name was not found (see the linker).
     */
    private void addStale(List<TestNode> tests, Map<String, PropertyPatch> patches, List<SourceFile> files,
                          String kind) {
        java.util.Set<String> defined = new java.util.HashSet<>();
        files.forEach(f -> defined.add(f.stem()));
        for (PropertyPatch patch : patches.values()) {
            if (!defined.contains(patch.name()) && !patch.raw().containsKey("versions")) {
                NodeId missing = new NodeId(kind + "." + project.name() + "." + patch.name());
                addAll(tests, patch.dataTests(), patch.columns(), new TestBuilder.Target(missing, patch.name(), null, true),
                        patch.file());
            }
        }
    }

    /** Files under tests/generic/ hold {@code {% test %}} macros, not singular tests. */
    static boolean isGeneric(SourceFile f) {
        return f.relativeToRoot().startsWith("generic/");
    }

    private static TestBuilder.Target target(Node n) {
        return new TestBuilder.Target(n.id(), n.name(), null, true);
    }

    private void addAll(List<TestNode> out, List<Object> modelTests, Map<String, ColumnSpec> columns,
                        TestBuilder.Target target, String file) {
        addAll(out, modelTests, List.copyOf(columns.values()), target, file);
    }

    private void addAll(List<TestNode> out, List<Object> modelTests, List<ColumnSpec> columns,
                        TestBuilder.Target target, String file) {
        addAll(out, modelTests, columns, target, file, List.of());
    }

    /** {@code targetTags}: the tags a source table gives its tests (a model's do not flow to its tests). */
    private void addAll(List<TestNode> out, List<Object> modelTests, List<ColumnSpec> columns,
                        TestBuilder.Target target, String file, List<String> targetTags) {
        List<String> folders = folders(file);
        for (Object entry : modelTests) {
            add(out, builder.build(entry, target, null, file, folders, targetTags));
        }
        for (ColumnSpec c : columns) {
            List<String> inherited = new ArrayList<>(targetTags);
            inherited.addAll(c.tags());
            for (Object entry : c.dataTests()) {
                add(out, builder.build(entry, target, c.name(), file, folders, inherited));
            }
        }
    }

    private static void add(List<TestNode> out, TestNode t) {
        if (t.config().enabled()) {
            out.add(t);
        }
    }

    @Override
    public java.nio.file.Path fixture(String name, String extension) {
        String fileName = name + "." + extension;
        for (String root : project.config().testPaths()) {
            java.nio.file.Path dir = project.dir().resolve(root).resolve("fixtures");
            if (!java.nio.file.Files.isDirectory(dir)) {
                continue;
            }
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
                java.util.Optional<java.nio.file.Path> found = files.filter(p -> p.getFileName().toString()
                        .equals(fileName) && java.nio.file.Files.isRegularFile(p)).sorted().findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (java.io.IOException e) {
                throw new MallardException(ErrorCode.PROJECT, "cannot list " + dir + ": " + e.getMessage(), null, 0);
            }
        }
        return null;
    }

    /** The folders of a properties file below its resource root, for the fqn. */
    @Override
    public List<String> folders(String file) {
        List<String> roots = new ArrayList<>();
        roots.addAll(project.config().modelPaths());
        roots.addAll(project.config().seedPaths());
        roots.addAll(project.config().snapshotPaths());
        roots.addAll(project.config().testPaths());
        roots.addAll(project.config().analysisPaths());
        roots.addAll(project.config().macroPaths());
        String rel = file;
        for (String root : roots) {
            String prefix = root.endsWith("/") ? root : root + "/";
            if (file.startsWith(prefix)) {
                rel = file.substring(prefix.length());
                break;
            }
        }
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? List.of() : List.of(rel.substring(0, slash).split("/"));
    }

    private TestNode singular(SourceFile f, JinjaEngine jinja) {
        String pkg = project.name();
        String name = f.stem();
        List<String> fqn = new ArrayList<>();
        fqn.add(pkg);
        fqn.addAll(f.folders());
        fqn.add(name);
        Map<String, Object> config = testTree.configFor(fqn);
        String raw = Parser.read(f);
        ParseRuntime rt = new ParseRuntime(vars, project.target().context(), config, null);
        rt.deferMissingVars = true; // as dbt's parse-time var(): None; running the test reports it
        jinja.render(new TemplateFile(f.relativeToProject(), raw), rt, Map.of("model", Map.of("name", name)));
        ConfigMerger.mergeInto(config, rt.config);
        NodeConfig nodeConfig = TestBuilder.testConfig(config);
        if (!nodeConfig.enabled()) {
            return null;
        }
        if (rt.refs.isEmpty() && rt.sources.isEmpty() && raw.isBlank()) {
            throw new MallardException(ErrorCode.PROJECT, "singular test '" + name + "' is empty", f.relativeToProject(), 1);
        }
        Relation relation = namer.name(name, config, Map.of("name", name, "resource_type", "test"));
        singularCalls.put(new NodeId("test." + pkg + "." + name), List.copyOf(rt.macroCalls));
        return new TestNode(new NodeId("test." + pkg + "." + name), name, pkg, f.relativeToRoot(), f.relativeToProject(),
                fqn, nodeConfig, relation, "", raw, null, null, null, rt.refs, rt.sources, Checksums.ofFileContents(raw));
    }

}
