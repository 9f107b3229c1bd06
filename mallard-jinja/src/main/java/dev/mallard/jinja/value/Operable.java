package dev.mallard.jinja.value;

/**
 * A host value with its own arithmetic or ordering (dates and timedeltas): Python's
 * {@code __add__}/{@code __radd__}, {@code __sub__}/{@code __rsub__} and {@code __lt__}.
 */
public interface Operable {
    /**
     * {@code this op other} (or {@code other op this} when {@code reflected}); {@link Py#NOT_FOUND}
     * when this type does not support it.
     */
    default Object operate(String op, Object other, boolean reflected) {
        return Py.NOT_FOUND;
    }

    /** Ordering against another value of a compatible type, or null when not comparable. */
    default Integer compareWith(Object other) {
        return null;
    }
}
