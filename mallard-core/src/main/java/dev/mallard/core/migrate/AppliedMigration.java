package dev.mallard.core.migrate;

import java.time.LocalDateTime;

/** One row of the history table. {@code installedOn} is UTC. */
public record AppliedMigration(
        int installedRank,
        MigrationVersion version,
        String description,
        MigrationType type,
        String script,
        String checksum,
        String installedBy,
        LocalDateTime installedOn,
        long executionMs,
        boolean success) {
}
