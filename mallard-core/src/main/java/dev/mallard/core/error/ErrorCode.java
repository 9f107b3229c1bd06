package dev.mallard.core.error;

/** Every error Mallard reports, with the process exit code it maps to. */
public enum ErrorCode {
    USAGE(2),
    PROJECT(2),
    YAML(2),
    JINJA(2),
    CYCLE(2),
    UNKNOWN_REFERENCE(2),
    DUPLICATE_NODE(2),
    PROFILE(2),
    ENGINE(2),
    /** The database file is held by another process (DuckDB allows one writer process). */
    DATABASE_IN_USE(2),
    SQL(1),
    NODE_FAILED(1),
    INTERNAL(2);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
