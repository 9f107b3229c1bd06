package dev.mallard.core.materialize;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Publishes a built table as the files of an external model so that a reader never sees a
 * partial or mixed result. A single file is written by COPY to a hidden temporary file in
 * the target's directory and renamed over the target (one atomic rename). A partitioned
 * output is written as a whole new version directory under {@code .<name>.versions/}, and
 * the location itself is a symbolic link that is switched to the new version by an atomic
 * rename of a fresh link over it. The version it replaced is kept until the next publish,
 * and any older one until 30 seconds after it was superseded, so that a reader that
 * resolved the link before a switch can still finish; then it is deleted. A failed COPY deletes what it wrote and leaves the published
 * output untouched.
 */
final class ExternalPublish {
    static final String VERSIONS_SUFFIX = ".versions";

    private ExternalPublish() {
    }

    /** Writes {@code table} to the external location and publishes it; returns the path the view should read. */
    static String publish(MaterializationContext ctx, String source, ExternalConfig config) {
        try {
            Files.createDirectories(config.location().getParent());
            return config.partitioned() ? publishDirectory(ctx, source, config) : publishFile(ctx, source, config);
        } catch (IOException e) {
            throw new MallardException(ErrorCode.ENGINE, "model '" + ctx.node().name() + "': cannot publish "
                    + config.location() + ": " + e.getMessage());
        }
    }

    private static String publishFile(MaterializationContext ctx, String source, ExternalConfig config)
            throws IOException {
        Path target = config.location();
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(target)) {
            throw new MallardException(ErrorCode.ENGINE, "model '" + ctx.node().name() + "': " + target
                    + " is a directory (a partitioned output?); remove it to publish a single file there");
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + random() + ".tmp." + config.format());
        boolean published = false;
        try {
            ctx.run(copy(source, tmp, config, List.of()));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            published = true;
        } finally {
            if (!published) {
                deleteTree(tmp);
            }
        }
        return target.toString();
    }

    private static String publishDirectory(MaterializationContext ctx, String source, ExternalConfig config)
            throws IOException {
        Path link = config.location();
        Path versions = link.resolveSibling("." + link.getFileName() + VERSIONS_SUFFIX);
        Files.createDirectories(versions);
        if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
            // a directory written in place (by dbt-duckdb): becomes the previous version, once
            Files.move(link, versions.resolve("v0-previous"), StandardCopyOption.ATOMIC_MOVE);
            Files.createSymbolicLink(link, link.getParent().relativize(versions.resolve("v0-previous")));
        } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
            throw new MallardException(ErrorCode.ENGINE, "model '" + ctx.node().name() + "': " + link
                    + " is a file; remove it to publish a partitioned output there");
        }
        Path previous = Files.isSymbolicLink(link) ? versions.resolve(Files.readSymbolicLink(link).getFileName()) : null;
        Path version = versions.resolve("v" + System.currentTimeMillis() + "-" + random());
        Path tmpLink = link.resolveSibling("." + link.getFileName() + "." + random() + ".tmp.link");
        boolean published = false;
        try {
            ctx.run(copy(source, version, config, config.partitionBy()));
            Files.createSymbolicLink(tmpLink, link.getParent().relativize(version));
            Files.move(tmpLink, link, StandardCopyOption.ATOMIC_MOVE);
            published = true;
        } finally {
            if (!published) {
                deleteTree(version);
                Files.deleteIfExists(tmpLink);
            }
        }
        deleteSuperseded(versions, version, previous);
        return version + "/**/*." + config.format();
    }

    /**
     * Deletes the versions superseded more than {@link #GRACE_MILLIS} ago (a version is
     * superseded when the next one is created; its name holds its creation time), keeping
     * the current and the previous one whatever their age: a reader that resolved the link
     * to a version has that long to finish, however often the model is published.
     */
    private static void deleteSuperseded(Path versions, Path current, Path previous) throws IOException {
        List<Path> all;
        try (Stream<Path> list = Files.list(versions)) {
            all = new ArrayList<>(list.toList());
        }
        all.sort(java.util.Comparator.comparingLong(ExternalPublish::createdMillis));
        long now = System.currentTimeMillis();
        for (int i = 0; i < all.size() - 1; i++) {
            Path p = all.get(i);
            long supersededAt = createdMillis(all.get(i + 1));
            if (!p.equals(current) && !p.equals(previous)
                    && now - supersededAt >= Long.getLong("mallard.external.versionGraceMillis", GRACE_MILLIS)) {
                deleteTree(p);
            }
        }
    }

    /** How long a superseded version stays readable (-Dmallard.external.versionGraceMillis, for tests). */
    static final long GRACE_MILLIS = 30_000;

    /** A version's creation time from its name ({@code v<millis>-<random>}; {@code v0-previous} is 0). */
    private static long createdMillis(Path version) {
        String n = version.getFileName().toString();
        int dash = n.indexOf('-');
        try {
            return Long.parseLong(n.substring(1, dash < 0 ? n.length() : dash));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** {@code source}: a relation's name or a parenthesised query. */
    private static String copy(String source, Path to, ExternalConfig config, List<String> partitionBy) {
        List<String> options = new ArrayList<>();
        options.add("FORMAT " + config.format());
        if (!partitionBy.isEmpty()) {
            options.add("PARTITION_BY (" + String.join(", ", partitionBy) + ")");
        }
        options.addAll(config.copyOptions());
        return "COPY " + source + " TO " + literal(to.toString()) + " (" + String.join(", ", options) + ")";
    }

    /** Deletes the hidden temporary files a crashed earlier publish of this location left behind. */
    static void clearLeftovers(ExternalConfig config) {
        Path dir = config.location().getParent();
        String prefix = "." + config.location().getFileName() + ".";
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && (n.contains(".tmp.") || n.endsWith(".tmp"))) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            // leftovers are harmless; the next publish tries again
        }
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String random() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        } else {
            Files.deleteIfExists(p);
        }
    }
}
