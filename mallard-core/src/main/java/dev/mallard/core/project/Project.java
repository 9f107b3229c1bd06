package dev.mallard.core.project;

import dev.mallard.core.common.Frozen;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded project: its config, the chosen target and every file the parser reads. An
 * installed package is a {@code Project} too: its own folder, config and files, the root's
 * target and {@code --vars}, and the root's config in {@link #rootConfig} (null for the root).
 */
public record Project(
        Path dir,
        ProjectConfig config,
        Target target,
        Map<String, Object> cliVars,
        List<SourceFile> modelFiles,
        List<SourceFile> seedFiles,
        List<SourceFile> macroFiles,
        List<SourceFile> testFiles,
        List<SourceFile> snapshotFiles,
        List<SourceFile> analysisFiles,
        List<SourceFile> propertyFiles,
        List<SourceFile> docFiles,
        String profileNotice,
        List<Project> packages,
        ProjectConfig rootConfig) {

    public Project {
        cliVars = Frozen.map(cliVars);
        modelFiles = List.copyOf(modelFiles);
        seedFiles = List.copyOf(seedFiles);
        macroFiles = List.copyOf(macroFiles);
        testFiles = List.copyOf(testFiles);
        snapshotFiles = List.copyOf(snapshotFiles);
        analysisFiles = List.copyOf(analysisFiles);
        propertyFiles = List.copyOf(propertyFiles);
        docFiles = List.copyOf(docFiles);
        packages = List.copyOf(packages);
    }

    /**
     * The same project knowing its installed packages (each one a {@code Project} of its own
     * folder and dbt_project.yml, whose {@link #rootConfig} is this project's config).
     */
    public Project withPackages(List<Project> installed) {
        return new Project(dir, config, target, cliVars, modelFiles, seedFiles, macroFiles, testFiles, snapshotFiles,
                analysisFiles, propertyFiles, docFiles, profileNotice, installed, rootConfig);
    }

    /** Whether this is an installed package rather than the root project. */
    public boolean isPackage() {
        return rootConfig != null;
    }

    public String name() {
        return config.name();
    }

    public Path targetDir() {
        return dir.resolve(config.targetPath());
    }
}
