package dev.mallard.core.events;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL Mallard sends to the engine, as dbt's debug events: {@code On model.p.a: select ...}
 * ({@code SQLQuery}) and {@code SQL status: OK in 0.003 seconds} ({@code SQLQueryStatus}). Off
 * unless the CLI hands it a sink (a destination shows debug events), so that a run nobody watches
 * at that level pays nothing per statement.
 */
public final class SqlLog {
    private static volatile EventSink sink;
    /** dbt's connection name: the node a worker runs, else {@code master} (hooks, the main thread). */
    private static final ThreadLocal<String> CONNECTION = new ThreadLocal<>();

    private SqlLog() {
    }

    /** Sends the SQL events to {@code to}; null turns them off. */
    public static void to(EventSink to) {
        sink = to;
    }

    public static boolean on() {
        return sink != null;
    }

    /** Names the calling thread's connection after the node it now runs (dbt names it so). */
    public static void connection(String name) {
        if (sink != null) {
            CONNECTION.set(name);
        }
    }

    private static String connection() {
        String name = CONNECTION.get();
        return name == null ? "master" : name;
    }

    /** A statement about to run on the calling thread's connection. */
    public static void query(String sql) {
        EventSink to = sink;
        if (to != null) {
            String conn = connection();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("conn_name", conn);
            data.put("sql", sql);
            to.emit(Event.of("SQLQuery", "E016", EventLevel.DEBUG, "On " + conn + ": " + sql, data));
        }
    }

    /** The statement's end, {@code nanos} after it started. */
    public static void status(String status, long nanos) {
        EventSink to = sink;
        if (to != null) {
            double seconds = nanos / 1e9;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("elapsed", seconds);
            data.put("status", status);
            to.emit(Event.of("SQLQueryStatus", "E017", EventLevel.DEBUG, String.format(Locale.ROOT,
                    "SQL status: %s in %.3f seconds", status, seconds), data));
        }
    }

    /** A transaction's end on the calling thread's connection: COMMIT ({@code SQLCommit}) or ROLLBACK. */
    public static void transactionEnd(boolean commit) {
        EventSink to = sink;
        if (to != null) {
            String conn = connection();
            to.emit(Event.of(commit ? "SQLCommit" : "Rollback", commit ? "E018" : "E012", EventLevel.DEBUG,
                    "On " + conn + ": " + (commit ? "COMMIT" : "ROLLBACK"), Map.of("conn_name", conn)));
        }
    }
}
