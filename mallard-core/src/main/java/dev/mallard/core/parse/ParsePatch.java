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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The saved parse patched for changed model files, as dbt's partial parsing does: when the
 * only files that changed since are the root project's SQL models (the same files, their
 * text edited), each is rendered again and its node replaced; everything else is kept. What
 * a model's node is made from besides its own file (dbt_project.yml, vars, target, macros,
 * its properties YAML) is unchanged, or the saved parse would not have been loaded, so the
 * result is what a full parse gives. Its tests are made from the YAML and name only the
 * model; other models' refs to it are resolved by the linker afterwards.
 * <p>
 * Anything this does not cover gives null, and the parse is a full one: another kind of file
 * changed (YAML, macro, seed, snapshot, test, a package's), a model became disabled or its
 * render failed (the full parse reports the error as usual), a project with unit tests or
 * semantic models (their nodes read the models'), or deprecated model versions (their
 * warnings depend on every model's refs).
 */
final class ParsePatch {
    private ParsePatch() {
    }

    static Parser.Result apply(Project project, Vars vars, Map<String, String> env, MacroTemplates macroFiles,
                               SavedParse saved, List<String> changed) {
        Manifest manifest = saved.manifest();
        if (saved.modelPatches() == null || changed.isEmpty() || !patchable(manifest)) {
            return null;
        }
        String pkg = project.name();
        Map<String, SourceFile> modelFiles = new HashMap<>();
        project.modelFiles().forEach(f -> modelFiles.put(f.absolute().toString(), f));
        List<SourceFile> files = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        Map<String, String> checksums = new HashMap<>();
        List<TemplateFile> templates = new ArrayList<>();
        for (String path : changed) {
            SourceFile f = modelFiles.get(path);
            if (f == null || Parser.isJava(f) || !(manifest.nodes().get(NodeId.of(ResourceType.MODEL, pkg, f.stem()))
                    instanceof ModelNode old) || old.version() != null
                    || !old.originalFilePath().equals(f.relativeToProject())) {
                return null;
            }
            String text = Parser.read(f);
            texts.put(path, text);
            checksums.put(path, Checksums.ofFileContents(text));
            templates.add(new TemplateFile(f.relativeToProject(), text));
            files.add(f);
        }
        try {
            JinjaEngine jinja = macroFiles.engine(project, templates);
            Set<String> namespaces = new LinkedHashSet<>();
            namespaces.add(pkg);
            project.packages().forEach(p -> namespaces.add(p.name()));
            ModelParser models = new ModelParser(project, vars, env, ParseCache.empty("", "patch"), jinja,
                    new RelationNamer(project.target(), jinja, vars), manifest.macros(), namespaces, texts, checksums);
            ProjectConfigTree tree = ProjectConfigTree.of(project, ProjectConfig::models);
            Map<NodeId, Node> nodes = new LinkedHashMap<>(manifest.nodes());
            Map<NodeId, List<String>> calls = new HashMap<>(manifest.macroDependencies());
            List<Node> patched = new ArrayList<>();
            for (SourceFile f : files) {
                ModelNode node = models.parse(project, f, ResourceType.MODEL, tree, null, saved.modelPatches(),
                        ModelVersions.none());
                if (node == null) {
                    return null; // newly disabled: its tests and the disabled names change too
                }
                nodes.put(node.id(), node);
                patched.add(node);
                calls.remove(node.id());
                List<String> called = models.knownCalls().get(node.id());
                if (called != null && !called.isEmpty()) {
                    calls.put(node.id(), List.copyOf(called));
                }
            }
            ContractedIncrementals.check(patched);
            Manifest out = new Manifest(manifest.projectName(), nodes, manifest.macros(), manifest.docs(),
                    manifest.onRunStart(), manifest.onRunEnd(), calls, manifest.groups());
            return new Parser.Result(out, () -> jinja, vars, saved.disabledNames());
        } catch (RuntimeException e) {
            return null; // the full parse reports it (or finds it is no error)
        }
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
}
