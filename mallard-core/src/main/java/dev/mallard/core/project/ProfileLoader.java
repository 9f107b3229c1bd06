package dev.mallard.core.project;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Finds profiles.yml as dbt does (--profiles-dir, DBT_PROFILES_DIR, the project directory,
 * ~/.dbt) and picks the target. Without a matching profile, defaults to a DuckDB file
 * under the project's target folder.
 */
public final class ProfileLoader {
    private final Map<String, String> env;
    private final Warnings warnings;

    public ProfileLoader(Map<String, String> env) {
        this(env, Warnings.ignored());
    }

    public ProfileLoader(Map<String, String> env, Warnings warnings) {
        this.env = env;
        this.warnings = warnings;
    }

    public record Resolved(Target target, Optional<Path> profilesFile, String notice) {
    }

    public Optional<Path> findProfilesFile(Path projectDir, Path profilesDir) {
        List<Path> candidates = new ArrayList<>();
        if (profilesDir != null) {
            Path p = profilesDir.resolve("profiles.yml");
            if (!Files.isRegularFile(p)) {
                throw new MallardException(ErrorCode.PROFILE, "no profiles.yml in --profiles-dir " + profilesDir);
            }
            return Optional.of(p);
        }
        String envDir = env.get("DBT_PROFILES_DIR");
        if (envDir != null && !envDir.isBlank()) {
            candidates.add(Path.of(envDir).resolve("profiles.yml"));
        }
        candidates.add(projectDir.resolve("profiles.yml"));
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (home != null) {
            candidates.add(Path.of(home, ".dbt", "profiles.yml"));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    @SuppressWarnings("unchecked")
    public Resolved resolve(ProjectConfig project, Path projectDir, Path profilesDir, String targetName,
                            Integer threadsOverride, ValueRenderer renderer) {
        Optional<Path> file = findProfilesFile(projectDir, profilesDir);
        Map<String, Object> profile = null;
        String displayName = file.map(Path::toString).orElse("profiles.yml");
        if (file.isPresent()) {
            Map<String, Object> all = YamlFiles.readMap(file.get(), null, warnings);
            ProjectDeprecations.flagsInProfiles(all, warnings);
            Object p = all.get(project.profile());
            if (p == null) {
                // as dbt: a profiles.yml that exists must hold the project's profile
                List<String> names = all.keySet().stream().map(String::valueOf).filter(k -> !k.equals("config")).toList();
                throw new MallardException(ErrorCode.PROFILE, "could not find profile named '" + project.profile()
                        + "' (profiles: " + String.join(", ", names) + ")", displayName, 0,
                        "add it to the file, or name one of its profiles in dbt_project.yml's 'profile:'", null);
            }
            if (!(p instanceof Map<?, ?> m)) {
                throw new MallardException(ErrorCode.PROFILE, "profile '" + project.profile()
                        + "' must be a mapping with 'target' and 'outputs'", displayName, 0);
            }
            // only the chosen output is rendered: an env_var of another target need not be set
            profile = (Map<String, Object>) renderer.renderDeep(m, displayName, Set.of("outputs"));
        }
        if (profile == null) {
            return new Resolved(defaultTarget(project, projectDir, targetName, threadsOverride), file,
                    "No profile '" + project.profile() + "' found; using DuckDB file "
                            + project.targetPath() + "/" + project.name() + ".duckdb");
        }
        String chosen = targetName != null ? targetName
                : profile.get("target") != null ? String.valueOf(profile.get("target")) : "dev";
        Object outputs = profile.get("outputs");
        if (!(outputs instanceof Map<?, ?> outs) || !outs.containsKey(chosen)) {
            List<String> names = outputs instanceof Map<?, ?> o ? o.keySet().stream().map(String::valueOf).toList() : List.of();
            throw new MallardException(ErrorCode.PROFILE, "profile '" + project.profile() + "' has no target '" + chosen
                    + "' (targets: " + String.join(", ", names) + ")", displayName, 0);
        }
        Map<String, Object> out = new LinkedHashMap<>(
                (Map<String, Object>) renderer.renderDeep(outs.get(chosen), displayName, Set.of()));
        String type = out.get("type") == null ? null : String.valueOf(out.get("type"));
        if (type == null) {
            throw new MallardException(ErrorCode.PROFILE, "target '" + chosen + "' of profile '" + project.profile()
                    + "' has no 'type'", displayName, 0);
        }
        ToIntFunction<String> lineOf = key -> ProfileValues.lineOf(file.get(), project.profile(), chosen, key);
        int threads = threadsOverride != null ? threadsOverride : ProfileValues.threads(out.get("threads"),
                displayName, chosen, project.profile(), lineOf);
        ProfileValues.checkStrings(out, displayName, chosen, project.profile(), lineOf);
        String schema = out.get("schema") == null ? "main" : String.valueOf(out.get("schema"));
        // dbt-postgres names the database dbname (database is its alias)
        Object db = out.get("database") != null ? out.get("database") : out.get("dbname");
        String database = db == null ? null : String.valueOf(db);
        return new Resolved(new Target(project.profile(), chosen, type, schema, database, threads, out, false), file, null);
    }

    private Target defaultTarget(ProjectConfig project, Path projectDir, String targetName, Integer threads) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("type", "duckdb");
        raw.put("path", project.targetPath() + "/" + project.name() + ".duckdb");
        raw.put("schema", "main");
        return new Target(project.profile(), targetName == null ? "dev" : targetName, "duckdb", "main", null,
                threads == null ? 4 : threads, raw, true);
    }
}
