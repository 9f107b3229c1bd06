package dev.mallard.core.migrate;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.MallardException;
import java.util.List;

/**
 * Runs one migration up or down in its own transaction together with its history change,
 * so the database holds the migration and its row, or neither. A failed up is recorded
 * afterwards, in a second transaction, as a row with success = false.
 */
final class MigrationExecutor {
    private final EngineSession session;
    private final MigrationHistory history;

    MigrationExecutor(EngineSession session, MigrationHistory history) {
        this.session = session;
        this.history = history;
    }

    /** Applies {@code m}; returns the milliseconds it took. */
    long up(Migration m, List<AppliedMigration> failedRows) {
        long start = System.nanoTime();
        session.begin();
        try {
            m.up(session);
            for (AppliedMigration f : failedRows) {
                history.delete(session, f.installedRank());
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            history.insert(session, m.version(), m.description(), m.type(), m.script(), m.checksum(), ms, true);
            session.commit();
            return ms;
        } catch (RuntimeException e) {
            session.rollback();
            recordFailure(m, failedRows, (System.nanoTime() - start) / 1_000_000);
            throw e;
        }
    }

    /** Reverses {@code m} and deletes its history row {@code row}. */
    long down(Migration m, AppliedMigration row) {
        long start = System.nanoTime();
        session.begin();
        try {
            m.down(session);
            history.delete(session, row.installedRank());
            session.commit();
            return (System.nanoTime() - start) / 1_000_000;
        } catch (RuntimeException e) {
            session.rollback();
            throw e;
        }
    }

    private void recordFailure(Migration m, List<AppliedMigration> earlierFailures, long ms) {
        try {
            session.begin();
            for (AppliedMigration f : earlierFailures) {
                history.delete(session, f.installedRank());
            }
            history.insert(session, m.version(), m.description(), m.type(), m.script(), m.checksum(), ms, false);
            session.commit();
        } catch (MallardException e) {
            // the failure itself is what the user needs to see; a lost failure row only hides "failed" in status
            session.rollback();
        }
    }
}
