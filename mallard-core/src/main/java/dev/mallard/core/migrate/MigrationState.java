package dev.mallard.core.migrate;

import java.util.Locale;

/** Where one migration stands, comparing the project's files with the history table. */
public enum MigrationState {
    /** Not applied yet, and newer than everything applied. */
    PENDING,
    /** Not applied, but older than an applied migration (added late, e.g. from a merged branch). */
    OUT_OF_ORDER,
    APPLIED,
    /** The last attempt failed and was rolled back; the next {@code up} retries it. */
    FAILED,
    /** Applied, but its file or class is gone from the project. */
    MISSING,
    /** Applied, but the file changed since (line endings aside). */
    CHECKSUM_MISMATCH,
    /** The baseline row itself. */
    BASELINE,
    /** Covered by the baseline: counts as applied, never run. */
    BELOW_BASELINE;

    /** How status prints it: lower case with dashes. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the database holds this migration's changes. */
    public boolean applied() {
        return this == APPLIED || this == CHECKSUM_MISMATCH || this == MISSING || this == BASELINE
                || this == BELOW_BASELINE;
    }
}
