package dev.mallard.jinja.eval;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.PyCallable;

/** One render's calls of the host's macros: each one made while none of them runs is told to {@link MacroCalls}. */
final class OutermostCalls {
    /** A render whose host asked for no such calls. */
    static final OutermostCalls NONE = new OutermostCalls(null);

    private final MacroCalls calls;
    /** How many of the host's macros are running. */
    private int depth;

    OutermostCalls(MacroCalls calls) {
        this.calls = calls;
    }

    Object call(PyCallable fn, CallSite site, Args args) {
        if (calls == null || !calls.isMacro(fn)) {
            return fn.call(site, args);
        }
        if (depth == 0) {
            calls.outermost(fn);
        }
        depth++;
        try {
            return fn.call(site, args);
        } finally {
            depth--;
        }
    }
}
