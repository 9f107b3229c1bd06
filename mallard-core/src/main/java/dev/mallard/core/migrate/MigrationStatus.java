package dev.mallard.core.migrate;

import java.time.LocalDateTime;

/**
 * One line of {@code migrate status}: a migration found in the project, a history row, or
 * both. {@code migration} is null when the file is missing, {@code row} when never applied.
 */
public record MigrationStatus(MigrationVersion version, String description, MigrationType type, String script,
        MigrationState state, Migration migration, AppliedMigration row) {

    /** "yes", "no", or "" when unknown (the file is gone). */
    public String reversibleLabel() {
        if (type == MigrationType.BASELINE) {
            return "";
        }
        return migration == null ? "" : migration.reversible() ? "yes" : "no";
    }

    public LocalDateTime installedOn() {
        return row == null || !state.applied() && state != MigrationState.FAILED ? null : row.installedOn();
    }

    public Long executionMs() {
        return row == null || !state.applied() && state != MigrationState.FAILED ? null : row.executionMs();
    }
}
