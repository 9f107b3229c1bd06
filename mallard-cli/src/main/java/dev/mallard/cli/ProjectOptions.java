package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.project.ProjectLoader;
import dev.mallard.core.project.ProjectOverrides;
import dev.mallard.core.project.YamlFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every project command shares (a picocli mixin). */
public final class ProjectOptions {
    @Option(names = "--project-dir", description = "Folder holding dbt_project.yml (default: DBT_PROJECT_DIR, "
            + "else the current folder).")
    Path projectDir;

    @Option(names = "--profile", description = "Profile to use instead of dbt_project.yml's 'profile:'.")
    String profile;

    @Option(names = "--target-path", description = "Folder for artifacts instead of dbt_project.yml's "
            + "'target-path:' (env DBT_TARGET_PATH).")
    String targetPath;

    @Option(names = "--profiles-dir", description = "Folder holding profiles.yml.")
    Path profilesDir;

    @Option(names = {"-t", "--target"}, description = "Target of the profile to use.")
    String target;

    @Option(names = "--vars", description = "Variables as a YAML dict, e.g. '{key: value}'.")
    String vars;

    @Option(names = "--threads", description = "Number of threads.")
    Integer threads;

    @Option(names = {"-d", "--debug"}, description = "Show debug-level logs on the console (the SQL sent to the "
            + "engine, each node's steps) and stack traces on errors (env DBT_DEBUG).")
    boolean debug;

    /** --project-dir, else DBT_PROJECT_DIR, else the current folder. */
    Path projectDirOrDefault() {
        if (projectDir != null) {
            return projectDir;
        }
        String env = System.getenv("DBT_PROJECT_DIR");
        return env != null && !env.isBlank() ? Path.of(env).toAbsolutePath() : Path.of("").toAbsolutePath();
    }

    ProjectLoader.Options toLoaderOptions() {
        Path dir = projectDirOrDefault();
        String env = System.getenv("DBT_TARGET_PATH");
        String artifacts = targetPath != null ? targetPath : env != null && !env.isBlank() ? env : null;
        return new ProjectLoader.Options(dir, profilesDir, target, threads, parseVars())
                .withOverrides(new ProjectOverrides(profile, artifacts));
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
