package dev.mallard.core.check;

/**
 * One thing {@code mallard check} found out of step.
 *
 * @param kind short label, e.g. {@code pending migration}, {@code model changed}
 * @param subject what it is about (a migration version, a model's unique id, a table)
 * @param detail one line a reader can act on
 * @param problem false for a note: printed, but check still passes
 */
public record Finding(String kind, String subject, String detail, boolean problem) {
    public Finding(String kind, String subject, String detail) {
        this(kind, subject, detail, true);
    }

    public static Finding note(String kind, String subject, String detail) {
        return new Finding(kind, subject, detail, false);
    }
}
