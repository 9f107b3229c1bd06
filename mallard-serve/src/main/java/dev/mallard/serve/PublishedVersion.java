package dev.mallard.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one version of a dataset a request reads, fixed when the request starts: the file
 * (replaced only by atomic rename), the concrete version directory a partitioned link
 * points to (resolved once), or the DuckDB table of the grace period.
 *
 * @param spec the dataset
 * @param source "parquet" or "duckdb"
 * @param readPath the Parquet file, or the glob over the version directory; for duckdb the database file
 * @param identity changes whenever a new version is published (path, inode, mtime, size)
 * @param lastRefresh when this version was published
 */
record PublishedVersion(DatasetSpec spec, String source, String readPath, String identity, Instant lastRefresh) {
    static final String PARQUET = "parquet";
    static final String DUCKDB = "duckdb";

    boolean isParquet() {
        return PARQUET.equals(source);
    }

    /** The version to read now, or empty when neither Parquet nor a fallback table exists. */
    static Optional<PublishedVersion> resolve(DatasetSpec spec) {
        try {
            Path location = spec.location();
            if (spec.partitioned() && Files.isDirectory(location)) {
                Path real = location.toRealPath();
                BasicFileAttributes link = Files.readAttributes(location, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                String glob = real + "/**/*.parquet";
                return Optional.of(new PublishedVersion(spec, PARQUET, glob, identity(real, link),
                        link.lastModifiedTime().toInstant()));
            }
            if (!spec.partitioned()) {
                BasicFileAttributes a = attributesOrNull(location);
                if (a != null && a.isRegularFile()) {
                    return Optional.of(file(spec, location, a));
                }
            }
            if (spec.fallback() != null && Files.isRegularFile(spec.fallback().databaseFile())) {
                Path db = spec.fallback().databaseFile();
                BasicFileAttributes a = Files.readAttributes(db, BasicFileAttributes.class);
                return Optional.of(new PublishedVersion(spec, DUCKDB, db.toString(), identity(db, a),
                        a.lastModifiedTime().toInstant()));
            }
        } catch (IOException e) {
            // swapped or removed while we looked: treated as not published right now
        }
        return Optional.empty();
    }

    /** The last version seen of each published file: most requests find it unchanged. */
    private static final Map<DatasetSpec, Seen> LAST_SEEN = new ConcurrentHashMap<>();

    private record Seen(Object fileKey, FileTime modified, long size, PublishedVersion version) {
        boolean sameAs(BasicFileAttributes a) {
            return Objects.equals(fileKey, a.fileKey()) && modified.equals(a.lastModifiedTime()) && size == a.size();
        }
    }

    /** The version of a published file, reused while the file's identity stays the same (one stat per request). */
    private static PublishedVersion file(DatasetSpec spec, Path location, BasicFileAttributes a) {
        Seen seen = LAST_SEEN.get(spec);
        if (seen != null && seen.sameAs(a)) {
            return seen.version();
        }
        PublishedVersion v = new PublishedVersion(spec, PARQUET, location.toString(), identity(location, a),
                a.lastModifiedTime().toInstant());
        LAST_SEEN.put(spec, new Seen(a.fileKey(), a.lastModifiedTime(), a.size(), v));
        return v;
    }

    private static BasicFileAttributes attributesOrNull(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // not there (or not readable): not published as Parquet
        }
    }

    private static String identity(Path p, BasicFileAttributes a) {
        return p + "|" + a.fileKey() + "|" + a.lastModifiedTime().toMillis() + "|" + a.size();
    }
}
