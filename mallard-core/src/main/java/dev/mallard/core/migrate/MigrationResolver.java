package dev.mallard.core.migrate;

import dev.mallard.core.common.TextFiles;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.project.MigrationsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds every migration of a project (SQL files under the migrations folder, Java classes
 * under its {@code java/} folder and the configured classpath), sorted by version. Refuses
 * a bad file name, a malformed file or two migrations with one version, naming the files.
 */
public final class MigrationResolver {
    private final Path projectDir;
    private final MigrationsConfig config;

    public MigrationResolver(Path projectDir, MigrationsConfig config) {
        this.projectDir = projectDir;
        this.config = config;
    }

    public Path folder() {
        return projectDir.resolve(config.path()).normalize();
    }

    public List<Migration> resolve() {
        List<Migration> all = new ArrayList<>(sqlMigrations());
        List<Path> classpath = new ArrayList<>();
        classpath.add(folder().resolve("java"));
        config.classpath().forEach(entry -> classpath.add(projectDir.resolve(entry).normalize()));
        all.addAll(new JavaMigrationLoader(projectDir).load(classpath));
        Map<MigrationVersion, List<Migration>> byVersion = new TreeMap<>();
        for (Migration m : all) {
            byVersion.computeIfAbsent(m.version(), v -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<MigrationVersion, List<Migration>> e : byVersion.entrySet()) {
            if (e.getValue().size() > 1) {
                List<String> names = e.getValue().stream().map(Migration::script).toList();
                throw new MallardException(ErrorCode.PROJECT, "version " + e.getKey() + " is used by "
                        + e.getValue().size() + " migrations: " + String.join(", ", names), names.get(0), 0,
                        "give each migration its own version", null);
            }
        }
        return byVersion.values().stream().map(l -> l.get(0)).toList();
    }

    private List<Migration> sqlMigrations() {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Path javaFolder = folder.resolve("java");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(javaFolder))
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql"))
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot list " + config.path() + ": " + e.getMessage());
        }
        List<Migration> out = new ArrayList<>();
        for (Path file : files) {
            String script = projectDir.relativize(file).toString().replace('\\', '/');
            String content = TextFiles.readUtf8(file, script);
            out.add(SqlMigrationParser.parse(file.getFileName().toString(), script, content));
        }
        return out;
    }
}
