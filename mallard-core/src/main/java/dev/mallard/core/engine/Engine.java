package dev.mallard.core.engine;

import java.util.Set;

/**
 * A database engine: DuckDB by default. Opened once per invocation; hands out one
 * {@link EngineSession} per worker thread.
 */
public interface Engine extends AutoCloseable {

    /** The adapter type as profiles.yml names it, e.g. "duckdb". */
    String type();

    Set<Capability> capabilities();

    /** The database name that unqualified relations live in. */
    String defaultDatabase();

    /** Opens a new session; the caller closes it. */
    EngineSession openSession();

    /** A short human description for `mallard debug`, e.g. the file and version. */
    String describe();

    @Override
    void close();

    /**
     * How many nodes the executor has in flight right now (1 when one runs alone, the number of
     * threads at most). An engine whose every query spreads over all cores can give each query
     * fewer threads while several run at once, and all of them back when one runs alone; the
     * default ignores it. Called from the executor's threads, one call at a time.
     */
    default void nodesAtOnce(int nodes) {
    }

    /** Closes an engine that was opened ahead of need and never used; the default just closes. */
    default void closeUnused() {
        close();
    }
}
