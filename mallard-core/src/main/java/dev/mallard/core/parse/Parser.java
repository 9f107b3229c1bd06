package dev.mallard.core.parse;

import dev.mallard.core.common.TextFiles;
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
    private PropertyDocuments documents;
    private ModelParser modelParser;
    private final List<dev.mallard.core.manifest.SemanticNode> semanticNodes = new ArrayList<>();
    private final List<GroupInfo> groups = new ArrayList<>();
    /** The root project's properties of models by name, saved with the parse for a later patch of it. */
    private Map<String, PropertyPatch> rootModelPatches = Map.of();
    private String cacheNote = "";
    private String fullParseReason;
    private dev.mallard.core.artifacts.ManifestWriter.Patched patched;
    private java.time.Instant parsedAt;
    private final WholeParse.Saving saving = new WholeParse.Saving();

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
        UnchangedParse.Taken taken = UnchangedParse.taken(project);
        String inputs = taken != null ? taken.key() : ParseInputs.key(project, macroFiles.templates());
        dev.mallard.core.events.PhaseTimes.mark("global key");
        WholeParse whole = WholeParse.load(project, inputs, taken == null ? null : taken.stamps(), env, partialParse);
        SavedParse saved = whole.saved();
        if (saved != null && whole.files().none()) {
            warnings.addAgain(saved.warnings(), Set.of());
            parsedAt = saved.parsedAt();
            cacheNote = UnchangedParse.NOTE;
            return new Result(saved.manifest(), dev.mallard.core.common.Once.of(() -> macroFiles.engine(project, List.of())), vars,
                    saved.disabledNames());
        }
        parsedAt = started;
        int warnedBefore = warnings.all().size();
        EnvReads envReads = EnvReads.start();
        try {
            Result result = saved == null ? null : ParsePatch.apply(project, vars, env, macroFiles, saved,
                    whole.files());
            Map<String, String> readsBefore = Map.of();
            Map<String, PropertyPatch> patches;
            if (result != null) {
                warnings.addAgain(saved.warnings(), whole.files().parsedAgain());
                readsBefore = whole.envReads();
                patches = saved.modelPatches();
                cacheNote = "Partial parse: the saved parse is patched: " + whole.files().changed().size()
                        + " changed, " + whole.files().added().size() + " added and " + whole.files().removed().size()
                        + " removed model file(s), nothing else parsed again";
                patched = ParsePatch.manifestPatch(saved, result);
            } else {
                result = parse(macroFiles, inputs);
                patches = rootModelPatches;
            }
            if (!partialParse) {
                // --no-partial-parse saves nothing whole (the file-by-file cache still is): a full parse is spared the
                // encoding; an older saved parse stays, right while nothing it was made from changes
                return result;
            }
            List<String> warned = warnings.all();
            SavedParse toSave = new SavedParse(result.manifest(), result.disabledNames(),
                    warned.subList(warnedBefore, warned.size()), started, patches);
            Map<String, String> reads = new LinkedHashMap<>(readsBefore);
            reads.putAll(envReads.reads());
            saving.start(() -> toSave.save(whole.file(), inputs, whole.stamps(), reads));
            return result;
        } finally {
            envReads.stop();
        }
    }

    private Result parse(MacroTemplates macroFiles, String inputs) {
        String pkg = project.name();
        List<TemplateFile> macroTemplates = macroFiles.templates();
        Path cacheFile = project.targetDir().resolve(ParseCache.FILE_NAME);
        ParseCache cache = partialParse ? ParseCache.load(cacheFile, inputs, env, project.target().threads())
                : ParseCache.empty(inputs, "--no-partial-parse");
        fullParseReason = cache.dbtReason();
        documents = new PropertyDocuments(cache, warnings);
        // the macro files' definitions and the catalog below run on one core: the root's YAML is parsed meanwhile
        Runnable yamlRead = documents.preloadMeanwhile(project.propertyFiles(), project.dir());
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
        Map<String, String> checksums = new java.util.concurrent.ConcurrentHashMap<>();
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
        JinjaEngine jinja = macroFiles.engine(project, templates);
        Map<String, MacroInfo> macros = MacroCatalog.of(jinja, macroTemplates,
                file -> macroFiles.packageOf(file, pkg), namespaces);
        Map<String, DocBlock> docs = new LinkedHashMap<>();
        for (Project unit : units) {
            docs.putAll(DocsReader.read(unit.docFiles(), unit.name()));
        }
        RelationNamer namer = new RelationNamer(project.target(), jinja, vars);
        modelParser = new ModelParser(project, vars, env, cache, jinja, namer, texts, checksums);
        Map<NodeId, Node> nodes = new LinkedHashMap<>();
        Set<String> disabled = new LinkedHashSet<>();
        Set<String> enabledNames = new LinkedHashSet<>();
        yamlRead.run();
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
        Manifest manifest = new Manifest(pkg, nodes, MacroPatches.apply(macros, units, docs, documents::of, warnings),
                docs, runHooks(ProjectConfig::onRunStart), runHooks(ProjectConfig::onRunEnd),
                HookOperations.withCalls(MacroCatalog.nodeCalls(jinja, macros, nodes.values(), namespaces,
                        modelParser.knownCalls()), project, jinja, macros, namespaces), groupsById);
        disabled.removeAll(enabledNames);
        String unsaved = cache.save(cacheFile);
        cacheNote = "Partial parse: " + cache.note() + (unsaved == null ? "" : "; " + unsaved);
        return new Result(manifest, () -> jinja, vars, disabled);
    }

    /**
     * Saves a parse for the next one on a thread of its own, so that the command goes on
     * meanwhile; {@link #awaitSaved} waits for it (before the process ends).
     */
    public Parser savingInBackground() {
        saving.inBackground();
        return this;
    }

    /** Waits until this parse is saved for the next one (at once when it needed no saving or was saved already). */
    public void awaitSaved() {
        saving.await();
    }

    /** What this parse patched of the saved one (for manifest.json), or null when it did not patch one. */
    public dev.mallard.core.artifacts.ManifestWriter.Patched patched() {
        return patched;
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
        PropertiesReader reader = new PropertiesReader(unit.dir(), docs, pkg, configRenderer, warnings)
                .rootFlags(project);
        PropertiesReader.Properties props = reader.read(unit.propertyFiles(), f -> documents.of(f, unit.dir()));
        ModelVersions versions = ModelVersions.of(props.models(), unit.modelFiles(), reader, warnings);
        if (unit == project) {
            rootModelPatches = props.models();
        }
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
                        return (Object) modelParser.parse(unit, f, ResourceType.MODEL, modelTree, modelOverrides,
                                props.models(), versions);
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
            ParseErrors.claimName(seenNames, m.displayName(), m.originalFilePath(), "model", pkg, warnings);
            nodes.put(m.id(), m);
        }
        VersionChecks.requireNoUnversionedTwin(models, versions, pkg);
        models.stream().filter(m -> m != null && m.version() != null).forEach(m -> seenNames.putIfAbsent("model " + m.name(),
                m.originalFilePath()));
        ProjectConfigTree analysisTree = new ProjectConfigTree(Map.of());
        for (SourceFile f : unit.analysisFiles()) {
            ModelNode a = modelParser.parse(unit, f, ResourceType.ANALYSIS, analysisTree, null, props.analyses(),
                    ModelVersions.none());
            if (a != null) {
                nodes.put(a.id(), a);
            }
        }
        ProjectConfigTree seedTree = ProjectConfigTree.of(unit, ProjectConfig::seeds);
        for (SourceFile f : unit.seedFiles()) {
            SeedNode s = SeedReader.seed(unit, f, seedTree, props.seeds().get(f.stem()), namer);
            if (s != null) {
                SeedReader.requireNoDependencies(s, jinja, unitVars, project.target().context());
                ParseErrors.claimName(seenNames, s.name(), s.originalFilePath(), "seed", pkg, warnings);
                nodes.put(s.id(), s);
            } else {
                disabled.add(f.stem());
            }
        }
        ForeignSeedPatches.apply(unit, props.seeds(), project, nodes, namer);
        List<String> disabledSnapshots = new ArrayList<>();
        for (ModelNode snapshot : new SnapshotReader(unit, unitVars, jinja, namer).read(props.snapshots(),
                disabledSnapshots)) {
            ParseErrors.claimName(seenNames, snapshot.name(), snapshot.originalFilePath(), "snapshot", pkg, warnings);
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
        List<TestNode> tests = testCollector.collect(nodes, props, versions, jinja);
        modelParser.knownCalls().putAll(testCollector.singularCalls());
        for (TestNode test : tests) {
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

    /** How this parse used the partial-parse cache, for the debug log. */
    /** dbt's reason for parsing every file (see {@link ParseCache#dbtReason}), or null. */
    public String fullParseReason() {
        return fullParseReason;
    }

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
