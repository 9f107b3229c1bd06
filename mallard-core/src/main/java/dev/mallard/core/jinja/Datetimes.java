package dev.mallard.core.jinja;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Python datetime values for context objects built outside this package (run results' timings). */
public final class Datetimes {
    private Datetimes() {
    }

    /** A naive datetime holding {@code instant}'s UTC time, as dbt's TimingInfo has. */
    public static Object naiveUtc(Instant instant) {
        return PyDatetime.naive(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
