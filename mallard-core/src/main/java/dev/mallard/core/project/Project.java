package dev.mallard.core.project;

import dev.mallard.core.common.Frozen;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A loaded project: its config, the chosen target and every file the parser reads. */
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
        String profileNotice) {

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
    }

    public String name() {
        return config.name();
    }

    public Path targetDir() {
        return dir.resolve(config.targetPath());
    }
}
