package dev.mallard.jinja.eval;

/** {@code break} and {@code continue}: unwind to the innermost loop. */
final class LoopSignal extends RuntimeException {
    static final LoopSignal BREAK = new LoopSignal();
    static final LoopSignal CONTINUE = new LoopSignal();

    private LoopSignal() {
        super(null, null, false, false);
    }
}
