package dev.mallard.core.artifacts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times the way dbt writes them in artifacts. */
final class Timestamps {
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code 2026-11-21T05:10:52.537663Z}: always six fraction digits, always UTC. */
    static String iso(Instant instant) {
        return instant == null ? null : ISO_MICROS.format(instant);
    }

    /** Seconds since the epoch with a fraction, as in a node's {@code created_at}. */
    static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1_000_000_000.0;
    }
}
