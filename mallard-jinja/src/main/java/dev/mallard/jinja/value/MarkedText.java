package dev.mallard.jinja.value;

import java.util.Objects;

/**
 * Text that dbt's {@code as_text}, {@code as_bool}, {@code as_number} and {@code as_native}
 * filters marked: a str to every template operation, and a hint to dbt's native rendering
 * of how to read the rendered value back.
 */
public final class MarkedText extends StrSubclass {
    /** Which filter marked the text. */
    public enum Kind { TEXT, BOOL, NUMBER, NATIVE }

    private final Kind kind;

    public MarkedText(Kind kind, String text) {
        super(text);
        this.kind = Objects.requireNonNull(kind);
    }

    public Kind kind() {
        return kind;
    }

    /** The text, Python's {@code str()} of the marked value. */
    public String text() {
        return toString();
    }
}
