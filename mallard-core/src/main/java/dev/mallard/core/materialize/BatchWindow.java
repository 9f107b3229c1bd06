package dev.mallard.core.materialize;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

/**
 * One microbatch: the UTC event times {@code [start, end)} a batch of a microbatch model
 * covers. Rendered as dbt renders its batch bounds (Python's str() of a UTC datetime).
 */
public record BatchWindow(LocalDateTime start, LocalDateTime end) {
    private static final DateTimeFormatter DBT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00:00'");

    public BatchWindow {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("batch start " + start + " is not before its end " + end);
        }
    }

    public String renderedStart() {
        return DBT.format(start);
    }

    public String renderedEnd() {
        return DBT.format(end);
    }

    /** The condition dbt writes for an input or target filtered to this batch. */
    public String predicate(String eventTimeColumn) {
        return eventTimeColumn + " >= '" + renderedStart() + "' and " + eventTimeColumn + " < '" + renderedEnd() + "'";
    }

    /** {@code model.batch} in the Jinja context. */
    public Map<String, Object> context() {
        return Map.of("event_time_start", renderedStart(), "event_time_end", renderedEnd());
    }

    @Override
    public String toString() {
        return renderedStart() + " .. " + renderedEnd();
    }
}
