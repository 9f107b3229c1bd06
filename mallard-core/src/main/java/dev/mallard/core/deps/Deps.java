package dev.mallard.core.deps;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.project.ValueRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code mallard deps}, as dbt's: resolve packages.yml into package-lock.yml unless the lock
 * is current (its hash matches the spec) or {@code --upgrade} is given, then clean-install
 * exactly what the lock lists into the install folder ({@code --lock}: only the lock).
 */
public final class Deps {
    /** Command-line choices; {@code addPackage} is {@code name@version}, {@code source} hub/git/local/tarball. */
    public record Options(boolean upgrade, boolean lockOnly, String addPackage, String source) {
    }

    private final Path projectDir;
    private final String installPath;
    private final HubClient hub;
    private final Consumer<String> log;
    private final ValueRenderer renderer;

    /** {@code renderer} renders env_var and var in the packages files (null: none). */
    public Deps(Path projectDir, String installPath, HubClient hub, ValueRenderer renderer, Consumer<String> log) {
        this.renderer = renderer;
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.installPath = installPath;
        this.hub = hub;
        this.log = log;
    }

    /** Runs deps; returns the packages installed (or locked, with {@code --lock}). */
    public List<String> run(Options options) {
        if (options.addPackage() != null) {
            AddPackage.into(projectDir, options.addPackage(), options.source());
            log.accept("Added " + options.addPackage() + " to packages.yml");
        }
        Warnings warnings = new Warnings();
        PackagesFile spec = PackagesFile.read(projectDir, projectDir, renderer, warnings);
        warnings.all().forEach(w -> log.accept(dev.mallard.core.events.Deprecation.plain(w)));
        if (spec.packages().isEmpty()) {
            log.accept("Warning: No packages were found in packages.yml");
            return List.of();
        }
        String hash = SpecHash.of(spec.packages());
        LockFile lock = LockFile.read(projectDir, renderer);
        Path workDir = createWorkDir();
        try {
            List<Fetched> fetched;
            if (lock != null && !options.upgrade() && hash.equals(lock.sha1Hash())) {
                fetched = new Resolver(projectDir, workDir, hub, renderer).fetchLocked(lock.packages());
            } else {
                fetched = new Resolver(projectDir, workDir, hub, renderer).resolve(spec.packages(), spec.displayName());
                List<Map<String, Object>> entries = new ArrayList<>();
                fetched.forEach(f -> entries.add(f.pinned().lockEntry(f.name())));
                LockFile.write(projectDir, entries, hash);
                log.accept("Updating lock file in file path: " + projectDir.resolve(LockFile.FILE_NAME));
            }
            List<String> names = fetched.stream().map(Fetched::name).toList();
            if (options.lockOnly()) {
                return names;
            }
            PackageInstaller.install(fetched, projectDir.resolve(installPath));
            for (Fetched f : fetched) {
                log.accept("Installed " + f.name() + " from " + f.pinned().describe());
            }
            return names;
        } finally {
            PackageInstaller.deleteQuietly(workDir);
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("mallard-deps-");
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot create a temporary folder: " + e.getMessage());
        }
    }
}
