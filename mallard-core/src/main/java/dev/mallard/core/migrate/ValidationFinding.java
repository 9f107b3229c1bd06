package dev.mallard.core.migrate;

/**
 * One problem (or, for {@link Kind#PENDING}, one note) that {@code migrate validate} reports.
 *
 * @param script file path or class name the finding is about (the history's script when the file is gone)
 */
public record ValidationFinding(Kind kind, MigrationVersion version, String script, String message) {

    public enum Kind {
        CHECKSUM_MISMATCH,
        MISSING,
        FAILED,
        OUT_OF_ORDER,
        /** Newer than everything applied: expected, not an error. */
        PENDING;

        public boolean isError() {
            return this != PENDING;
        }
    }

    public boolean isError() {
        return kind.isError();
    }
}
