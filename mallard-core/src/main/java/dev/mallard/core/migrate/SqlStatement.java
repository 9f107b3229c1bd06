package dev.mallard.core.migrate;

/** One statement of a migration file and the 1-based line it starts on. */
public record SqlStatement(String sql, int line) {
}
