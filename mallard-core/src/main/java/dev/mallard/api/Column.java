package dev.mallard.api;

import java.util.Objects;

/** A column of the rows a {@link JavaModel} writes: its name and engine type, e.g. {@code BIGINT}. */
public record Column(String name, String type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Column of(String name, String type) {
        return new Column(name, type);
    }
}
