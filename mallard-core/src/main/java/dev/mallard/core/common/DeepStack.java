package dev.mallard.core.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads with room for DuckDB's recursion. DuckDB binds and plans a query on the calling
 * thread, recursing once per nested view, subquery and CTE; on the JVM's default 1 MB thread
 * stack a chain of about 250 plain views, or 80 views written as dbt models usually are
 * (import CTEs, a join, an aggregate), overflows it and the whole process dies with SIGSEGV —
 * no error, no message, where dbt-duckdb (Python threads get 8 MB) builds the chain or gets
 * DuckDB's own "Max expression depth limit of 1000 exceeded". With 16 MB DuckDB reaches that
 * limit first in every shape tried; {@link #BYTES} leaves room above it. The size is a
 * reservation of address space: the pages are only committed as the recursion touches them.
 */
public final class DeepStack {
    /** The stack of every thread that may run a query. */
    public static final long BYTES = 64L << 20;

    private DeepStack() {
    }

    /**
     * A thread factory for a pool whose threads run queries, named as dbt's are in
     * run_results.json ({@code Thread-N (worker)}, from 1), daemon as asked.
     */
    public static ThreadFactory workers(boolean daemon) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, "Thread-" + n.incrementAndGet() + " (worker)", BYTES);
            t.setDaemon(daemon);
            return t;
        };
    }

    /** A new, unstarted thread with a deep stack. */
    public static Thread thread(Runnable r, String name) {
        return new Thread(null, r, name, BYTES);
    }

    /**
     * Runs {@code work} on a deep-stack thread and waits for it (the command line's own
     * thread is the launcher's, whose stack size only {@code -Xss} could change). What it
     * throws is thrown here.
     */
    public static <T> T call(String name, Callable<T> work) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = thread(() -> {
            try {
                result[0] = work.call();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, name);
        t.start();
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                t.interrupt(); // passed on; the work decides when to stop
            }
        }
        if (failure[0] instanceof Exception e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
