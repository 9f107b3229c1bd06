package dev.mallard.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two threads of one process: the second waits for the first, or gives up clearly. */
class MigrationLockTest {

    @Test
    void aSecondHolderInTheSameProcessWaitsOrFails() throws Exception {
        String key = "/tmp/lock-test-" + System.nanoTime();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try (MigrationLock lock = MigrationLock.acquire(key, Duration.ZERO, () -> null)) {
                held.countDown();
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(held.await(10, TimeUnit.SECONDS));

        MallardException e = CompletableFuture.supplyAsync(() -> assertThrows(MallardException.class,
                () -> MigrationLock.acquire(key, Duration.ZERO, () -> null))).get(10, TimeUnit.SECONDS);
        assertEquals(ErrorCode.DATABASE_IN_USE, e.code());
        assertTrue(e.getMessage().contains("another migrate may be running"), e.getMessage());

        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try (MigrationLock lock = MigrationLock.acquire(key, Duration.ofSeconds(10), () -> null)) {
                return true;
            }
        });
        release.countDown();
        assertTrue(waiting.get(10, TimeUnit.SECONDS));
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsRetriedUntilTheTimeout() {
        AtomicInteger attempts = new AtomicInteger();
        MallardException e = assertThrows(MallardException.class, () -> MigrationLock.acquire("db-" + System.nanoTime(),
                Duration.ofMillis(700), () -> {
                    attempts.incrementAndGet();
                    throw new MallardException(ErrorCode.DATABASE_IN_USE, "the database x is in use by another "
                            + "process (pid 42)");
                }));
        assertTrue(attempts.get() >= 2, "attempts: " + attempts.get());
        assertTrue(e.getMessage().contains("(pid 42)"), e.getMessage());

        AtomicInteger second = new AtomicInteger();
        try (MigrationLock lock = MigrationLock.acquire("db-" + System.nanoTime(), Duration.ofSeconds(5), () -> {
            if (second.incrementAndGet() < 3) {
                throw new MallardException(ErrorCode.DATABASE_IN_USE, "busy");
            }
            return null;
        })) {
            assertEquals(3, second.get());
        }
    }
}
