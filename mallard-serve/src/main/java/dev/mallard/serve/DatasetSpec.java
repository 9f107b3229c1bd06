package dev.mallard.serve;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset the server offers: its name in URLs, where its Parquet is published (a file, or
 * a partitioned directory, usually a symbolic link to the current version) and, for a mart
 * that has not been published as Parquet yet, the DuckDB table to serve meanwhile.
 *
 * @param name the dataset's name in URLs
 * @param location the published Parquet file or partitioned directory (may not exist yet)
 * @param partitioned whether {@code location} is a hive-partitioned directory
 * @param fallback the relation in the project's DuckDB file, or null
 */
public record DatasetSpec(String name, Path location, boolean partitioned, DuckDbFallback fallback) {
    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        location = location.toAbsolutePath().normalize();
    }

    /** The model's table in the project's DuckDB file, served until its Parquet exists (seed 002's grace period). */
    public record DuckDbFallback(Path databaseFile, String relationSql) {
        public DuckDbFallback {
            databaseFile = databaseFile.toAbsolutePath().normalize();
            Objects.requireNonNull(relationSql, "relationSql");
        }
    }
}
