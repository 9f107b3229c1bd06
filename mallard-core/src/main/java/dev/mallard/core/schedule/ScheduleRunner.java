package dev.mallard.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs schedules: {@link #runOnce} one run now; {@link #runUntil} the long-running loop.
 *
 * <p>A timer thread waits for the next fire time. A due schedule that is idle is queued for
 * the one worker thread; one that is still queued or running is skipped for that fire time
 * (logged, and a {@code skipped} row in the history), so a schedule never overlaps itself.
 * Runs of different schedules queue one after another rather than in parallel: DuckDB admits
 * one writer per file, and every step opens it.
 */
public final class ScheduleRunner {

    /** Runs one mallard command line in this process and returns its exit code. */
    @FunctionalInterface
    public interface Steps {
        int run(List<String> args);
    }

    /** What a run came to. */
    public record Outcome(String status, int attempts, List<String> nodes, String error) {
        public Outcome {
            nodes = List.copyOf(nodes);
        }

        public boolean ok() {
            return status.equals("success");
        }
    }

    private enum State { IDLE, QUEUED, RUNNING }

    private final Steps steps;
    private final RunHistory history;
    private final RunResults results;
    private final Clock clock;
    private final Consumer<String> log;
    private final Map<String, State> states = new HashMap<>();

    public ScheduleRunner(Steps steps, RunHistory history, RunResults results, Clock clock, Consumer<String> log) {
        this.steps = steps;
        this.history = history;
        this.results = results;
        this.clock = clock;
        this.log = log;
    }

    /** Runs {@code s} now, with its retries, and records it in the history. */
    public Outcome runOnce(Schedule s) {
        Instant started = clock.instant();
        long id = history.started(s.name(), started);
        log.accept("schedule " + s.name() + ": run " + id + " starts");
        Outcome outcome = attempts(s);
        history.finished(id, clock.instant(), outcome.status(), outcome.attempts(), RunResults.json(outcome.nodes()),
                outcome.error());
        log.accept("schedule " + s.name() + ": run " + id + " " + outcome.status() + " after " + outcome.attempts()
                + " attempt" + (outcome.attempts() == 1 ? "" : "s") + (outcome.error() == null ? "" : ": " + outcome.error()));
        return outcome;
    }

    private Outcome attempts(Schedule s) {
        List<String> nodes = new ArrayList<>();
        String error = null;
        int attempt = 0;
        while (attempt <= s.retries()) {
            if (attempt > 0) {
                Duration wait = s.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
                log.accept("schedule " + s.name() + ": retry " + attempt + " of " + s.retries() + " in "
                        + wait.toSeconds() + " s");
                if (!sleep(wait)) {
                    break;
                }
            }
            attempt++;
            nodes.clear();
            error = steps(s, nodes);
            if (error == null) {
                return new Outcome("success", attempt, nodes, null);
            }
        }
        return new Outcome("error", attempt, nodes, error);
    }

    /** Runs the steps in order; the first failure's description, or null when all passed. */
    private String steps(Schedule s, List<String> nodes) {
        for (int i = 0; i < s.steps().size(); i++) {
            List<String> step = s.steps().get(i);
            log.accept("schedule " + s.name() + ": step " + (i + 1) + "/" + s.steps().size() + ": mallard "
                    + Schedule.display(step));
            Object since = results.mark();
            int code;
            try {
                code = steps.run(step);
            } catch (RuntimeException e) {
                return "step " + (i + 1) + " '" + Schedule.display(step) + "' failed: " + e.getMessage();
            }
            RunResults.Step ran = results.since(since);
            nodes.addAll(ran.nodes());
            if (code != 0) {
                return "step " + (i + 1) + " '" + Schedule.display(step) + "' exited with code " + code
                        + (ran.failures().isEmpty() ? "" : ": " + String.join("; ", ran.failures()));
            }
        }
        return null;
    }

    /**
     * The scheduler loop until {@code stopAt} (null: until the thread is interrupted); a run
     * going at that time is finished first.
     */
    public void runUntil(List<Schedule> schedules, Instant stopAt) throws InterruptedException {
        ExecutorService worker = Executors.newSingleThreadExecutor(
                r -> dev.mallard.core.common.DeepStack.thread(r, "schedule-worker"));
        Map<String, Instant> next = new HashMap<>();
        Instant now = clock.instant();
        for (Schedule s : schedules) {
            states.put(s.name(), State.IDLE);
            next.put(s.name(), s.cron().nextAfter(now));
            log.accept("schedule " + s.name() + " (" + s.cron() + "): next run at " + next.get(s.name()));
        }
        try {
            while (true) {
                Instant due = next.values().stream().filter(java.util.Objects::nonNull).min(Instant::compareTo)
                        .orElse(null);
                Instant wake = due == null ? stopAt : stopAt == null || due.isBefore(stopAt) ? due : stopAt;
                if (wake == null) {
                    log.accept("no schedule has a future fire time");
                    return;
                }
                long millis = Duration.between(clock.instant(), wake).toMillis();
                if (millis > 0) {
                    Thread.sleep(millis);
                }
                now = clock.instant();
                if (stopAt != null && !now.isBefore(stopAt)) {
                    return;
                }
                for (Schedule s : schedules) {
                    Instant fire = next.get(s.name());
                    if (fire != null && !fire.isAfter(now)) {
                        fire(worker, s, fire);
                        next.put(s.name(), s.cron().nextAfter(now));
                    }
                }
            }
        } finally {
            worker.shutdown();
            while (!worker.awaitTermination(1, TimeUnit.SECONDS)) {
                log.accept("waiting for the current run to end");
            }
        }
    }

    private void fire(ExecutorService worker, Schedule s, Instant fire) {
        synchronized (states) {
            State state = states.get(s.name());
            if (state != State.IDLE) {
                String reason = "the run of " + fire + " was skipped: the previous run is still " + state.name()
                        .toLowerCase(java.util.Locale.ROOT);
                log.accept("schedule " + s.name() + ": " + reason);
                worker.submit(() -> history.skipped(s.name(), fire, reason));
                return;
            }
            states.put(s.name(), State.QUEUED);
        }
        worker.submit(() -> {
            synchronized (states) {
                states.put(s.name(), State.RUNNING);
            }
            try {
                runOnce(s);
            } catch (RuntimeException e) {
                log.accept("schedule " + s.name() + ": the run could not be recorded: " + e.getMessage());
            } finally {
                synchronized (states) {
                    states.put(s.name(), State.IDLE);
                }
            }
        });
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
