package dev.mallard.core.jinja;

/**
 * Thrown by {@code return(value)} and caught by the enclosing {@link DbtMacroFunction}.
 * An Error on purpose: Jinjava turns every Exception raised while evaluating an expression
 * into a recorded template error and keeps rendering, but lets Errors through, and a
 * return must stop the macro. No stack trace: this is control flow, not a failure.
 */
final class MacroReturn extends Error {
    private static final long serialVersionUID = 1L;
    private final transient Object value;

    MacroReturn(Object value) {
        super("return() outside a macro", null, false, false);
        this.value = value;
    }

    Object value() {
        return value;
    }
}
