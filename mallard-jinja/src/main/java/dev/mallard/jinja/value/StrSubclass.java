package dev.mallard.jinja.value;

import java.util.Objects;

/**
 * Text that is a Python str subclass: a str to every template operation, and equal to any char
 * sequence with the same text, as a str subclass is (so it finds String keys in maps).
 */
abstract class StrSubclass implements CharSequence {
    private final String text;

    StrSubclass(String text) {
        this.text = Objects.requireNonNull(text);
    }

    @Override
    public final int length() {
        return text.length();
    }

    @Override
    public final char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public final CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof CharSequence cs && text.contentEquals(cs);
    }

    @Override
    public final int hashCode() {
        return text.hashCode();
    }

    @Override
    public final String toString() {
        return text;
    }
}
