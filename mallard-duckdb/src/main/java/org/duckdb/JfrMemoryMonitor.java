package org.duckdb;

/**
 * Replaces the DuckDB JDBC driver's class of this name (mallard.jar leaves the driver's out).
 *
 * <p>Why: when its class initialises, the driver registers a periodic Flight Recorder event
 * for DuckDB's memory use, which starts the JDK's Flight Recorder machinery in every
 * process that opens a database: 100–300 ms of a short command such as {@code mallard debug}
 * on this machine (issue 13, start-up). Mallard does not read that event. This version does
 * what the driver's does only when {@code -Dmallard.duckdb.jfr=true} asks for the event, and
 * nothing otherwise. It calls the driver's own {@link DuckDBMemoryMonitor}; a driver upgrade
 * that changes these three methods fails to compile here or in {@code JfrMemoryMonitorTest}.
 */
final class JfrMemoryMonitor {
    private static final boolean ENABLED = Boolean.getBoolean("mallard.duckdb.jfr") && flightRecorderPresent();

    private JfrMemoryMonitor() {
    }

    private static boolean flightRecorderPresent() {
        try {
            Class.forName("jdk.jfr.FlightRecorder");
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether DuckDB's memory events are on in this process. */
    static boolean enabled() {
        return ENABLED;
    }

    static void init() {
        if (ENABLED) {
            DuckDBMemoryMonitor.init();
        }
    }

    static void connectionOpened(DuckDBConnection conn) {
        if (ENABLED) {
            DuckDBMemoryMonitor.connectionOpened(conn);
        }
    }

    static void connectionClosed(long dbAddress) {
        if (ENABLED) {
            DuckDBMemoryMonitor.connectionClosed(dbAddress);
        }
    }
}
