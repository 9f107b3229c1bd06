package dev.mallard.core.migrate.diff;

import java.util.Objects;

/** One statement of a SQL script and the 1-based line it starts on. */
public record ScriptStatement(String sql, int line) {
    public ScriptStatement {
        Objects.requireNonNull(sql, "sql");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
    }
}
