package dev.mallard.jinja.value;

/** Using an undefined value in a way that needs a value: {@code 'x' is undefined}. */
public final class UndefinedError extends JinjaError {
    public UndefinedError(String message) {
        super(message);
    }
}
