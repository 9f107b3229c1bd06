package dev.mallard.core.events;

import java.util.UUID;

/**
 * The invocation id of the running command: the same in every log event, in
 * {@code run_results.json} and in the manifest's metadata, as in dbt.
 */
public final class Invocation {
    private static volatile String current;

    private Invocation() {
    }

    /** Starts a new invocation (one per command line run); its id is drawn when first asked for. */
    public static synchronized void begin() {
        current = null;
    }

    /** The current invocation's id. */
    public static synchronized String id() {
        if (current == null) {
            current = UUID.randomUUID().toString();
        }
        return current;
    }
}
