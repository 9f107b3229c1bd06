package dev.mallard.cli;

import java.lang.management.ManagementFactory;

/** Seconds since the process started (JVM start-up included), for "parsed in" figures. */
final class Timing {
    private Timing() {
    }

    /**
     * Measured from the JVM's own start time (milliseconds): the process start instant the
     * OS reports is counted from a boot time in whole seconds, which made figures run up to
     * a second long.
     */
    static double sinceStart() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    }
}
