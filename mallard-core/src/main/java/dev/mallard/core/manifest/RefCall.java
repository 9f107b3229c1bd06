package dev.mallard.core.manifest;

/** One {@code ref()} call found while parsing; packageName is null for the one-argument form. */
public record RefCall(String packageName, String name, int line) {
}
