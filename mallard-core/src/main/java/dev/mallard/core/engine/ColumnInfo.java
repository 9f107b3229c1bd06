package dev.mallard.core.engine;

/** A column as the engine reports it. */
public record ColumnInfo(String name, String type) {
}
