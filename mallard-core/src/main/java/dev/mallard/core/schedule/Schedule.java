package dev.mallard.core.schedule;

import java.time.Duration;
import java.util.List;

/**
 * One entry of schedules.yml: when it fires, the mallard command lines it runs in order, and
 * how often a failed run is tried again (after {@code backoff}, doubling each time).
 */
public record Schedule(String name, CronSchedule cron, List<List<String>> steps, int retries, Duration backoff,
        int line) {
    public Schedule {
        steps = steps.stream().map(List::copyOf).toList();
    }

    /** A step as it was written, for logs and history. */
    public static String display(List<String> step) {
        return String.join(" ", step);
    }
}
