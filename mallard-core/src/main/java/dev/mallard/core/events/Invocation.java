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

    /** Starts a new invocation (one per command line run) and returns its id. */
    public static synchronized String begin() {
        current = UUID.randomUUID().toString();
        return current;
    }

    /** The current invocation's id; starts one when none has begun. */
    public static String id() {
        String id = current;
        return id != null ? id : begin();
    }
}
