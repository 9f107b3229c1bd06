package dev.mallard.core.events;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where an invocation's wall-clock time goes, for profiling (bench/build): with the system
 * property {@code mallard.timing} set, marks print to stderr the milliseconds since the JVM
 * started, and per-node work is summed by kind and printed at exit. Off, each call is a
 * field read.
 */
public final class PhaseTimes {
    private static final boolean ON = System.getProperty("mallard.timing") != null;
    private static final Map<String, AtomicLong> TOTALS = new ConcurrentSkipListMap<>();
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentSkipListMap<>();

    private PhaseTimes() {
    }

    public static boolean on() {
        return ON;
    }

    /** Prints "[timing] NAME at N ms" (since the JVM started). */
    public static void mark(String name) {
        if (ON) {
            System.err.printf(Locale.ROOT, "[timing] %-28s at %6d ms%n", name,
                    ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }

    /** A start time for {@link #add}; 0 when off. */
    public static long start() {
        return ON ? System.nanoTime() : 0;
    }

    /** Adds the time since {@code start} to the named total. */
    public static void add(String name, long start) {
        if (ON) {
            TOTALS.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(System.nanoTime() - start);
            COUNTS.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Prints the summed totals (over all threads). */
    public static void printTotals() {
        if (ON) {
            TOTALS.forEach((name, ns) -> System.err.printf(Locale.ROOT, "[timing]   %-26s %7.1f ms in %d calls%n",
                    name, ns.get() / 1e6, COUNTS.get(name).get()));
        }
    }
}
