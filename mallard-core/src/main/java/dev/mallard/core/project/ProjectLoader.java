package dev.mallard.core.project;

import dev.mallard.core.deps.DbtVersion;
import dev.mallard.core.deps.InstalledPackages;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Reads dbt_project.yml and profiles.yml and finds every file the parser needs. */
public final class ProjectLoader {
    private static final Set<String> UNRENDERED_KEYS = Set.of(
            "on-run-start", "on-run-end", "pre-hook", "post-hook", "+pre-hook", "+post-hook",
            "pre_hook", "post_hook", "+pre_hook", "+post_hook");

    /** Options from the command line that shape loading. */
    public record Options(Path projectDir, Path profilesDir, String target, Integer threads,
                          Map<String, Object> cliVars, boolean requirePackages, ProjectOverrides overrides) {
        public Options(Path projectDir, Path profilesDir, String target, Integer threads, Map<String, Object> cliVars) {
            this(projectDir, profilesDir, target, threads, cliVars, true, ProjectOverrides.NONE);
        }

        /** The same options, with or without the check that the packages are installed (clean, debug skip it). */
        public Options requiringPackages(boolean require) {
            return new Options(projectDir, profilesDir, target, threads, cliVars, require, overrides);
        }

        /** The same options, with dbt_project.yml settings the command line overrides (--profile, --target-path). */
        public Options withOverrides(ProjectOverrides newOverrides) {
            return new Options(projectDir, profilesDir, target, threads, cliVars, requirePackages, newOverrides);
        }
    }

    /** Creates a renderer for YAML values given the CLI vars (env_var and var work in both files). */
    public interface RendererFactory {
        ValueRenderer create(Map<String, Object> cliVars, Map<String, Object> projectVars);
    }

    private final Map<String, String> env;
    private final RendererFactory renderers;
    private final Warnings warnings;

    public ProjectLoader(Map<String, String> env, RendererFactory renderers) {
        this(env, renderers, Warnings.ignored());
    }

    /** A loader that reports what dbt only warns about (duplicate YAML keys) to {@code warnings}. */
    public ProjectLoader(Map<String, String> env, RendererFactory renderers, Warnings warnings) {
        this.env = env;
        this.renderers = renderers;
        this.warnings = warnings;
    }

    @SuppressWarnings("unchecked")
    public Project load(Options options) {
        Path dir = options.projectDir().toAbsolutePath().normalize();
        Path projectFile = dir.resolve("dbt_project.yml");
        if (!Files.isRegularFile(projectFile)) {
            throw new MallardException(ErrorCode.PROJECT, "no dbt_project.yml in " + dir, null, 0,
                    "run mallard from a project folder or pass --project-dir", null);
        }
        YamlFiles.Document document = YamlFiles.readProjectFile(projectFile, dir, warnings);
        ProjectKeys.check(document, "dbt_project.yml");
        Map<String, Object> yaml = document.values();
        Object rawVars = yaml.get("vars");
        Map<String, Object> projectVars = rawVars instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        ValueRenderer renderer = renderers.create(options.cliVars(), projectVars);
        Map<String, Object> rendered = renderAllButVars(renderer, yaml, "dbt_project.yml");
        ProjectDeprecations.check(rendered, "dbt_project.yml", warnings);
        ProjectConfig config = ProjectConfig.fromYaml(options.overrides().applyTo(rendered), "dbt_project.yml");
        DbtVersion.require(rendered.get("require-dbt-version"), config.name(), "dbt_project.yml",
                lineOf(projectFile, "require-dbt-version"));
        if (options.requirePackages()) {
            InstalledPackages.require(dir, config.packagesInstallPath(), renderer, warnings);
        }
        dev.mallard.core.events.PhaseTimes.mark("dbt_project.yml read");
        ProfileLoader.Resolved profile = new ProfileLoader(env, warnings).resolve(config, dir, options.profilesDir(),
                options.target(), options.threads(), renderer);
        dev.mallard.core.events.PhaseTimes.mark("profile resolved");
        Project root = files(dir, dir, config, profile.target(), options.cliVars(), profile.notice(), null);
        return root.withPackages(packages(root, options.cliVars()));
    }

    /**
     * dbt_project.yml rendered, except its {@code vars:}: dbt renders a var's value when a node
     * reads it (in that node's context, see JinjaEngine), never when loading the project.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> renderAllButVars(ValueRenderer renderer, Map<String, Object> yaml,
                                                        String display) {
        Map<String, Object> withoutVars = new java.util.LinkedHashMap<>(yaml);
        Object vars = withoutVars.remove("vars");
        Map<String, Object> rendered = new java.util.LinkedHashMap<>(
                (Map<String, Object>) renderer.renderDeep(withoutVars, display, UNRENDERED_KEYS));
        if (yaml.containsKey("vars")) {
            rendered.put("vars", vars);
        }
        return rendered;
    }

    /**
     * The installed packages (each folder of packages-install-path holding a dbt_project.yml),
     * in folder order, as projects whose files are named by their path from the root project.
     */
    @SuppressWarnings("unchecked")
    private List<Project> packages(Project root, Map<String, Object> cliVars) {
        Path installDir = root.dir().resolve(root.config().packagesInstallPath());
        if (!Files.isDirectory(installDir)) {
            return List.of();
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(installDir)) {
            dirs = list.filter(d -> Files.isRegularFile(d.resolve("dbt_project.yml")))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot list the installed packages in " + installDir + ": "
                    + e.getMessage());
        }
        List<Project> out = new ArrayList<>();
        for (Path pkgDir : dirs) {
            Path file = pkgDir.resolve("dbt_project.yml");
            String display = root.dir().relativize(file).toString().replace('\\', '/');
            YamlFiles.Document document = YamlFiles.readDocument(file, root.dir(), warnings);
            ProjectKeys.check(document, display);
            Map<String, Object> yaml = document.values();
            Object rawVars = yaml.get("vars");
            Map<String, Object> pkgVars = rawVars instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            ValueRenderer renderer = renderers.create(cliVars, pkgVars);
            Map<String, Object> rendered = renderAllButVars(renderer, yaml, display);
            ProjectDeprecations.check(rendered, display, warnings);
            if (rendered.get("name") == null) {
                rendered = new java.util.LinkedHashMap<>(rendered);
                rendered.put("name", pkgDir.getFileName().toString());
            }
            ProjectConfig config = ProjectConfig.fromYaml(rendered, display);
            DbtVersion.require(rendered.get("require-dbt-version"), config.name(), display,
                    lineOf(file, "require-dbt-version"));
            // file paths are relative to the package, as dbt's original_file_path of a package node is
            out.add(files(pkgDir, pkgDir, config, root.target(), cliVars, null, root.config()));
        }
        return out;
    }

    /** A project of the files under {@code dir}'s paths, named by their path from {@code displayDir}. */
    private static Project files(Path dir, Path displayDir, ProjectConfig config, Target target,
                                 Map<String, Object> cliVars, String notice, ProjectConfig rootConfig) {
        Map<Path, List<Path>> listings = new java.util.HashMap<>();
        List<SourceFile> modelFiles = new ArrayList<>();
        List<SourceFile> propertyFiles = new ArrayList<>();
        List<SourceFile> docFiles = new ArrayList<>();
        for (String root : config.modelPaths()) {
            walk(listings, dir, displayDir, root, modelFiles, ".sql", ".java", ".py");
            walk(listings, dir, displayDir, root, propertyFiles, ".yml", ".yaml");
            walk(listings, dir, displayDir, root, docFiles, ".md");
        }
        List<SourceFile> seedFiles = new ArrayList<>();
        for (String root : config.seedPaths()) {
            walk(listings, dir, displayDir, root, seedFiles, ".csv");
            walk(listings, dir, displayDir, root, propertyFiles, ".yml", ".yaml");
        }
        List<SourceFile> macroFiles = new ArrayList<>();
        for (String root : config.macroPaths()) {
            walk(listings, dir, displayDir, root, macroFiles, ".sql");
            walk(listings, dir, displayDir, root, propertyFiles, ".yml", ".yaml");
            walk(listings, dir, displayDir, root, docFiles, ".md");
        }
        List<SourceFile> testFiles = new ArrayList<>();
        for (String root : config.testPaths()) {
            walk(listings, dir, displayDir, root, testFiles, ".sql");
            walk(listings, dir, displayDir, root, propertyFiles, ".yml", ".yaml");
        }
        // dbt: <test-path>/fixtures/ holds unit test fixture files (csv, sql), not singular tests
        testFiles.removeIf(f -> f.relativeToRoot().startsWith("fixtures/"));
        List<SourceFile> snapshotFiles = new ArrayList<>();
        for (String root : config.snapshotPaths()) {
            walk(listings, dir, displayDir, root, snapshotFiles, ".sql");
            walk(listings, dir, displayDir, root, propertyFiles, ".yml", ".yaml");
        }
        List<SourceFile> analysisFiles = new ArrayList<>();
        for (String root : config.analysisPaths()) {
            walk(listings, dir, displayDir, root, analysisFiles, ".sql");
            walk(listings, dir, displayDir, root, propertyFiles, ".yml", ".yaml");
        }
        for (String root : config.docsPaths()) {
            walk(listings, dir, displayDir, root, docFiles, ".md");
        }
        return new Project(dir, config, target, cliVars, modelFiles, seedFiles, macroFiles,
                testFiles, snapshotFiles, analysisFiles, dedupe(propertyFiles), dedupe(docFiles), notice, List.of(),
                rootConfig);
    }

    private static int lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(key)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            // the file was just read; a line number is a courtesy
        }
        return 0;
    }

    private static List<SourceFile> dedupe(List<SourceFile> files) {
        Set<Path> seen = new LinkedHashSet<>();
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : files) {
            if (seen.add(f.absolute())) {
                out.add(f);
            }
        }
        return out;
    }

    private static void walk(Map<Path, List<Path>> listings, Path projectDir, Path displayDir, String root,
                             List<SourceFile> out, String... extensions) {
        Path rootDir = projectDir.resolve(root).normalize();
        if (!Files.isDirectory(rootDir)) {
            return;
        }
        // each folder is listed once, though its .sql, .yml and .md files are collected in turn
        List<Path> listing = listings.get(rootDir);
        if (listing == null) {
            listing = regularFiles(rootDir);
            listings.put(rootDir, listing);
        }
        try (Stream<Path> paths = listing.stream()) {
            paths.filter(p -> {
                        String n = p.getFileName().toString();
                        for (String ext : extensions) {
                            if (n.endsWith(ext)) {
                                return true;
                            }
                        }
                        return false;
                    })
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(p -> out.add(new SourceFile(p, root,
                            rootDir.relativize(p).toString().replace('\\', '/'),
                            displayDir.relativize(p).toString().replace('\\', '/'))));
        }
    }

    /** The regular files under {@code rootDir} (a symbolic link counts when it leads to one), in walk order. */
    private static List<Path> regularFiles(Path rootDir) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(rootDir, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file,
                                                               java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file)) {
                        files.add(file);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot list " + rootDir + ": " + e.getMessage());
        }
        return files;
    }
}
