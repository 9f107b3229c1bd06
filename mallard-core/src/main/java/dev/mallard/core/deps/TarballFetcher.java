package dev.mallard.core.deps;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Fetches a .tar.gz package from http(s), a {@code file://} URL or a path, and unpacks it;
 * as in dbt, the archive must hold one top-level folder, which is the package.
 */
final class TarballFetcher {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TarballFetcher() {
    }

    /** Unpacks the archive at {@code url} (a path is taken relative to {@code baseDir}) under {@code workDir}. */
    static Path fetch(String url, Path baseDir, Path workDir, String describedAs) {
        try {
            Path root = Files.createTempDirectory(workDir, "tarball-");
            try (InputStream in = open(url, baseDir, workDir, describedAs)) {
                extract(in, root, describedAs);
            }
            return singleFolderIn(root, describedAs);
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot unpack the " + describedAs + ": " + e.getMessage(),
                    null, 0, "a tarball package must be a .tar.gz archive of a dbt project", null);
        }
    }

    private static InputStream open(String url, Path baseDir, Path workDir, String describedAs) throws IOException {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            Path download = Files.createTempFile(workDir, "download-", ".tar.gz");
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            try {
                HttpResponse<Path> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofFile(download));
                if (response.statusCode() != 200) {
                    throw new MallardException(ErrorCode.PROJECT, "cannot download the " + describedAs + ": HTTP "
                            + response.statusCode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (IOException e) {
                throw new MallardException(ErrorCode.PROJECT, "cannot download the " + describedAs + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            return Files.newInputStream(download);
        }
        Path file = lower.startsWith("file:") ? Path.of(URI.create(url)) : baseDir.resolve(url).normalize();
        if (!Files.isRegularFile(file)) {
            throw new MallardException(ErrorCode.PROJECT, "the " + describedAs + " does not exist: " + file);
        }
        return Files.newInputStream(file);
    }

    private static void extract(InputStream raw, Path root, String describedAs) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(raw)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new MallardException(ErrorCode.PROJECT, "the " + describedAs + " holds a path outside its folder: "
                            + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                }
                // links and devices in a package archive are skipped, as they could point outside it
            }
        }
    }

    private static Path singleFolderIn(Path root, String describedAs) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            List<Path> all = children.toList();
            if (all.size() == 1 && Files.isDirectory(all.get(0))) {
                return all.get(0);
            }
            throw new MallardException(ErrorCode.PROJECT, "incorrect structure for the " + describedAs + ": it holds "
                    + all.size() + " top-level entries", null, 0,
                    "the archive must hold one folder with the package in it (name/dbt_project.yml, ...), as dbt expects",
                    null);
        }
    }
}
