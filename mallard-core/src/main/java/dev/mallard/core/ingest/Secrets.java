package dev.mallard.core.ingest;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.project.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where ingests find secrets: an environment variable of the secret's name, else a YAML
 * mapping of names to values in the secrets file ({@code $MALLARD_SECRETS_FILE}, default
 * {@code ~/.mallard/secrets.yml}). The file must lie outside the project, so that it is
 * never committed with it; one inside is refused. Values are never logged.
 */
public final class Secrets {
    public static final String FILE_VARIABLE = "MALLARD_SECRETS_FILE";

    private final Map<String, String> env;
    private final Path projectDir;
    private volatile Map<String, Object> file;

    public Secrets(Map<String, String> env, Path projectDir) {
        this.env = Map.copyOf(env);
        this.projectDir = projectDir.toAbsolutePath().normalize();
    }

    public Optional<String> get(String name) {
        String v = env.get(name);
        if (v != null) {
            return Optional.of(v);
        }
        Object fromFile = fileValues().get(name);
        return fromFile == null ? Optional.empty() : Optional.of(String.valueOf(fromFile));
    }

    /** The secrets file's path (whether or not it exists). */
    public Path filePath() {
        String configured = env.get(FILE_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".mallard", "secrets.yml").toAbsolutePath().normalize();
    }

    private Map<String, Object> fileValues() {
        Map<String, Object> loaded = file;
        if (loaded != null) {
            return loaded;
        }
        Path path = filePath();
        if (!Files.isRegularFile(path)) {
            loaded = Map.of();
        } else {
            Path real;
            try {
                real = path.toRealPath();
                Path realProject = projectDir.toRealPath();
                if (real.startsWith(realProject)) {
                    throw new MallardException(ErrorCode.PROJECT, "the secrets file " + path
                            + " is inside the project; keep it outside (e.g. ~/.mallard/secrets.yml) so it is never committed");
                }
            } catch (java.io.IOException e) {
                throw new MallardException(ErrorCode.PROJECT, "cannot read the secrets file " + path + ": " + e.getMessage());
            }
            // only the file's name in messages: a YAML error must not quote a secret's line
            try {
                loaded = YamlFiles.readMap(real, real.getParent(), Warnings.ignored());
            } catch (MallardException e) {
                throw new MallardException(ErrorCode.YAML, "the secrets file " + path
                        + " is not a YAML mapping of names to values", path.toString(), e.line());
            }
        }
        file = loaded;
        return loaded;
    }
}
