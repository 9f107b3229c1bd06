package dev.mallard.core.manifest;

/** One {@code source()} call found while parsing. */
public record SourceCall(String sourceName, String tableName, int line) {
}
