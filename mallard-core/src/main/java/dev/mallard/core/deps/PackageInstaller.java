package dev.mallard.core.deps;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts fetched packages into the install folder ({@code dbt_packages/}): each is first
 * staged in a folder next to it (a symlink for local packages, as dbt makes, or a copy
 * where links cannot be made), then the old install folder's packages are removed and each
 * staged package is renamed into place.
 */
final class PackageInstaller {
    private PackageInstaller() {
    }

    static void install(List<Fetched> packages, Path installDir) {
        Path parent = installDir.toAbsolutePath().normalize().getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + installDir.getFileName() + ".staging-");
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot create a staging folder next to " + installDir + ": "
                    + e.getMessage());
        }
        try {
            for (Fetched f : packages) {
                stage(f, staging.resolve(f.name()));
            }
            deleteTree(installDir);
            Files.createDirectories(installDir);
            for (Fetched f : packages) {
                move(staging.resolve(f.name()), installDir.resolve(f.name()));
            }
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot install packages into " + installDir + ": " + e.getMessage());
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void stage(Fetched f, Path target) throws IOException {
        if (f.link()) {
            try {
                Files.createSymbolicLink(target, f.dir());
                return;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no symlinks here (some Windows setups): a copy does the same job
            }
        }
        copyTree(f.dir(), target);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted().toList()) {
                Path rel = from.relativize(p);
                if (rel.getNameCount() > 0 && rel.getName(0).toString().equals(".git")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes a folder tree; links are removed, never followed. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // a leftover temp folder is harmless; the install itself has succeeded or reported its error
        }
    }
}
