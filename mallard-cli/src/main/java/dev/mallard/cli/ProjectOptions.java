package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.project.ProjectLoader;
import dev.mallard.core.project.YamlFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every project command shares (a picocli mixin). */
public final class ProjectOptions {
    @Option(names = "--project-dir", description = "Folder holding dbt_project.yml (default: current folder).")
    Path projectDir;

    @Option(names = "--profiles-dir", description = "Folder holding profiles.yml.")
    Path profilesDir;

    @Option(names = {"-t", "--target"}, description = "Target of the profile to use.")
    String target;

    @Option(names = "--vars", description = "Variables as a YAML dict, e.g. '{key: value}'.")
    String vars;

    @Option(names = "--threads", description = "Number of threads.")
    Integer threads;

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    Path projectDirOrDefault() {
        return projectDir == null ? Path.of("").toAbsolutePath() : projectDir;
    }

    ProjectLoader.Options toLoaderOptions() {
        Path dir = projectDirOrDefault();
        return new ProjectLoader.Options(dir, profilesDir, target, threads, parseVars());
    }

    Map<String, Object> parseVars() {
        if (vars == null || vars.isBlank()) {
            return Map.of();
        }
        try {
            return new LinkedHashMap<>(YamlFiles.parseMap(vars, "--vars"));
        } catch (MallardException e) {
            throw new MallardException(ErrorCode.USAGE, "--vars is not a YAML dictionary: " + e.getMessage());
        }
    }
}
