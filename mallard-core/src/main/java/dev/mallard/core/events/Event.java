package dev.mallard.core.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened, as dbt's structured logging reports it: a name and code from dbt's
 * event catalogue (e.g. {@code LogModelResult}/{@code Q012}), a level, the human message and the
 * event's own fields ({@code data}). Formats turn it into a text line or a JSON line.
 */
public record Event(String name, String code, EventLevel level, String msg, Map<String, Object> data, Instant ts,
                    String thread) {
    public Event {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        msg = msg == null ? "" : msg;
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /** An event stamped now, on the calling thread. */
    public static Event of(String name, String code, EventLevel level, String msg, Map<String, Object> data) {
        return new Event(name, code, level, msg, data, Instant.now(), Threads.dbtName(Thread.currentThread()));
    }
}
