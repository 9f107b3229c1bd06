package dev.mallard.cli;

import java.time.Duration;
import java.time.Instant;

/** Seconds since the process started (JVM start-up included), for "parsed in" figures. */
final class Timing {
    private Timing() {
    }

    static double sinceStart() {
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }
}
