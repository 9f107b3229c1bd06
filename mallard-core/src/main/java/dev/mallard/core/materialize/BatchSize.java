package dev.mallard.core.materialize;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** A microbatch model's {@code batch_size}: how its event times are cut into batches. */
public enum BatchSize {
    HOUR, DAY, MONTH, YEAR;

    static BatchSize parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    LocalDateTime truncate(LocalDateTime t) {
        return switch (this) {
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case DAY -> t.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case YEAR -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
    }

    /** dbt's offset_timestamp: {@code offset} batches from the start of {@code t}'s batch. */
    LocalDateTime offset(LocalDateTime t, int offset) {
        LocalDateTime base = truncate(t);
        return switch (this) {
            case HOUR -> base.plusHours(offset);
            case DAY -> base.plusDays(offset);
            case MONTH -> base.plusMonths(offset);
            case YEAR -> base.plusYears(offset);
        };
    }

    /** dbt's ceiling_timestamp: {@code t} itself on a batch boundary, else the start of the next batch. */
    LocalDateTime ceiling(LocalDateTime t) {
        return truncate(t).equals(t) ? t : offset(t, 1);
    }
}
