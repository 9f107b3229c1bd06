package dev.mallard.core.parse;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.manifest.DocBlock;
import dev.mallard.core.manifest.MacroInfo;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SeedNode;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.core.manifest.UnitTestNode;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.SourceFile;
import dev.mallard.core.project.ValueRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders every node once with execute=false to capture ref, source and config, and
 * builds the immutable {@link Manifest}.
 */
public final class Parser {
    private final Project project;
    private final Vars vars;

    /**
     * The manifest plus the Jinja engine holding the project's macros, reused to compile,
     * and the names of disabled models and seeds (so that a ref to one can say so).
     */
    public record Result(Manifest manifest, JinjaEngine jinja, Vars vars, Set<String> disabledNames) {
        public Result {
            disabledNames = Set.copyOf(disabledNames);
        }
    }

    /** Template texts read once for the syntax check, by project-relative path. */
    private Map<String, String> texts = Map.of();

    public Parser(Project project) {
        this.project = project;
        this.vars = new Vars(project.cliVars(), project.config().vars(), project.name());
    }

    public Result parse() {
        String pkg = project.name();
        List<TemplateFile> macroTemplates = new ArrayList<>();
        Map<String, String> macroText = new LinkedHashMap<>();
        List<SourceFile> macroFiles = new ArrayList<>(project.macroFiles());
        project.testFiles().stream().filter(TestCollector::isGeneric).forEach(macroFiles::add);
        for (SourceFile f : macroFiles) {
            String text = read(f);
            macroText.put(f.relativeToProject(), text);
            macroTemplates.add(new TemplateFile(f.relativeToProject(), text));
        }
        // dbt's order: the project's own macros win over a package's, a package's over dbt's
        List<PackageMacros.Package> packages = PackageMacros.installed(project);
        Map<String, String> packageOfFile = new java.util.HashMap<>();
        List<TemplateFile> packageTemplates = new ArrayList<>();
        for (PackageMacros.Package p : packages) {
            for (TemplateFile t : PackageMacros.files(p, project.dir())) {
                packageTemplates.add(t);
                packageOfFile.put(t.path(), p.name());
                macroText.put(t.path(), t.text());
            }
        }
        macroTemplates.addAll(0, packageTemplates);
        macroTemplates.addAll(0, BuiltinMacros.templates());
        Set<String> namespaces = new LinkedHashSet<>();
        namespaces.add(pkg);
        packages.forEach(p -> namespaces.add(p.name()));
        List<SourceFile> templateFiles = new ArrayList<>(project.modelFiles());
        templateFiles.addAll(project.analysisFiles());
        project.snapshotFiles().stream().filter(f -> f.relativeToProject().endsWith(".sql")).forEach(templateFiles::add);
        project.testFiles().stream().filter(f -> !TestCollector.isGeneric(f) && f.relativeToProject().endsWith(".sql"))
                .forEach(templateFiles::add);
        List<TemplateFile> templates = templateFiles.parallelStream()
                .map(f -> new TemplateFile(f.relativeToProject(), read(f))).toList();
        Map<String, String> texts = new java.util.HashMap<>();
        templates.forEach(t -> texts.put(t.path(), t.text()));
        this.texts = texts;
        JinjaEngine jinja = JinjaEngine.forProject(macroTemplates, templates, namespaces,
                file -> BuiltinMacros.isBuiltin(file) ? "dbt" : packageOfFile.get(file));
        Map<String, MacroInfo> macros = new LinkedHashMap<>();
        for (String name : jinja.macroNames()) {
            String file = jinja.macroFile(name);
            String macroPackage = BuiltinMacros.isBuiltin(file) ? "dbt" : packageOfFile.getOrDefault(file, pkg);
            String id = "macro." + macroPackage + "." + name;
            macros.put(id, new MacroInfo(id, name, macroPackage, file, file, macroText.getOrDefault(file, "")));
        }
        Map<String, DocBlock> docs = DocsReader.read(project.docFiles(), pkg);
        ValueRenderer configRenderer = (template, file) -> jinja.renderNative(new TemplateFile(file, template),
                new ParseRuntime(vars, project.target().context(), Map.of(), null), Map.of());
        PropertiesReader.Properties props = new PropertiesReader(project.dir(), docs, pkg, configRenderer)
                .read(project.propertyFiles());
        RelationNamer namer = new RelationNamer(project.target(), jinja, vars);

        Map<NodeId, Node> nodes = new LinkedHashMap<>();
        Map<String, String> seenNames = new LinkedHashMap<>();
        ProjectConfigTree modelTree = new ProjectConfigTree(project.config().models());
        // every model's error is reported, in the files' order, whichever thread met it first
        List<Object> outcomes = project.modelFiles().parallelStream()
                .map(f -> {
                    try {
                        return (Object) parseModel(f, ResourceType.MODEL, modelTree, props.models(), jinja, namer);
                    } catch (MallardException e) {
                        return e;
                    }
                })
                .toList();
        throwAll(outcomes.stream().filter(MallardException.class::isInstance).map(MallardException.class::cast)
                .toList());
        List<ModelNode> models = outcomes.stream().map(o -> (ModelNode) o).toList();
        Set<String> disabled = new LinkedHashSet<>();
        for (int i = 0; i < models.size(); i++) {
            ModelNode m = models.get(i);
            if (m == null) {
                disabled.add(project.modelFiles().get(i).stem());
                continue;
            }
            claimName(seenNames, m.name(), m.originalFilePath(), "model");
            nodes.put(m.id(), m);
        }
        ProjectConfigTree analysisTree = new ProjectConfigTree(Map.of());
        for (SourceFile f : project.analysisFiles()) {
            ModelNode a = parseModel(f, ResourceType.ANALYSIS, analysisTree, props.analyses(), jinja, namer);
            if (a != null) {
                nodes.put(a.id(), a);
            }
        }
        ProjectConfigTree seedTree = new ProjectConfigTree(project.config().seeds());
        for (SourceFile f : project.seedFiles()) {
            SeedNode s = parseSeed(f, seedTree, props.seeds().get(f.stem()), namer);
            if (s != null) {
                claimName(seenNames, s.name(), s.originalFilePath(), "seed");
                nodes.put(s.id(), s);
            } else {
                disabled.add(f.stem());
            }
        }
        List<String> disabledSnapshots = new ArrayList<>();
        for (ModelNode snapshot : new SnapshotReader(project, vars, jinja, namer).read(props.snapshots(),
                disabledSnapshots)) {
            claimName(seenNames, snapshot.name(), snapshot.originalFilePath(), "snapshot");
            nodes.put(snapshot.id(), snapshot);
        }
        disabled.addAll(disabledSnapshots);
        java.util.function.BiFunction<String, String, String> yamlJinja = (file, text) -> jinja.render(
                new TemplateFile(file, text), new ParseRuntime(vars, project.target().context(), Map.of(), null), Map.of());
        for (Node source : new SourceReader(project, pkg, yamlJinja).read(props.sources())) {
            nodes.put(source.id(), source);
        }
        TestCollector testCollector = new TestCollector(project, vars, namer);
        for (TestNode test : testCollector.collect(nodes, props, jinja)) {
            Node previous = nodes.putIfAbsent(test.id(), test);
            if (previous != null) {
                throw new MallardException(ErrorCode.DUPLICATE_NODE, "two tests have the same name and arguments: '"
                        + test.name() + "'", test.originalFilePath(), 0,
                        "give one of them a distinct 'name:' in its properties entry", null);
            }
        }
        Set<String> disabledModels = new LinkedHashSet<>(disabled);
        disabledModels.removeAll(seenNames.keySet());
        for (UnitTestNode unitTest : new UnitTestReader(pkg, nodes, disabledModels, testCollector::folders)
                .read(props.unitTests())) {
            Node previous = nodes.putIfAbsent(unitTest.id(), unitTest);
            if (previous != null) {
                throw new MallardException(ErrorCode.DUPLICATE_NODE, "two unit tests of model '" + unitTest.model()
                        + "' are named '" + unitTest.name() + "'", unitTest.originalFilePath(), 0);
            }
        }
        checkPatchesHaveNodes(props.models(), nodes, "model");
        Manifest manifest = new Manifest(pkg, nodes, macros, docs, project.config().onRunStart(), project.config().onRunEnd());
        disabled.removeAll(seenNames.keySet());
        return new Result(manifest, jinja, vars, disabled);
    }

    /** Nothing when there are no errors; the error itself when one; else one error listing all. */
    private static void throwAll(List<MallardException> errors) {
        if (errors.isEmpty()) {
            return;
        }
        if (errors.size() == 1) {
            throw errors.get(0);
        }
        StringBuilder sb = new StringBuilder(errors.size() + " models cannot be parsed:");
        for (MallardException e : errors) {
            sb.append("\n").append(e.describe().replace("\n", "\n  "));
        }
        // each entry names its own file and line
        throw new MallardException(errors.get(0).code(), sb.toString());
    }

    private static void checkPatchesHaveNodes(Map<String, PropertyPatch> patches, Map<NodeId, Node> nodes, String kind) {
        // dbt warns (does not fail) when a properties entry names a missing node; so do we, silently here.
    }

    private static void claimName(Map<String, String> seen, String name, String file, String kind) {
        String previous = seen.putIfAbsent(name, file);
        if (previous != null) {
            throw new MallardException(ErrorCode.DUPLICATE_NODE, "two resources are named '" + name + "': "
                    + previous + " and " + file, file, 1,
                    "rename one of the files; ref() needs names to be unique", null);
        }
    }

    private ModelNode parseModel(SourceFile f, ResourceType type, ProjectConfigTree tree,
                                 Map<String, PropertyPatch> patches, JinjaEngine jinja, RelationNamer namer) {
        String pkg = project.name();
        String name = f.stem();
        List<String> fqn = fqn(f, name);
        Map<String, Object> config = tree.configFor(fqn);
        PropertyPatch patch = patches.get(name);
        if (patch != null) {
            ConfigMerger.mergeInto(config, patch.config());
        }
        String raw = texts.containsKey(f.relativeToProject()) ? texts.get(f.relativeToProject()) : read(f);
        Relation preliminary = new Relation(project.target().effectiveDatabase(), project.target().schema(), name);
        ParseRuntime rt = new ParseRuntime(vars, project.target().context(), config, preliminary);
        rt.deferMissingVars = true;
        jinja.render(new TemplateFile(f.relativeToProject(), raw), rt, Map.of("model", Map.of("name", name)));
        ConfigMerger.mergeInto(config, rt.config);
        config.putIfAbsent("materialized", type == ResourceType.MODEL ? "view" : "view");
        NodeConfig nodeConfig = new NodeConfig(config);
        if (!nodeConfig.enabled()) {
            return null;
        }
        if (rt.missingVar != null) {
            throw rt.missingVar.file() != null ? rt.missingVar
                    : rt.missingVar.locatedAt(f.relativeToProject(), rt.missingVarLine);
        }
        Relation relation = namer.name(name, config, nodeContext(name, fqn, f, type));
        return new ModelNode(NodeId.of(type, pkg, name), type, name, pkg, f.relativeToRoot(), f.relativeToProject(), fqn,
                raw, nodeConfig, relation, patch == null ? "" : patch.description(),
                patch == null ? Map.of() : patch.columns(), ConstraintRefs.withForeignKeyRefs(rt.refs, patch),
                rt.sources, patch == null ? null : pkg + "://" + patch.file(), Checksums.sha256(raw),
                ConstraintRefs.modelConstraints(patch));
    }

    private SeedNode parseSeed(SourceFile f, ProjectConfigTree tree, PropertyPatch patch, RelationNamer namer) {
        String pkg = project.name();
        String name = f.stem();
        List<String> fqn = fqn(f, name);
        Map<String, Object> config = tree.configFor(fqn);
        if (patch != null) {
            ConfigMerger.mergeInto(config, patch.config());
        }
        config.put("materialized", "seed");
        NodeConfig nodeConfig = new NodeConfig(config);
        if (!nodeConfig.enabled()) {
            return null;
        }
        Relation relation = namer.name(name, config, nodeContext(name, fqn, f, ResourceType.SEED));
        return new SeedNode(NodeId.of(ResourceType.SEED, pkg, name), name, pkg, f.relativeToRoot(), f.relativeToProject(),
                fqn, nodeConfig, relation, patch == null ? "" : patch.description(),
                patch == null ? Map.of() : patch.columns(), f.absolute(),
                patch == null ? null : pkg + "://" + patch.file(), Checksums.sha256File(f.absolute()));
    }

    private List<String> fqn(SourceFile f, String name) {
        List<String> fqn = new ArrayList<>();
        fqn.add(project.name());
        fqn.addAll(f.folders());
        fqn.add(name);
        return fqn;
    }

    private Map<String, Object> nodeContext(String name, List<String> fqn, SourceFile f, ResourceType type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", name);
        node.put("fqn", fqn);
        node.put("resource_type", type.dbtName());
        node.put("path", f.relativeToRoot());
        node.put("original_file_path", f.relativeToProject());
        node.put("package_name", project.name());
        return node;
    }

    static String read(SourceFile f) {
        try {
            return Files.readString(f.absolute());
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot read " + f.relativeToProject() + ": " + e.getMessage());
        }
    }
}
