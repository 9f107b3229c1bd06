package dev.mallard.jinja.eval;

/**
 * Told of the calls of the host's macros that no other of them makes, as dbt records a
 * node's {@code depends_on.macros} (the macros its MacroStack sees at depth 0).
 */
public interface MacroCalls {
    /** Whether {@code fn} is one of the host's macros (a call made inside it is not outermost). */
    boolean isMacro(Object fn);

    /** A call of one of the host's macros while none of them runs. */
    void outermost(Object fn);
}
