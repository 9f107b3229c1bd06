package dev.mallard.core.jinja;

import dev.mallard.core.error.MallardException;

/**
 * Carries the first fatal template error out of Jinjava, which otherwise records errors
 * and keeps rendering. An Error, like {@link MacroReturn}, so that Jinjava's
 * catch-all handlers let it pass; {@link JinjaEngine} unwraps it.
 */
final class TemplateAbort extends Error {
    private static final long serialVersionUID = 1L;
    private final MallardException error;

    TemplateAbort(MallardException error) {
        super(error.getMessage(), null, false, false);
        this.error = error;
    }

    MallardException error() {
        return error;
    }

    /** The abort somewhere in a cause chain, or null: Jinjava wraps what passes through reflection. */
    static TemplateAbort in(Throwable t) {
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof TemplateAbort abort) {
                return abort;
            }
        }
        return null;
    }
}
