package dev.mallard.core.migrate;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.project.MigrationsConfig;
import dev.mallard.core.project.Project;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The migrations of one project against its target database: what is found, what is
 * applied, and the operations the {@code migrate} commands run. Each call opens its own
 * session; each migration runs in its own transaction.
 *
 * <p>For other features: {@link #pending()}, {@link #validate()} and {@link #managedTables()}
 * read without changing anything.
 */
public final class MigrationService {
    private final Project project;
    private final Engine engine;
    private final MigrationsConfig config;
    private final MigrationHistory history;
    private final Duration lockTimeout;
    private List<Migration> found;

    public MigrationService(Project project, Engine engine) {
        this(project, engine, Duration.ofSeconds(60));
    }

    /**
     * @param lockTimeout how long a change waits for another process's migrations on the same
     *     history table, where the engine has a lock for it (Postgres' advisory lock)
     */
    public MigrationService(Project project, Engine engine, Duration lockTimeout) {
        this.project = project;
        this.engine = engine;
        this.lockTimeout = lockTimeout;
        this.config = project.config().migrations();
        this.history = new MigrationHistory(new Relation(engine.defaultDatabase(), project.target().schema(),
                config.table()));
    }

    public Engine engine() {
        return engine;
    }

    public MigrationsConfig config() {
        return config;
    }

    public MigrationHistory history() {
        return history;
    }

    /** Every migration in the project, by version (parsed once per service). */
    public synchronized List<Migration> found() {
        if (found == null) {
            found = new MigrationResolver(project.dir(), config).resolve();
        }
        return found;
    }

    public List<AppliedMigration> rows() {
        try (EngineSession s = engine.openSession()) {
            return history.rows(s);
        }
    }

    public List<MigrationStatus> status() {
        return StatusView.of(found(), rows());
    }

    /** Migrations {@code up} would apply, in order: pending, out-of-order and failed ones. */
    public List<Migration> pending() {
        return status().stream()
                .filter(s -> s.migration() != null && !s.state().applied() && s.type() != MigrationType.BASELINE)
                .map(MigrationStatus::migration).toList();
    }

    /** Every drift between the files and the history; see {@link ValidationFinding.Kind}. */
    public List<ValidationFinding> validate() {
        List<ValidationFinding> out = new ArrayList<>();
        for (MigrationStatus s : status()) {
            switch (s.state()) {
                case CHECKSUM_MISMATCH -> out.add(new ValidationFinding(ValidationFinding.Kind.CHECKSUM_MISMATCH,
                        s.version(), s.script(), "changed after it was applied (checksum " + abbrev(s.row().checksum())
                        + " applied, " + abbrev(s.migration().checksum()) + " now)"));
                case MISSING -> out.add(new ValidationFinding(ValidationFinding.Kind.MISSING, s.version(), s.script(),
                        "applied, but the file is gone from the project"));
                case FAILED -> out.add(new ValidationFinding(ValidationFinding.Kind.FAILED, s.version(), s.script(),
                        "failed on " + s.row().installedOn() + " and was rolled back; run 'migrate up' to retry or "
                        + "'migrate repair' to forget the failure"));
                case OUT_OF_ORDER -> out.add(new ValidationFinding(ValidationFinding.Kind.OUT_OF_ORDER, s.version(),
                        s.script(), "not applied, but older than the newest applied migration"));
                case PENDING -> out.add(new ValidationFinding(ValidationFinding.Kind.PENDING, s.version(), s.script(),
                        "pending"));
                default -> {
                }
            }
        }
        return out;
    }

    /**
     * Tables the applied SQL migrations create and do not drop again (parsed from their up
     * sections, best effort), lower-case, unqualified, sorted.
     */
    public List<String> managedTables() {
        List<SqlMigration> applied = status().stream()
                .filter(s -> s.state().applied() && s.migration() instanceof SqlMigration)
                .map(s -> (SqlMigration) s.migration()).toList();
        return ManagedTables.of(applied);
    }

    /** Applies pending migrations up to and including {@code to} (all when null). */
    public List<Migration> up(MigrationVersion to, Consumer<String> log) {
        return up(to, false, log);
    }

    /**
     * Applies pending migrations up to and including {@code to} (all when null); with
     * {@code outOfOrder}, also those older than the newest applied one.
     */
    public List<Migration> up(MigrationVersion to, boolean outOfOrder, Consumer<String> log) {
        return apply(plannedUp(to, outOfOrder), log);
    }

    /** Applies exactly {@code todo}, in order, each in its own transaction. */
    private List<Migration> apply(List<Migration> todo, Consumer<String> log) {
        List<Migration> done = new ArrayList<>();
        try (EngineSession s = lockedSession()) {
            history.createIfMissing(s);
            List<AppliedMigration> rows = history.rows(s);
            MigrationExecutor executor = new MigrationExecutor(s, history);
            for (Migration m : todo) {
                if (rows.stream().anyMatch(r -> r.success() && m.version().equals(r.version()))) {
                    log.accept("Skipping " + m.version() + " " + m.description() + ": applied meanwhile by another process");
                    continue;
                }
                log.accept("Applying " + m.version() + " " + m.description() + " (" + m.script() + ")");
                List<AppliedMigration> failed = rows.stream()
                        .filter(r -> !r.success() && m.version().equals(r.version())).toList();
                long ms = executor.up(m, failed);
                log.accept("  applied in " + ms + " ms");
                done.add(m);
            }
        }
        return done;
    }

    /** What {@link #up} would apply, in order; refuses as {@code up} does when the history has drifted. */
    public List<Migration> plannedUp(MigrationVersion to, boolean outOfOrder) {
        List<ValidationFinding> blocking = validate().stream()
                .filter(f -> f.isError() && f.kind() != ValidationFinding.Kind.FAILED)
                .filter(f -> !(outOfOrder && f.kind() == ValidationFinding.Kind.OUT_OF_ORDER)).toList();
        if (!blocking.isEmpty()) {
            throw blocked("up", blocking);
        }
        return pending().stream().filter(m -> to == null || m.version().compareTo(to) <= 0).toList();
    }

    /** Reverses the {@code steps} newest applied migrations. */
    public List<Migration> downSteps(int steps, Consumer<String> log) {
        if (steps < 1) {
            throw new MallardException(ErrorCode.USAGE, "--steps must be at least 1");
        }
        List<MigrationStatus> applied = reversibleCandidates();
        if (applied.isEmpty()) {
            throw new MallardException(ErrorCode.USAGE, "nothing to roll back: no migration is applied"
                    + (hasBaseline() ? " above the baseline" : ""));
        }
        if (applied.size() < steps) {
            throw new MallardException(ErrorCode.USAGE, "cannot roll back " + steps + " migration(s): only "
                    + applied.size() + " applied" + (hasBaseline() ? " above the baseline" : ""));
        }
        return down(applied.subList(0, steps), log);
    }

    /** Reverses every applied migration newer than {@code to}, leaving {@code to} applied. */
    public List<Migration> downTo(MigrationVersion to, Consumer<String> log) {
        List<MigrationStatus> applied = reversibleCandidates().stream()
                .filter(s -> s.version().compareTo(to) > 0).toList();
        return down(applied, log);
    }

    /** Reverses the newest applied migration and applies it again. */
    public Migration redo(Consumer<String> log) {
        // refuse before reverting anything, for what up would refuse after
        List<ValidationFinding> blocking = validate().stream()
                .filter(f -> f.isError() && f.kind() != ValidationFinding.Kind.FAILED).toList();
        if (!blocking.isEmpty()) {
            throw blocked("redo", blocking);
        }
        List<Migration> reversed = downSteps(1, log);
        Migration m = reversed.get(0);
        apply(List.of(m), log);
        return m;
    }

    private List<Migration> down(List<MigrationStatus> targets, Consumer<String> log) {
        // check every step before changing anything
        for (MigrationStatus s : targets) {
            if (s.state() == MigrationState.MISSING) {
                throw new MallardException(ErrorCode.PROJECT, "cannot roll back " + s.version() + ": its file "
                        + s.script() + " is gone from the project", s.script(), 0);
            }
            if (!s.migration().reversible()) {
                throw new MallardException(ErrorCode.PROJECT, "cannot roll back " + s.version() + ": the migration "
                        + "is irreversible (" + (s.type() == MigrationType.JAVA ? "the class does not implement "
                        + "ReversibleJavaMigration" : "the file has no '-- migrate:down' section") + ")", s.script(), 0,
                        s.type() == MigrationType.JAVA ? "implement ReversibleJavaMigration.down to make it reversible"
                        : "add a '-- migrate:down' section to the file, then run 'migrate repair'", null);
            }
            if (s.state() == MigrationState.CHECKSUM_MISMATCH) {
                throw new MallardException(ErrorCode.PROJECT, "cannot roll back " + s.version() + ": " + s.script()
                        + " changed after it was applied", s.script(), 0,
                        "restore the file, or run 'migrate repair' if the change is intended", null);
            }
        }
        List<Migration> done = new ArrayList<>();
        try (EngineSession s = lockedSession()) {
            List<AppliedMigration> rows = history.rows(s);
            MigrationExecutor executor = new MigrationExecutor(s, history);
            for (MigrationStatus st : targets) {
                if (rows.stream().noneMatch(r -> r.installedRank() == st.row().installedRank())) {
                    log.accept("Skipping " + st.version() + " " + st.description()
                            + ": reverted meanwhile by another process");
                    continue;
                }
                log.accept("Reverting " + st.version() + " " + st.description() + " (" + st.script() + ")");
                long ms = executor.down(st.migration(), st.row());
                log.accept("  reverted in " + ms + " ms");
                done.add(st.migration());
            }
        }
        return done;
    }

    /** Applied migrations that down may reverse, newest first (the baseline and below are not). */
    private List<MigrationStatus> reversibleCandidates() {
        return status().stream()
                .filter(s -> s.state() == MigrationState.APPLIED || s.state() == MigrationState.CHECKSUM_MISMATCH
                        || s.state() == MigrationState.MISSING)
                .sorted(Comparator.comparing(MigrationStatus::version).reversed()).toList();
    }

    private boolean hasBaseline() {
        return rows().stream().anyMatch(r -> r.type() == MigrationType.BASELINE);
    }

    /**
     * Removes failed rows and rows of migrations whose file is gone, and realigns the
     * checksum and description of applied rows to the current files. Returns what changed.
     */
    public List<String> repair() {
        List<String> changes = new ArrayList<>();
        try (EngineSession s = lockedSession()) {
            if (!history.exists(s)) {
                return changes;
            }
            s.begin();
            try {
                for (MigrationStatus st : StatusView.of(found(), history.rows(s))) {
                    if (st.state() == MigrationState.FAILED) {
                        history.delete(s, st.row().installedRank());
                        changes.add("removed the failed attempt of " + st.version() + " (" + st.script() + ")");
                    } else if (st.state() == MigrationState.MISSING) {
                        history.delete(s, st.row().installedRank());
                        changes.add("forgot " + st.version() + " (" + st.script()
                                + "): its file is gone; what it created stays in the database");
                    } else if (st.state() == MigrationState.CHECKSUM_MISMATCH
                            || st.state() == MigrationState.APPLIED
                            && (!st.migration().description().equals(st.row().description())
                            || !st.migration().script().equals(st.row().script()))) {
                        history.realign(s, st.row().installedRank(), st.migration().checksum(),
                                st.migration().description(), st.migration().script());
                        changes.add("realigned " + st.version() + " to the current " + st.script());
                    }
                }
                s.commit();
            } catch (RuntimeException e) {
                s.rollback();
                throw e;
            }
        }
        return changes;
    }

    /** Records that the database already holds everything up to {@code version}. */
    public void baseline(MigrationVersion version, String description) {
        try (EngineSession s = lockedSession()) {
            history.createIfMissing(s);
            if (!history.rows(s).isEmpty()) {
                throw new MallardException(ErrorCode.USAGE, "cannot baseline: " + history.table().render()
                        + " already has rows", null, 0,
                        "baseline is for a database that existed before migrations; see 'migrate status'", null);
            }
            s.begin();
            history.insert(s, version, description == null ? "<< Baseline >>" : description, MigrationType.BASELINE,
                    "<< Baseline >>", null, 0, true);
            s.commit();
        }
    }

    /** A session whose unqualified names resolve in the target schema, as models' do. */
    private EngineSession openSession() {
        EngineSession s = engine.openSession();
        try {
            String schema = project.target().schema();
            if (schema != null && !schema.isBlank()) {
                s.createSchemaIfMissing(engine.defaultDatabase(), schema);
                s.execute(s.dialect().useSchema(schema));
            }
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * {@link #openSession()} holding the engine's migration lock for this history table, so that
     * two processes never change it at once; the lock goes with the session.
     */
    private EngineSession lockedSession() {
        EngineSession s = openSession();
        try {
            String lock = s.dialect().tryMigrationLock(lockKey());
            long deadline = System.nanoTime() + lockTimeout.toNanos();
            while (lock != null && !Boolean.TRUE.equals(s.query(lock).rows().get(0).get(0))) {
                if (System.nanoTime() > deadline) {
                    throw new MallardException(ErrorCode.DATABASE_IN_USE, "another process is running migrations on "
                            + history.table().render() + " (waited " + lockTimeout.toSeconds() + "s)", null, 0,
                            "wait for it to finish, or pass --lock-timeout 60s to wait longer", null);
                }
                Thread.sleep(100);
            }
            return s;
        } catch (InterruptedException e) {
            s.close();
            Thread.currentThread().interrupt();
            throw new MallardException(ErrorCode.DATABASE_IN_USE, "interrupted while waiting for the migration lock");
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** One lock per history table: the same key in every process. */
    private long lockKey() {
        String name = (history.table().schema() + "." + history.table().identifier()).toLowerCase(java.util.Locale.ROOT);
        return ((long) "mallard migrations".hashCode() << 32) | (name.hashCode() & 0xffffffffL);
    }

    private static MallardException blocked(String verb, List<ValidationFinding> findings) {
        StringBuilder sb = new StringBuilder("refusing to run 'migrate " + verb + "': the history does not match "
                + "the files:");
        for (ValidationFinding f : findings) {
            sb.append(System.lineSeparator()).append("  ").append(f.script()).append(": ")
                    .append(f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).append(": ")
                    .append(f.message());
        }
        return new MallardException(ErrorCode.PROJECT, sb.toString(), null, 0,
                "run 'migrate validate' for details; 'migrate repair' realigns the history to the files; "
                + "'migrate up --out-of-order' applies older pending migrations", null);
    }

    private static String abbrev(String checksum) {
        return checksum == null ? "none" : checksum.substring(0, Math.min(12, checksum.length()));
    }
}
