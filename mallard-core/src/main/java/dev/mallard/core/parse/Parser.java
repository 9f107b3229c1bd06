package dev.mallard.core.parse;

import dev.mallard.core.common.TextFiles;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.manifest.DocBlock;
import dev.mallard.core.manifest.GroupInfo;
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
import dev.mallard.core.project.ProjectConfig;
import dev.mallard.core.project.SourceFile;
import dev.mallard.core.project.ValueRenderer;
import java.nio.file.Path;
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
    private final Warnings warnings;
    private final boolean partialParse;
    private final Map<String, String> env;
    private ParseCache cache;
    private PropertyDocuments documents;
    /** Each template's checksum by its absolute path, computed once when read. */
    private final Map<String, String> checksums = new java.util.concurrent.ConcurrentHashMap<>();
    /** depends_on.macros of the models whose calls were read at render time or from the cache. */
    private final Map<NodeId, List<String>> knownCalls = new java.util.concurrent.ConcurrentHashMap<>();
    private Map<String, MacroInfo> macros = Map.of();
    private final List<dev.mallard.core.manifest.SemanticNode> semanticNodes = new ArrayList<>();
    private final List<GroupInfo> groups = new ArrayList<>();
    private Set<String> namespaces = Set.of();
    private String cacheNote = "";
    private java.time.Instant parsedAt;
    private boolean saveInBackground;
    private Thread saving;

    /**
     * The manifest plus the Jinja engine holding the project's macros, reused to compile,
     * and the names of disabled models and seeds (so that a ref to one can say so).
     */
    public record Result(Manifest manifest, java.util.function.Supplier<JinjaEngine> engine, Vars vars,
                         Set<String> disabledNames) {
        public Result {
            disabledNames = Set.copyOf(disabledNames);
        }

        /** The engine, made when first asked for (a reused parse needs none unless something compiles). */
        public JinjaEngine jinja() {
            return engine.get();
        }
    }

    /** Template texts read once for the syntax check, by project-relative path. */
    private Map<String, String> texts = Map.of();

    public Parser(Project project) {
        this(project, Warnings.ignored());
    }

    /** A parser that reports what dbt only warns about (properties for missing nodes, unknown keys) to {@code warnings}. */
    public Parser(Project project, Warnings warnings) {
        this(project, warnings, false, System.getenv());
    }

    /**
     * A parser that, when {@code partialParse}, reuses the saved parse of unchanged files
     * (target/mallard_partial_parse.bin, see {@link ParseCache}); either way it saves this
     * parse's results there for the next one. Models see {@code env} through env_var().
     */
    public Parser(Project project, Warnings warnings, boolean partialParse, Map<String, String> env) {
        this.project = project;
        this.warnings = warnings;
        this.partialParse = partialParse;
        this.env = Map.copyOf(env);
        Map<String, Map<String, Object>> packageVars = new java.util.HashMap<>();
        for (Project p : project.packages()) {
            packageVars.put(p.name(), p.config().vars());
        }
        this.vars = new Vars(project.cliVars(), project.config().vars(), project.name(), packageVars);
    }

    public Result parse() {
        java.time.Instant started = java.time.Instant.now();
        MacroTemplates macroFiles = MacroTemplates.of(project);
        List<TemplateFile> macroTemplates = macroFiles.templates();
        String inputs = ParseInputs.key(project, macroTemplates);
        FileStamps stamps = FileStamps.of(FileStamps.inputs(project));
        Path savedFile = project.targetDir().resolve(SavedParse.FILE_NAME);
        SavedParse saved = partialParse ? SavedParse.load(savedFile, inputs, stamps, env) : null;
        if (saved != null) {
            saved.warnings().forEach(warnings::add);
            parsedAt = saved.parsedAt();
            cacheNote = "Partial parse: no file, macro, config, var or env var read has changed: the saved parse"
                    + " is reused whole";
            return new Result(saved.manifest(), once(() -> macroFiles.engine(project, List.of())), vars,
                    saved.disabledNames());
        }
        parsedAt = started;
        int warnedBefore = warnings.all().size();
        EnvReads envReads = EnvReads.start();
        try {
            Result result = parse(macroFiles, inputs);
            List<String> warned = warnings.all();
            SavedParse toSave = new SavedParse(result.manifest(), result.disabledNames(),
                    warned.subList(warnedBefore, warned.size()), started);
            Map<String, String> reads = envReads.reads();
            Runnable save = () -> toSave.save(savedFile, inputs, stamps, reads);
            if (!partialParse) {
                // --no-partial-parse saves nothing whole (the file-by-file cache still is): a full parse is spared the
                // encoding; an older saved parse stays, right while nothing it was made from changes
                return result;
            }
            if (saveInBackground) {
                Thread saver = new Thread(save, "parse-save");
                saver.start();
                saving = saver;
            } else {
                save.run();
            }
            return result;
        } finally {
            envReads.stop();
        }
    }

    private Result parse(MacroTemplates macroFiles, String inputs) {
        String pkg = project.name();
        List<TemplateFile> macroTemplates = macroFiles.templates();
        Path cacheFile = project.targetDir().resolve(ParseCache.FILE_NAME);
        cache = partialParse ? ParseCache.load(cacheFile, inputs, env) : ParseCache.empty(inputs, "--no-partial-parse");
        documents = new PropertyDocuments(cache, warnings);
        Set<String> namespaces = new LinkedHashSet<>();
        namespaces.add(pkg);
        project.packages().forEach(p -> namespaces.add(p.name()));
        List<Project> units = new ArrayList<>();
        units.add(project);
        units.addAll(project.packages());
        List<SourceFile> templateFiles = new ArrayList<>();
        for (Project unit : units) {
            unit.modelFiles().stream().filter(f -> !isJava(f) && !PythonModelReader.isPython(f))
                    .forEach(templateFiles::add);
            templateFiles.addAll(unit.analysisFiles());
            unit.snapshotFiles().stream().filter(f -> f.relativeToProject().endsWith(".sql")).forEach(templateFiles::add);
            unit.testFiles().stream().filter(f -> !TestCollector.isGeneric(f) && f.relativeToProject().endsWith(".sql"))
                    .forEach(templateFiles::add);
        }
        Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();
        // a file parsed without error before, with the same text, needs no syntax check now
        List<TemplateFile> templates = templateFiles.parallelStream()
                .map(f -> {
                    String text = read(f);
                    String key = f.absolute().toString();
                    String checksum = Checksums.ofFileContents(text);
                    texts.put(key, text);
                    checksums.put(key, checksum);
                    return cache.parsedBefore(key, checksum) ? null : new TemplateFile(f.relativeToProject(), text);
                }).filter(java.util.Objects::nonNull).toList();
        this.texts = texts;
        JinjaEngine jinja = macroFiles.engine(project, templates);
        Map<String, MacroInfo> macros = MacroCatalog.of(jinja, macroTemplates,
                file -> macroFiles.packageOf(file, pkg), namespaces);
        this.macros = macros;
        this.namespaces = namespaces;
        Map<String, DocBlock> docs = new LinkedHashMap<>();
        for (Project unit : units) {
            docs.putAll(DocsReader.read(unit.docFiles(), unit.name()));
        }
        RelationNamer namer = new RelationNamer(project.target(), jinja, vars);
        Map<NodeId, Node> nodes = new LinkedHashMap<>();
        Set<String> disabled = new LinkedHashSet<>();
        Set<String> enabledNames = new LinkedHashSet<>();
        for (Project unit : units) {
            parseUnit(unit, jinja, namer, docs, nodes, disabled, enabledNames);
        }
        SemanticReader.link(semanticNodes).forEach(n -> nodes.put(n.id(), n));
        ContractedIncrementals.check(nodes.values());
        Map<String, GroupInfo> groupsById = new LinkedHashMap<>();
        groups.forEach(g -> groupsById.put(g.uniqueId(), g));
        ValueRenderer ingestRenderer = (template, file) -> jinja.renderNative(new TemplateFile(file, template),
                new ParseRuntime(vars.scopedTo(pkg), project.target().context(), Map.of(), null), Map.of());
        for (dev.mallard.core.manifest.IngestNode ingest : new dev.mallard.core.ingest.IngestSpecReader(project,
                dev.mallard.core.ingest.IngestSources::known, ingestRenderer).read()) {
            if (ingest.config().enabled()) {
                nodes.put(ingest.id(), ingest);
            }
        }
        VersionChecks.warnDeprecated(nodes.values(), warnings);
        Manifest manifest = new Manifest(pkg, nodes, macros, docs, runHooks(ProjectConfig::onRunStart),
                runHooks(ProjectConfig::onRunEnd), MacroCatalog.nodeCalls(jinja, macros, nodes.values(), namespaces,
                knownCalls), groupsById);
        disabled.removeAll(enabledNames);
        String unsaved = cache.save(cacheFile);
        cacheNote = "Partial parse: " + cache.note() + (unsaved == null ? "" : "; " + unsaved);
        return new Result(manifest, () -> jinja, vars, disabled);
    }

    private static <T> java.util.function.Supplier<T> once(java.util.function.Supplier<T> make) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }

    /**
     * Saves a parse for the next one on a thread of its own, so that the command goes on
     * meanwhile; {@link #awaitSaved} waits for it (before the process ends).
     */
    public Parser savingInBackground() {
        saveInBackground = true;
        return this;
    }

    /** Waits until this parse is saved for the next one (at once when it needed no saving or was saved already). */
    public void awaitSaved() {
        Thread t = saving;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** When the parse this result came from ran (the saved one's time when it is reused). */
    public java.time.Instant parsedAt() {
        return parsedAt;
    }

    /** on-run-start or on-run-end hooks in the order dbt-core 1.11 runs them: the project's, then each package's by name. */
    private List<String> runHooks(java.util.function.Function<ProjectConfig, List<String>> hooks) {
        List<String> out = new ArrayList<>(hooks.apply(project.config()));
        project.packages().stream().sorted(java.util.Comparator.comparing(Project::name))
                .forEach(p -> out.addAll(hooks.apply(p.config())));
        return out;
    }

    /** Parses one project's (the root's or a package's) resources into {@code nodes}. */
    private void parseUnit(Project unit, JinjaEngine jinja, RelationNamer namer, Map<String, DocBlock> docs,
                           Map<NodeId, Node> nodes, Set<String> disabled, Set<String> enabledNames) {
        String pkg = unit.name();
        Vars unitVars = vars.scopedTo(pkg);
        ValueRenderer configRenderer = (template, file) -> jinja.renderNative(new TemplateFile(file, template),
                new ParseRuntime(unitVars, project.target().context(), Map.of(), null), Map.of());
        documents.preload(unit.propertyFiles(), unit.dir());
        PropertiesReader reader = new PropertiesReader(unit.dir(), docs, pkg, configRenderer, warnings);
        PropertiesReader.Properties props = reader.read(unit.propertyFiles(), f -> documents.of(f, unit.dir()));
        ModelVersions versions = ModelVersions.of(props.models(), unit.modelFiles(), reader, warnings);
        warnUnmatched(props.models(), unit.modelFiles(), "models");
        warnUnmatched(props.seeds(), unit.seedFiles(), "seeds");
        warnUnmatched(props.analyses(), unit.analysisFiles(), "analyses");
        Map<String, String> seenNames = new LinkedHashMap<>();
        ProjectConfigTree modelTree = ProjectConfigTree.of(unit, ProjectConfig::models);
        ProjectConfigTree modelOverrides = ProjectConfigTree.rootOverrides(unit, ProjectConfig::models);
        // every model's error is reported, in the files' order, whichever thread met it first
        List<Object> outcomes = unit.modelFiles().parallelStream()
                .map(f -> {
                    try {
                        return (Object) parseModel(unit, f, ResourceType.MODEL, modelTree, modelOverrides,
                                props.models(), versions, jinja, namer);
                    } catch (MallardException e) {
                        return e;
                    }
                })
                .toList();
        ParseErrors.throwAll(outcomes.stream().filter(MallardException.class::isInstance).map(MallardException.class::cast)
                .toList());
        List<ModelNode> models = outcomes.stream().map(o -> (ModelNode) o).toList();
        for (int i = 0; i < models.size(); i++) {
            ModelNode m = models.get(i);
            if (m == null) {
                String stem = unit.modelFiles().get(i).stem();
                ModelVersions.Versioned version = versions.forFile(stem);
                disabled.add(version == null ? stem : version.name() + ".v" + version.version().label());
                continue;
            }
            ParseErrors.claimName(seenNames, m.displayName(), m.originalFilePath(), "model");
            nodes.put(m.id(), m);
        }
        VersionChecks.requireNoUnversionedTwin(models, versions, pkg);
        models.stream().filter(m -> m != null && m.version() != null).forEach(m -> seenNames.putIfAbsent(m.name(),
                m.originalFilePath()));
        ProjectConfigTree analysisTree = new ProjectConfigTree(Map.of());
        for (SourceFile f : unit.analysisFiles()) {
            ModelNode a = parseModel(unit, f, ResourceType.ANALYSIS, analysisTree, null, props.analyses(),
                    ModelVersions.none(), jinja, namer);
            if (a != null) {
                nodes.put(a.id(), a);
            }
        }
        ProjectConfigTree seedTree = ProjectConfigTree.of(unit, ProjectConfig::seeds);
        for (SourceFile f : unit.seedFiles()) {
            SeedNode s = SeedReader.seed(unit, f, seedTree, props.seeds().get(f.stem()), namer);
            if (s != null) {
                ParseErrors.claimName(seenNames, s.name(), s.originalFilePath(), "seed");
                nodes.put(s.id(), s);
            } else {
                disabled.add(f.stem());
            }
        }
        List<String> disabledSnapshots = new ArrayList<>();
        for (ModelNode snapshot : new SnapshotReader(unit, unitVars, jinja, namer).read(props.snapshots(),
                disabledSnapshots)) {
            ParseErrors.claimName(seenNames, snapshot.name(), snapshot.originalFilePath(), "snapshot");
            nodes.put(snapshot.id(), snapshot);
        }
        disabled.addAll(disabledSnapshots);
        java.util.function.BiFunction<String, String, String> yamlJinja = (file, text) -> jinja.render(
                new TemplateFile(file, text), new ParseRuntime(unitVars, project.target().context(), Map.of(), null),
                Map.of());
        for (Node source : new SourceReader(unit, pkg, yamlJinja).read(props.sources())) {
            nodes.put(source.id(), source);
        }
        ExposureReader.read(unit, f -> documents.of(f, unit.dir())).forEach(e -> nodes.put(e.id(), e));
        semanticNodes.addAll(SemanticReader.read(unit, f -> documents.of(f, unit.dir())));
        groups.addAll(SemanticReader.groups(unit, f -> documents.of(f, unit.dir())));
        TestCollector testCollector = new TestCollector(unit, unitVars, namer);
        for (TestNode test : testCollector.collect(nodes, props, versions, jinja)) {
            Node previous = nodes.putIfAbsent(test.id(), test);
            if (previous != null) {
                throw new MallardException(ErrorCode.DUPLICATE_NODE, "two tests have the same name and arguments: '"
                        + test.name() + "'", test.originalFilePath(), 0,
                        "give one of them a distinct 'name:' in its properties entry", null);
            }
        }
        Set<String> disabledModels = new LinkedHashSet<>(disabled);
        disabledModels.removeAll(seenNames.keySet());
        for (UnitTestNode unitTest : new UnitTestReader(pkg, nodes, disabledModels, testCollector)
                .read(props.unitTests())) {
            Node previous = nodes.putIfAbsent(unitTest.id(), unitTest);
            if (previous != null) {
                throw new MallardException(ErrorCode.DUPLICATE_NODE, "two unit tests of model '" + unitTest.model()
                        + "' are named '" + unitTest.name() + "'", unitTest.originalFilePath(), 0);
            }
        }
        enabledNames.addAll(seenNames.keySet());
    }

    /** dbt warns about properties for a node that no file defines (a typo, or a deleted file), and goes on. */
    private void warnUnmatched(Map<String, PropertyPatch> patches, List<SourceFile> files, String section) {
        Set<String> names = new java.util.HashSet<>();
        files.forEach(f -> names.add(f.stem()));
        for (PropertyPatch patch : patches.values()) {
            if (!names.contains(patch.name()) && !patch.raw().containsKey("versions")) {
                warnings.add("[WARNING]: Did not find matching node for patch with name '" + patch.name() + "' in the '"
                        + section + "' section of file '" + patch.file() + "'");
            }
        }
    }

    private ModelNode parseModel(Project unit, SourceFile f, ResourceType type, ProjectConfigTree tree,
                                 ProjectConfigTree rootOverrides, Map<String, PropertyPatch> patches,
                                 ModelVersions versions, JinjaEngine jinja, RelationNamer namer) {
        String pkg = unit.name();
        ModelVersions.Versioned versioned = versions.forFile(f.stem());
        String name = versioned == null ? f.stem() : versioned.name();
        List<String> fqn = fqn(unit, f, name);
        if (versioned != null) {
            fqn.add("v" + versioned.version().label());
        }
        NodeId id = versioned == null ? NodeId.of(type, pkg, name)
                : new NodeId(NodeId.of(type, pkg, name).value() + ".v" + versioned.version().label());
        if (type == ResourceType.ANALYSIS) {
            // dbt names analyses under their own branch of the fqn: [package, "analysis", folders..., name]
            fqn.add(1, "analysis");
        }
        Map<String, Object> config = tree.configFor(fqn);
        PropertyPatch patch = versioned == null ? patches.get(name) : versioned.patch();
        if (patch != null) {
            ConfigMerger.mergeInto(config, patch.config());
        }
        String key = f.absolute().toString();
        String raw = texts.containsKey(key) ? texts.get(key) : read(f);
        String checksum = checksums.containsKey(key) ? checksums.get(key) : Checksums.ofFileContents(raw);
        String configKey = ParseCache.configKey(config);
        ParseCache.Render rendered = cache.render(key, checksum, configKey);
        ParseRuntime rt = null;
        boolean java = isJava(f);
        boolean python = PythonModelReader.isPython(f);
        if (rendered == null && (java || python)) {
            JavaModelReader.Declared declared = python ? PythonModelReader.read(f.relativeToProject(), raw)
                    : JavaModelReader.read(f.relativeToProject(), raw);
            rendered = new ParseCache.Render(declared.config(), declared.refs(), declared.sources(), List.of());
            cache.putRender(key, checksum, configKey, Map.of(), rendered);
        } else if (rendered == null) {
            Relation preliminary = new Relation(project.target().effectiveDatabase(), project.target().schema(), name);
            rt = new ParseRuntime(vars.scopedTo(pkg), project.target().context(), config, preliminary);
            rt.deferMissingVars = true;
            rt.envReads = new LinkedHashMap<>();
            rt.env = env;
            jinja.render(new TemplateFile(f.relativeToProject(), raw), rt, Map.of("model", Map.of("name", name)));
            rendered = new ParseCache.Render(rt.config, rt.refs, rt.sources,
                    MacroCatalog.calledBy(jinja, macros, f.relativeToProject(), raw, namespaces));
            if (rt.missingVar == null) {
                cache.putRender(key, checksum, configKey, rt.envReads, rendered);
            }
        }
        knownCalls.put(id, rendered.macroCalls());
        ConfigMerger.mergeInto(config, rendered.config());
        if (rootOverrides != null) {
            // dbt: the root project's dbt_project.yml configures a package's node over its own config() calls
            ConfigMerger.mergeInto(config, rootOverrides.configFor(fqn));
        }
        // dbt keeps an analysis's default materialization in its unrendered config, not a model's
        // dbt's Python models are tables unless configured otherwise; so are Java models
        NodeConfig nodeConfig = NodeConfig.withDefaults(config,
                Map.of("materialized", java || python ? "table" : "view"));
        if (java && nodeConfig.enabled()) {
            JavaModelReader.requireSupported(nodeConfig.materialized(), f.relativeToProject());
        }
        if (type == ResourceType.ANALYSIS) {
            nodeConfig = new NodeConfig(config);
        }
        if (!nodeConfig.enabled()) {
            return null;
        }
        if (rt != null && rt.missingVar != null) {
            throw rt.missingVar.file() != null ? rt.missingVar
                    : rt.missingVar.locatedAt(f.relativeToProject(), rt.missingVarLine);
        }
        Map<String, Object> context = nodeContext(unit, name, fqn, f, type);
        // dbt's generate_alias_name: a version's relation is <name>_v<version> unless it has an alias
        String identifier = name;
        if (versioned != null) {
            context.put("version", versioned.version().v());
            identifier = name + "_v" + versioned.version().label().replace('.', '_');
        }
        Relation relation = namer.name(identifier, config, context);
        String path = type == ResourceType.ANALYSIS ? "analysis/" + f.relativeToRoot() : f.relativeToRoot();
        return new ModelNode(id, type, name, pkg, path, f.relativeToProject(), fqn,
                raw, nodeConfig, relation, patch == null ? "" : patch.description(),
                patch == null ? Map.of() : patch.columns(), ConstraintRefs.withForeignKeyRefs(rendered.refs(), patch),
                rendered.sources(), patch == null ? null : pkg + "://" + patch.file(), checksum,
                ConstraintRefs.modelConstraints(patch), versioned == null ? null : versioned.version(),
                versioned != null ? versioned.version().deprecationDate() : DeprecationDates.of(patch));
    }

    static List<String> fqn(Project unit, SourceFile f, String name) {
        List<String> fqn = new ArrayList<>();
        fqn.add(unit.name());
        fqn.addAll(f.folders());
        fqn.add(name);
        return fqn;
    }

    static Map<String, Object> nodeContext(Project unit, String name, List<String> fqn, SourceFile f,
                                                   ResourceType type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", name);
        node.put("fqn", fqn);
        node.put("resource_type", type.dbtName());
        node.put("path", f.relativeToRoot());
        node.put("original_file_path", f.relativeToProject());
        node.put("package_name", unit.name());
        return node;
    }

    /** How this parse used the partial-parse cache, for the debug log. */
    public String cacheNote() {
        return cacheNote;
    }

    /** Whether {@code f} is a Java model (a class implementing dev.mallard.api.JavaModel). */
    static boolean isJava(SourceFile f) {
        return f.relativeToProject().endsWith(".java");
    }

    static String read(SourceFile f) {
        return TextFiles.readUtf8(f.absolute(), f.relativeToProject());
    }
}
