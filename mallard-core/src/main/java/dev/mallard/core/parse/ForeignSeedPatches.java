package dev.mallard.core.parse;

import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SeedNode;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.ProjectConfig;
import dev.mallard.core.project.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A properties entry a package writes for a seed it has no enabled seed of: dbt 1.11 looks
 * the name up among the package's own enabled nodes, then among every project's (the root's
 * first), and patches the seed it finds, unless that seed has properties of its own. So a
 * root project's seed that replaces a package's disabled one (dbt-project-evaluator's
 * exceptions seed) takes the package's description, columns and config (its column_types).
 */
final class ForeignSeedPatches {
    private ForeignSeedPatches() {
    }

    /**
     * Applies {@code unit}'s seed properties that match none of its enabled seeds to the
     * enabled seed of that name in another project, re-reading that seed with them.
     */
    static void apply(Project unit, Map<String, PropertyPatch> seedPatches, Project root, Map<NodeId, Node> nodes,
                      RelationNamer namer) {
        for (PropertyPatch patch : seedPatches.values()) {
            if (nodes.containsKey(NodeId.of(ResourceType.SEED, unit.name(), patch.name()))) {
                continue;
            }
            SeedNode target = nodes.values().stream()
                    .filter(n -> n instanceof SeedNode s && s.name().equals(patch.name()) && s.patchPath() == null)
                    .map(SeedNode.class::cast).findFirst().orElse(null);
            Project owner = target == null ? null : projectNamed(root, target.packageName());
            SourceFile file = owner == null ? null : owner.seedFiles().stream()
                    .filter(f -> f.relativeToProject().equals(target.originalFilePath())).findFirst().orElse(null);
            if (file == null) {
                continue;
            }
            SeedNode patched = SeedReader.seed(owner, file, ProjectConfigTree.of(owner, ProjectConfig::seeds), patch,
                    namer, unit.name());
            if (patched != null) {
                nodes.put(patched.id(), patched);
            } else {
                nodes.remove(target.id());
            }
        }
    }

    private static Project projectNamed(Project root, String name) {
        List<Project> all = new ArrayList<>();
        all.add(root);
        all.addAll(root.packages());
        return all.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
