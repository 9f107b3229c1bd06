package dev.mallard.jinja.value;

import java.util.Objects;

/**
 * Text that dbt's {@code as_text}, {@code as_bool}, {@code as_number} and {@code as_native}
 * filters marked: a str to every template operation, and a hint to dbt's native rendering
 * of how to read the rendered value back. Equal to any char sequence with the same text,
 * so it finds String keys in maps.
 */
public final class MarkedText implements CharSequence {
    /** Which filter marked the text. */
    public enum Kind { TEXT, BOOL, NUMBER, NATIVE }

    private final Kind kind;
    private final String text;

    public MarkedText(Kind kind, String text) {
        this.kind = Objects.requireNonNull(kind);
        this.text = Objects.requireNonNull(text);
    }

    public Kind kind() {
        return kind;
    }

    /** The text, Python's {@code str()} of the marked value. */
    public String text() {
        return text;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharSequence cs && text.contentEquals(cs);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
