package dev.mallard.core.parse;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes one model's (or analysis's) node: its config from dbt_project.yml and its
 * properties, its render with execute=false (or the file-by-file cache's record of it), its
 * relation. Safe to use from several threads at once.
 */
final class ModelParser {
    private final Project project;
    private final Vars vars;
    private final Map<String, String> env;
    private final ParseCache cache;
    private final JinjaEngine jinja;
    private final RelationNamer namer;
    /** Texts and checksums already read, by absolute path (a file not in them is read here). */
    private final Map<String, String> texts;
    private final Map<String, String> checksums;
    /** depends_on.macros of the models whose calls were read at render time or from the cache. */
    private final Map<NodeId, List<String>> knownCalls = new ConcurrentHashMap<>();

    ModelParser(Project project, Vars vars, Map<String, String> env, ParseCache cache, JinjaEngine jinja,
                RelationNamer namer, Map<String, String> texts, Map<String, String> checksums) {
        this.project = project;
        this.vars = vars;
        this.env = env;
        this.cache = cache;
        this.jinja = jinja;
        this.namer = namer;
        this.texts = texts;
        this.checksums = checksums;
    }

    /** The macros each model parsed so far calls, by node. */
    Map<NodeId, List<String>> knownCalls() {
        return knownCalls;
    }

    /**
     * The node of {@code f}, a file of {@code unit}, or null when it is disabled.
     *
     * @param rootOverrides the root project's configs of a package's nodes (null for the root's own)
     */
    ModelNode parse(Project unit, SourceFile f, ResourceType type, ProjectConfigTree tree,
                    ProjectConfigTree rootOverrides, Map<String, PropertyPatch> patches, ModelVersions versions) {
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
        String raw = texts.containsKey(key) ? texts.get(key) : Parser.read(f);
        String checksum = checksums.containsKey(key) ? checksums.get(key) : Checksums.ofFileContents(raw);
        String configKey = ParseCache.configKey(config);
        ParseCache.Render rendered = cache.render(key, checksum, configKey);
        ParseRuntime rt = null;
        boolean java = Parser.isJava(f);
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
            rendered = new ParseCache.Render(rt.config, rt.refs, rt.sources, List.copyOf(rt.macroCalls));
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
        // as dbt's parse-time var(), a var missing here is None: only compiling the model (run,
        // build, compile) reports it, so a project whose runs pass --vars still parses without them
        Map<String, Object> context = nodeContext(unit, name, fqn, f, type);
        // dbt's generate_alias_name: a version's relation is <name>_v<version> unless it has an alias
        String identifier = name;
        if (versioned != null) {
            context.put("version", versioned.version().v());
            identifier = name + "_v" + versioned.version().label().replace('.', '_');
        }
        Relation relation = namer.name(identifier, config, context);
        HookCalls hookCalls = hookCalls(f, fqn, tree, rootOverrides, patch, rendered, nodeConfig, pkg, config, relation);
        knownCalls.put(id, hookCalls.macrosAfter(rendered.macroCalls()));
        String path = type == ResourceType.ANALYSIS ? "analysis/" + f.relativeToRoot() : f.relativeToRoot();
        return new ModelNode(id, type, name, pkg, path, f.relativeToProject(), fqn,
                raw, nodeConfig, relation, patch == null ? "" : patch.description(),
                patch == null ? Map.of() : patch.columns(), ConstraintRefs.withForeignKeyRefs(hookCalls.after(rendered.refs()), patch),
                hookCalls.afterSources(rendered.sources()), patch == null ? null : pkg + "://" + patch.file(), checksum,
                ConstraintRefs.modelConstraints(patch), versioned == null ? null : versioned.version(),
                versioned != null ? versioned.version().deprecationDate() : DeprecationDates.of(patch));
    }

    /** The ref()/source() calls of the node's hooks, rendered as dbt renders them while parsing. */
    private HookCalls hookCalls(SourceFile f, List<String> fqn, ProjectConfigTree tree, ProjectConfigTree rootOverrides,
                                PropertyPatch patch, ParseCache.Render rendered, NodeConfig patched, String pkg,
                                Map<String, Object> config, Relation relation) {
        if (patched.preHooks().isEmpty() && patched.postHooks().isEmpty()) {
            return HookCalls.NONE;
        }
        Map<String, Object> unpatched = tree.configFor(fqn);
        ConfigMerger.mergeInto(unpatched, rendered.config());
        if (rootOverrides != null) {
            ConfigMerger.mergeInto(unpatched, rootOverrides.configFor(fqn));
        }
        boolean patchConfig = patch != null && !patch.config().isEmpty();
        return HookCalls.of(jinja, f.relativeToProject(), new NodeConfig(unpatched), patchConfig ? patched : null,
                () -> new ParseRuntime(vars.scopedTo(pkg), project.target().context(), config, relation));
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
}
