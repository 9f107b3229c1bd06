package dev.mallard.core.migrate;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Makes migration commands on one database run one at a time. Across processes, DuckDB's
 * own file lock does it (a second process cannot open the file), so opening is retried
 * until {@code timeout}; within one process, a lock per database file does it.
 */
public final class MigrationLock implements AutoCloseable {
    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final long RETRY_MS = 200;

    private final ReentrantLock lock;
    private final Engine engine;

    private MigrationLock(ReentrantLock lock, Engine engine) {
        this.lock = lock;
        this.engine = engine;
    }

    /**
     * Takes the lock for {@code databaseKey} (e.g. the database file's absolute path) and
     * opens the engine, waiting up to {@code timeout} for either.
     */
    public static MigrationLock acquire(String databaseKey, Duration timeout, Supplier<Engine> open) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock lock = LOCKS.computeIfAbsent(databaseKey, k -> new ReentrantLock());
        try {
            if (!lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw inUse(databaseKey, "", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MallardException(ErrorCode.DATABASE_IN_USE, "interrupted while waiting for " + databaseKey);
        }
        try {
            while (true) {
                try {
                    return new MigrationLock(lock, open.get());
                } catch (MallardException e) {
                    if (e.code() != ErrorCode.DATABASE_IN_USE) {
                        throw e;
                    }
                    if (System.nanoTime() + RETRY_MS * 1_000_000 > deadline) {
                        throw inUse(databaseKey, pid(e.getMessage()), timeout);
                    }
                    sleep();
                }
            }
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        lock.unlock();
    }

    private static MallardException inUse(String key, String pid, Duration timeout) {
        String waited = timeout.isZero() ? "" : " (waited " + timeout.toSeconds() + "s)";
        return new MallardException(ErrorCode.DATABASE_IN_USE, "the database " + key + " is in use by another process"
                + pid + "; another migrate may be running" + waited, null, 0,
                "wait for it to finish, or pass --lock-timeout 60s to wait longer", null);
    }

    private static String pid(String message) {
        int i = message == null ? -1 : message.indexOf(" (pid ");
        return i < 0 ? "" : message.substring(i, message.indexOf(')', i) + 1);
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MallardException(ErrorCode.DATABASE_IN_USE, "interrupted while waiting for the database");
        }
    }
}
