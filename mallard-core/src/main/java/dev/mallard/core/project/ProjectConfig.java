package dev.mallard.core.project;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** dbt_project.yml, rendered (env_var and var resolved) except for hooks. */
public record ProjectConfig(
        String name,
        String version,
        String profile,
        List<String> modelPaths,
        List<String> seedPaths,
        List<String> testPaths,
        List<String> macroPaths,
        List<String> snapshotPaths,
        List<String> analysisPaths,
        List<String> docsPaths,
        String targetPath,
        List<String> cleanTargets,
        Map<String, Object> vars,
        Map<String, Object> models,
        Map<String, Object> seeds,
        Map<String, Object> tests,
        Map<String, Object> snapshots,
        Map<String, Object> sources,
        List<String> onRunStart,
        List<String> onRunEnd,
        Map<String, Object> raw) {

    public ProjectConfig {
        // fail at load time, naming dbt_project.yml, rather than when a migrate command runs
        MigrationsConfig.fromYaml(raw == null ? null : raw.get("migrations"), "dbt_project.yml");
        modelPaths = List.copyOf(modelPaths);
        seedPaths = List.copyOf(seedPaths);
        testPaths = List.copyOf(testPaths);
        macroPaths = List.copyOf(macroPaths);
        snapshotPaths = List.copyOf(snapshotPaths);
        analysisPaths = List.copyOf(analysisPaths);
        docsPaths = List.copyOf(docsPaths);
        cleanTargets = List.copyOf(cleanTargets);
        onRunStart = List.copyOf(onRunStart);
        onRunEnd = List.copyOf(onRunEnd);
        vars = Frozen.map(vars);
        models = Frozen.map(models);
        seeds = Frozen.map(seeds);
        tests = Frozen.map(tests);
        snapshots = Frozen.map(snapshots);
        sources = Frozen.map(sources);
        raw = Frozen.map(raw);
    }

    /** Where {@code mallard deps} installs packages ({@code packages-install-path}, default dbt_packages). */
    public String packagesInstallPath() {
        Object v = raw.get("packages-install-path");
        return v == null ? "dbt_packages" : String.valueOf(v);
    }

    /**
     * The {@code dispatch:} entries: for each macro namespace, the packages
     * {@code adapter.dispatch} searches, in order.
     */
    public Map<String, List<String>> dispatch() {
        Object v = raw.get("dispatch");
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> entries)) {
            throw new MallardException(ErrorCode.PROJECT, "'dispatch' must be a list of {macro_namespace, "
                    + "search_order} entries", "dbt_project.yml", 0);
        }
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> m) || !(m.get("macro_namespace") instanceof String ns)
                    || !(m.get("search_order") instanceof List<?> order)) {
                throw new MallardException(ErrorCode.PROJECT, "each 'dispatch' entry needs a macro_namespace "
                        + "and a search_order list", "dbt_project.yml", 0);
            }
            out.put(ns, order.stream().map(String::valueOf).toList());
        }
        return out;
    }

    /** The {@code quoting:} block: which parts of a relation's name ref(), this and the adapter quote. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> quoting() {
        return raw.get("quoting") instanceof Map<?, ?> q ? (Map<String, Object>) q : Map.of();
    }

    /** The {@code migrations:} block (defaults when absent). */
    public MigrationsConfig migrations() {
        return MigrationsConfig.fromYaml(raw.get("migrations"), "dbt_project.yml");
    }

    @SuppressWarnings("unchecked")
    static ProjectConfig fromYaml(Map<String, Object> y, String file) {
        Object name = y.get("name");
        if (name == null || String.valueOf(name).isBlank()) {
            throw new MallardException(ErrorCode.PROJECT, "dbt_project.yml has no 'name'", file, 1);
        }
        String projectName = String.valueOf(name);
        List<String> modelPaths = paths(y, "model-paths", "source-paths", List.of("models"), file);
        List<String> docs = y.containsKey("docs-paths") ? paths(y, "docs-paths", null, List.of(), file) : List.of();
        String targetPath = y.get("target-path") == null ? "target" : String.valueOf(y.get("target-path"));
        return new ProjectConfig(
                projectName,
                y.get("version") == null ? null : String.valueOf(y.get("version")),
                y.get("profile") == null ? projectName : String.valueOf(y.get("profile")),
                modelPaths,
                paths(y, "seed-paths", "data-paths", List.of("seeds"), file),
                paths(y, "test-paths", null, List.of("tests"), file),
                paths(y, "macro-paths", null, List.of("macros"), file),
                paths(y, "snapshot-paths", null, List.of("snapshots"), file),
                paths(y, "analysis-paths", null, List.of("analyses"), file),
                docs,
                targetPath,
                // dbt cleans the target-path when clean-targets is not set
                paths(y, "clean-targets", null, List.of(targetPath), file),
                mapOf(y, "vars", file),
                mapOf(y, "models", file),
                mapOf(y, "seeds", file),
                mapOf(y, containsAny(y, "data_tests") ? "data_tests" : "tests", file),
                mapOf(y, "snapshots", file),
                mapOf(y, "sources", file),
                hooks(y.get("on-run-start")),
                hooks(y.get("on-run-end")),
                y);
    }

    private static boolean containsAny(Map<String, Object> y, String key) {
        return y.containsKey(key);
    }

    static List<String> hooks(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o != null) {
                    out.add(String.valueOf(o));
                }
            }
        } else if (value != null) {
            out.add(String.valueOf(value));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Map<String, Object> y, String key, String file) {
        Object v = y.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map)) {
            throw new MallardException(ErrorCode.PROJECT, "'" + key + "' must be a mapping", file, 0);
        }
        return (Map<String, Object>) v;
    }

    private static List<String> paths(Map<String, Object> y, String key, String legacyKey, List<String> def, String file) {
        Object v = y.get(key);
        if (v == null && legacyKey != null) {
            v = y.get(legacyKey);
        }
        if (v == null) {
            return def;
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (!(v instanceof List<?> l)) {
            throw new MallardException(ErrorCode.PROJECT, "'" + key + "' must be a list of paths", file, 0);
        }
        return l.stream().map(String::valueOf).toList();
    }
}
