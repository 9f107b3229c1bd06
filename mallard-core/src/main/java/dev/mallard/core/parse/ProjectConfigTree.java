package dev.mallard.core.parse;

import dev.mallard.core.project.Project;
import dev.mallard.core.project.ProjectConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code models:}/{@code seeds:} trees of dbt_project.yml: configs applied by folder,
 * deeper folders winning. {@code +key} is always a config; a plain key is a folder when it
 * names the next fqn part, otherwise a config.
 */
final class ProjectConfigTree {
    private static final Set<String> DICT_CONFIGS = Set.of("meta", "column_types", "grants", "docs", "persist_docs",
            "contract", "quote_columns", "config", "labels", "partition_by", "options", "snapshot_meta_column_names");

    private final List<Map<String, Object>> layers;

    ProjectConfigTree(Map<String, Object> tree) {
        this.layers = List.of(tree);
    }

    private ProjectConfigTree(List<Map<String, Object>> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * One section ({@code models:}, {@code seeds:}, ...) of a project's dbt_project.yml; for an
     * installed package, its own section and then the root project's, which wins (dbt).
     */
    static ProjectConfigTree of(Project project, Function<ProjectConfig, Map<String, Object>> section) {
        if (!project.isPackage()) {
            return new ProjectConfigTree(section.apply(project.config()));
        }
        return new ProjectConfigTree(List.of(section.apply(project.config()), section.apply(project.rootConfig())));
    }

    /** The root project's section for a package (its configs come last, over config() calls); null for the root. */
    static ProjectConfigTree rootOverrides(Project project, Function<ProjectConfig, Map<String, Object>> section) {
        return project.isPackage() ? new ProjectConfigTree(section.apply(project.rootConfig())) : null;
    }

    /** The merged config for an fqn of [project, folders..., name]. */
    Map<String, Object> configFor(List<String> fqn) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> tree : layers) {
            collect(tree, fqn, 0, out, true);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void collect(Map<String, Object> level, List<String> fqn, int depth, Map<String, Object> out, boolean top) {
        Map<String, Object> configs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : level.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("+")) {
                configs.put(key, e.getValue());
            } else if (!(e.getValue() instanceof Map) || DICT_CONFIGS.contains(key)) {
                if (!top) {
                    configs.put(key, e.getValue());
                } else if (!(e.getValue() instanceof Map)) {
                    configs.put(key, e.getValue());
                }
            }
        }
        ConfigMerger.mergeInto(out, configs);
        if (depth < fqn.size()) {
            // descend into the folder (or package at the top) named by the next fqn part
            String next = fqn.get(depth);
            Object sub = level.get(next);
            if (sub instanceof Map<?, ?> m && !next.startsWith("+")) {
                collect((Map<String, Object>) m, fqn, depth + 1, out, false);
            }
        }
    }
}
