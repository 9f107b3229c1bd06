package dev.mallard.core.ingest.postgres;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the next batch on a thread of its own while the caller commits the current one (the
 * run's transaction is the caller's thread's); at most one batch waits in between.
 */
final class ReadAhead<T> implements AutoCloseable {

    /** One read: the next batch, or null when there are no more. */
    @FunctionalInterface
    interface Read<T> {
        T next() throws SQLException, IOException;
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "postgres-reader");
        t.setDaemon(true);
        return t;
    });
    private final Callable<T> read;
    private Future<T> pending;

    ReadAhead(Read<T> read) {
        this.read = read::next;
        this.pending = thread.submit(this.read);
    }

    /** The next batch (waiting for it), the read of the one after started; null at the end. */
    T next() throws SQLException, IOException {
        T batch = await(pending);
        pending = batch == null ? null : thread.submit(read);
        return batch;
    }

    /**
     * Waits for the read in flight to end (its result is dropped): the connection it reads from
     * must be idle before the caller can cancel or roll back.
     */
    @Override
    public void close() {
        try {
            if (pending != null) {
                pending.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the read's own failure; the caller is already failing for another reason
        } finally {
            pending = null;
            thread.shutdownNow();
        }
    }

    private static <T> T await(Future<T> batch) throws SQLException, IOException {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new SQLException(String.valueOf(e.getCause()), e.getCause());
        }
    }
}
