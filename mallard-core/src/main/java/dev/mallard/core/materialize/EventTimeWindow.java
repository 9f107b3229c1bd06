package dev.mallard.core.materialize;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code --event-time-start} and {@code --event-time-end}: the UTC window microbatch models
 * rebuild instead of their default one. As in dbt, the two go together and start is before end.
 */
public record EventTimeWindow(LocalDateTime start, LocalDateTime end) {

    public EventTimeWindow {
        if (start == null || end == null) {
            throw new MallardException(ErrorCode.USAGE, start == null
                    ? "--event-time-end was given without --event-time-start; they go together"
                    : "--event-time-start was given without --event-time-end; they go together");
        }
        if (!start.isBefore(end)) {
            throw new MallardException(ErrorCode.USAGE, "--event-time-start must be before --event-time-end");
        }
    }

    /** The window the flags give, or null when neither was given. */
    public static EventTimeWindow of(String start, String end) {
        if (start == null && end == null) {
            return null;
        }
        return new EventTimeWindow(start == null ? null : parse(start, "--event-time-start"),
                end == null ? null : parse(end, "--event-time-end"));
    }

    /** A date, a date and time (T or space), or either with a UTC offset; taken as UTC. */
    static LocalDateTime parse(String text, String what) {
        String s = text.trim().replace(' ', 'T');
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new MallardException(ErrorCode.USAGE, what + " '" + text + "' is not a date or timestamp "
                    + "(e.g. 2024-01-31 or 2024-01-31 12:00:00)");
        }
    }
}
