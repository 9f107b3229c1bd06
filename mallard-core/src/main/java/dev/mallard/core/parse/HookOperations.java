package dev.mallard.core.parse;

import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.manifest.MacroInfo;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.ProjectConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The on-run-start and on-run-end hooks of dbt_project.yml as dbt's operation nodes: hook
 * {@code i} of a project's (or package's) on-run-start is {@code operation.<pkg>.<pkg>-on-run-start-<i>},
 * its config that of the project's {@code models:} tree at {@code [pkg, hooks, <name>]}.
 */
public final class HookOperations {
    public static final String ON_RUN_START = "on-run-start";
    public static final String ON_RUN_END = "on-run-end";

    private HookOperations() {
    }

    /**
     * One hook.
     *
     * @param index       its place among its own project's hooks of that kind
     * @param projectFile the dbt_project.yml it is written in
     * @param config      the config the {@code models:} tree gives it, unrendered (dbt's unrendered_config)
     */
    public record Hook(String packageName, String kind, int index, String sql, Path projectFile,
                       Map<String, Object> config) {
        public Hook {
            config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        }

        public String name() {
            return packageName + "-" + kind + "-" + index;
        }

        public NodeId id() {
            return new NodeId("operation." + packageName + "." + name());
        }
    }

    /** Both kinds' hooks as dbt lists them in manifest.json: each project's on-run-start then on-run-end, the root's first. */
    public static List<Hook> all(Project root) {
        List<Hook> out = new ArrayList<>();
        for (Project unit : units(root)) {
            out.addAll(of(unit, ON_RUN_START, ProjectConfig::onRunStart));
            out.addAll(of(unit, ON_RUN_END, ProjectConfig::onRunEnd));
        }
        return out;
    }

    /** One kind's hooks in the order dbt-core 1.11 runs them: the project's, then each package's by name. */
    public static List<Hook> of(Project root, String kind) {
        Function<ProjectConfig, List<String>> hooks = ON_RUN_START.equals(kind) ? ProjectConfig::onRunStart
                : ProjectConfig::onRunEnd;
        List<Hook> out = new ArrayList<>();
        for (Project unit : units(root)) {
            out.addAll(of(unit, kind, hooks));
        }
        return out;
    }

    private static List<Project> units(Project root) {
        List<Project> units = new ArrayList<>();
        units.add(root);
        root.packages().stream().sorted(Comparator.comparing(Project::name)).forEach(units::add);
        return units;
    }

    private static List<Hook> of(Project unit, String kind, Function<ProjectConfig, List<String>> hooks) {
        List<String> sqls = hooks.apply(unit.config());
        List<Hook> out = new ArrayList<>();
        ProjectConfigTree tree = sqls.isEmpty() ? null : ProjectConfigTree.of(unit, ProjectConfig::models);
        for (int i = 0; i < sqls.size(); i++) {
            String name = unit.name() + "-" + kind + "-" + i;
            out.add(new Hook(unit.name(), kind, i, sqls.get(i), unit.dir().resolve("dbt_project.yml"),
                    tree.configFor(List.of(unit.name(), "hooks", name))));
        }
        return out;
    }

    /** {@code calls} (each node's depends_on.macros) with the macros each hook's own code calls. */
    static Map<NodeId, List<String>> withCalls(Map<NodeId, List<String>> calls, Project root, JinjaEngine jinja,
                                               Map<String, MacroInfo> macros, Set<String> namespaces) {
        List<Hook> hooks = all(root);
        if (hooks.isEmpty()) {
            return calls;
        }
        Map<NodeId, List<String>> out = new LinkedHashMap<>(calls);
        for (Hook hook : hooks) {
            List<String> called = MacroCatalog.calledBy(jinja, macros, "dbt_project.yml (" + hook.kind() + ")",
                    hook.sql(), namespaces);
            if (!called.isEmpty()) {
                out.put(hook.id(), List.copyOf(called));
            }
        }
        return out;
    }
}
