package dev.mallard.cli;

/** When the process started, for "parsed in" figures. */
final class Timing {
    static final long START = System.nanoTime();

    private Timing() {
    }
}
