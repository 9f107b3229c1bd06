package dev.mallard.core.exec;

import dev.mallard.core.engine.Engine;

/**
 * Counts the nodes the executor has submitted and not finished, and tells the engine when the
 * number it runs at once (at most the thread count) changes: DuckDB then runs two nodes on one
 * core each instead of two nodes that each ask for every core (issue 13). A node counts from
 * its submission until its ready children have been submitted, so the count does not dip
 * between a parent and its children.
 */
final class NodesInFlight {
    private final Engine engine;
    private final int threads;
    private int inFlight;
    private int told = 1;

    NodesInFlight(Engine engine, int threads) {
        this.engine = engine;
        this.threads = threads;
    }

    void submitted() {
        change(1);
    }

    void finished() {
        change(-1);
    }

    /** Gives the engine its whole width back (the run is over, or it ended early). */
    synchronized void reset() {
        inFlight = 0;
        tell(1);
    }

    private synchronized void change(int delta) {
        inFlight += delta;
        if (threads > 1) {
            tell(Math.max(1, Math.min(threads, inFlight)));
        }
    }

    private void tell(int width) {
        if (width != told) {
            told = width;
            engine.nodesAtOnce(width);
        }
    }
}
