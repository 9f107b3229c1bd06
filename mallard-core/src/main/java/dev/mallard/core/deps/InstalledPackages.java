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
import java.util.stream.Stream;

/**
 * Checks, as dbt does before parsing, that the packages a project lists are installed;
 * names the missing ones where the lock file (or the entry itself) tells their names.
 */
public final class InstalledPackages {
    private InstalledPackages() {
    }

    public static void require(Path projectDir, String installPath, ValueRenderer renderer) {
        require(projectDir, installPath, renderer, Warnings.ignored());
    }

    public static void require(Path projectDir, String installPath, ValueRenderer renderer, Warnings warnings) {
        PackagesFile spec = PackagesFile.read(projectDir, projectDir, renderer, warnings);
        if (spec.packages().isEmpty()) {
            return;
        }
        Path installDir = projectDir.resolve(installPath);
        List<String> installed = installedNames(installDir);
        LockFile lock = LockFile.read(projectDir, renderer);
        List<String> expected = new ArrayList<>();
        if (lock != null && lock.sha1Hash() != null && lock.sha1Hash().equals(SpecHash.of(spec.packages()))) {
            lock.packages().forEach(p -> expected.add(p.name()));
        } else {
            spec.packages().forEach(p -> expected.add(expectedName(p, projectDir)));
        }
        List<String> missing = expected.stream().filter(n -> n != null && !installed.contains(n)).toList();
        if (!missing.isEmpty() || installed.size() < spec.packages().size()) {
            String which = missing.isEmpty() ? "" : " (missing: " + String.join(", ", missing) + ")";
            throw new MallardException(ErrorCode.PROJECT, "found " + spec.packages().size() + " package(s) specified in "
                    + spec.displayName() + ", but only " + installed.size() + " package(s) installed in " + installPath
                    + which + ". Run \"mallard deps\" to install package dependencies.", spec.displayName(), 0);
        }
    }

    /** The name an entry installs under, where knowable without fetching (a local package's own name). */
    private static String expectedName(PackageSpec p, Path projectDir) {
        if (p instanceof PackageSpec.Local l && p.name() == null) {
            Path dir = projectDir.resolve(l.path());
            try {
                return PackageProject.nameOf(dir, p.describe());
            } catch (MallardException e) {
                return null; // deps will report the broken entry; here only the count matters
            }
        }
        return p.name();
    }

    private static List<String> installedNames(Path installDir) {
        if (!Files.isDirectory(installDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(installDir)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).toList();
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot list " + installDir + ": " + e.getMessage());
        }
    }
}
