package dev.mallard.core.events;

import java.util.SplittableRandom;
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
            current = randomUuid().toString();
        }
        return current;
    }

    /**
     * A version 4 UUID from a non-cryptographic generator: an invocation id only has to be
     * unique, and {@link UUID#randomUUID()} first sets up {@code SecureRandom} and its security
     * providers, which was a measurable part of every command's start-up.
     */
    static UUID randomUuid() {
        SplittableRandom random = new SplittableRandom(System.nanoTime() ^ ProcessHandle.current().pid() << 32
                ^ System.currentTimeMillis());
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;            // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE; // IETF variant
        return new UUID(high, low);
    }
}
