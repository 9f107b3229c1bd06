package dev.mallard.jinja.value;

/**
 * Thrown by dbt's {@code return(value)}: ends the innermost macro call, which yields the
 * value instead of its rendered text.
 */
public final class MacroReturn extends RuntimeException {
    private final transient Object value;

    public MacroReturn(Object value) {
        super(null, null, false, false);
        this.value = value;
    }

    public Object value() {
        return value;
    }
}
