package dev.mallard.core.parse;

import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SemanticNode;
import dev.mallard.core.manifest.UnitTestNode;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.ProjectConfig;
import dev.mallard.core.project.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The saved parse patched for changed model files, as dbt's partial parsing does: when the
 * only files that changed since are the root project's SQL models (edited, added, or
 * removed), each changed or added one is rendered again and its node put in, a removed one's
 * node is dropped, and everything else is kept. What
 * a model's node is made from besides its own file (dbt_project.yml, vars, target, macros,
 * its properties YAML) is unchanged, or the saved parse would not have been loaded, so the
 * result is what a full parse gives. Its tests are made from the YAML and name only the
 * model; other models' refs to it are resolved by the linker afterwards.
 * <p>
 * Anything this does not cover gives null, and the parse is a full one: another kind of file
 * changed (YAML, macro, seed, snapshot, test, a package's), a model became disabled or its
 * render failed (the full parse reports the error as usual), a project with unit tests or
 * semantic models (their nodes read the models'), deprecated model versions (their warnings
 * depend on every model's refs), an added model whose name is taken or has properties, a
 * removed one that had properties (its tests and the warnings change), or a file added or
 * removed in a project with versioned models.
 */
final class ParsePatch {
    private ParsePatch() {
    }

    static Parser.Result apply(Project project, Vars vars, Map<String, String> env, MacroTemplates macroFiles,
                               SavedParse saved, FileStamps.Diff diff) {
        Manifest manifest = saved.manifest();
        if (saved.modelPatches() == null || diff.none() || !patchable(manifest)) {
            return null;
        }
        String pkg = project.name();
        Map<String, SourceFile> modelFiles = new HashMap<>();
        project.modelFiles().forEach(f -> modelFiles.put(f.absolute().toString(), f));
        List<SourceFile> files = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        Map<String, String> checksums = new HashMap<>();
        List<TemplateFile> templates = new ArrayList<>();
        for (String path : diff.changed()) {
            SourceFile f = modelFiles.get(path);
            if (f == null || !(manifest.nodes().get(NodeId.of(ResourceType.MODEL, pkg, f.stem())) instanceof ModelNode old)
                    || old.version() != null || !old.originalFilePath().equals(f.relativeToProject())) {
                return null;
            }
            files.add(f);
        }
        if (!diff.added().isEmpty() || !diff.removed().isEmpty()) {
            // a versioned model's files are found by name: a file that comes or goes may be one
            if (saved.modelPatches().values().stream().anyMatch(p -> p.raw().containsKey("versions"))) {
                return null;
            }
        }
        for (String path : diff.added()) {
            SourceFile f = modelFiles.get(path);
            if (f == null || !newName(manifest, saved, f.stem())) {
                return null;
            }
            files.add(f);
        }
        Set<NodeId> removed = new java.util.HashSet<>();
        for (String path : diff.removed()) {
            ModelNode gone = modelOf(project, manifest, path);
            // a model with properties or tests: the warnings and tests change with it
            if (gone == null || saved.modelPatches().containsKey(gone.name())) {
                return null;
            }
            removed.add(gone.id());
        }
        for (SourceFile f : files) {
            if (Parser.isJava(f)) {
                return null;
            }
            String text = Parser.read(f);
            texts.put(f.absolute().toString(), text);
            checksums.put(f.absolute().toString(), Checksums.ofFileContents(text));
            templates.add(new TemplateFile(f.relativeToProject(), text));
        }
        try {
            JinjaEngine jinja = macroFiles.engine(project, templates);
            ModelParser models = new ModelParser(project, vars, env, ParseCache.empty("", "patch"), jinja,
                    new RelationNamer(project.target(), jinja, vars), texts, checksums);
            ProjectConfigTree tree = ProjectConfigTree.of(project, ProjectConfig::models);
            Map<NodeId, ModelNode> made = new HashMap<>();
            Map<NodeId, List<String>> calls = new HashMap<>(manifest.macroDependencies());
            removed.forEach(calls::remove);
            for (SourceFile f : files) {
                ModelNode node = models.parse(project, f, ResourceType.MODEL, tree, null, saved.modelPatches(),
                        ModelVersions.none());
                if (node == null) {
                    return null; // disabled: its tests and the disabled names change too
                }
                made.put(node.id(), node);
                calls.remove(node.id());
                List<String> called = models.knownCalls().get(node.id());
                if (called != null && !called.isEmpty()) {
                    calls.put(node.id(), List.copyOf(called));
                }
            }
            ContractedIncrementals.check(List.copyOf(made.values()));
            Manifest out = new Manifest(manifest.projectName(), nodes(project, manifest, made, removed),
                    manifest.macros(), manifest.docs(), manifest.onRunStart(), manifest.onRunEnd(), calls,
                    manifest.groups());
            return new Parser.Result(out, () -> jinja, vars, saved.disabledNames());
        } catch (RuntimeException e) {
            return null; // the full parse reports it (or finds it is no error)
        }
    }

    /**
     * The nodes in a full parse's order: the root project's models first, in its files' order
     * (with {@code made} put in and {@code removed} left out), then every other node as it was.
     */
    private static Map<NodeId, Node> nodes(Project project, Manifest manifest, Map<NodeId, ModelNode> made,
                                           Set<NodeId> removed) {
        Map<NodeId, Node> out = new LinkedHashMap<>();
        Map<String, Node> byFile = new HashMap<>();
        for (Node n : manifest.nodes().values()) {
            if (n instanceof ModelNode m && m.resourceType() == ResourceType.MODEL && !removed.contains(n.id())
                    && m.packageName().equals(project.name())) {
                byFile.put(m.originalFilePath(), n);
            }
        }
        made.values().forEach(n -> byFile.put(n.originalFilePath(), n));
        for (SourceFile f : project.modelFiles()) {
            Node n = byFile.get(f.relativeToProject());
            if (n != null) {
                out.put(n.id(), n);
            }
        }
        for (Map.Entry<NodeId, Node> e : manifest.nodes().entrySet()) {
            if (!removed.contains(e.getKey())) {
                out.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Whether a new model may take {@code name}: no node, disabled node or properties entry has it. */
    private static boolean newName(Manifest manifest, SavedParse saved, String name) {
        if (saved.modelPatches().containsKey(name) || saved.disabledNames().contains(name)) {
            return false;
        }
        for (Node n : manifest.nodes().values()) {
            if (n.name().equals(name)) {
                return false;
            }
        }
        return true;
    }

    /** The root project's unversioned model read from the file {@code path} (absolute), or null. */
    private static ModelNode modelOf(Project project, Manifest manifest, String path) {
        java.nio.file.Path file = java.nio.file.Path.of(path).toAbsolutePath().normalize();
        java.nio.file.Path dir = project.dir().toAbsolutePath().normalize();
        for (Node n : manifest.nodes().values()) {
            if (n instanceof ModelNode m && m.resourceType() == ResourceType.MODEL && m.version() == null
                    && m.packageName().equals(project.name())
                    && dir.resolve(m.originalFilePath()).normalize().equals(file)) {
                return m;
            }
        }
        return null;
    }

    /** Whether no node of the saved parse reads another model's node or every model's refs. */
    private static boolean patchable(Manifest manifest) {
        for (Node n : manifest.nodes().values()) {
            if (n instanceof UnitTestNode || n instanceof SemanticNode
                    || n instanceof ModelNode m && m.version() != null && m.version().deprecationDate() != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * What manifest.json rewrites of the saved parse's file for {@code result}: the nodes that are not
     * the saved ones; null (write it whole) when the set of nodes changed.
     */
    static dev.mallard.core.artifacts.ManifestWriter.Patched manifestPatch(SavedParse saved, Parser.Result result) {
        if (!result.manifest().nodes().keySet().equals(saved.manifest().nodes().keySet())) {
            return null;
        }
        java.util.Set<NodeId> changed = new java.util.HashSet<>();
        result.manifest().nodes().forEach((id, node) -> {
            if (saved.manifest().nodes().get(id) != node) {
                changed.add(id);
            }
        });
        return new dev.mallard.core.artifacts.ManifestWriter.Patched(saved.parsedAt(), changed);
    }
}
