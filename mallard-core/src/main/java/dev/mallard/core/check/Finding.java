package dev.mallard.core.check;

/**
 * One thing {@code mallard check} found out of step.
 *
 * @param kind short label, e.g. {@code pending migration}, {@code model changed}
 * @param subject what it is about (a migration version, a model's unique id, a table)
 * @param detail one line a reader can act on
 */
public record Finding(String kind, String subject, String detail) {
}
