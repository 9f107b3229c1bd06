package dev.mallard.core.exec;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Renders numbers and times as dbt's unit-test diff prints them: dbt reads query results
 * into Python values (floats become decimals of their shortest text, times print as
 * {@code 2024-01-02 03:04:05} with microseconds only when there are some).
 */
final class UnitTestValueText {
    private UnitTestValueText() {
    }

    /** A float as Python's {@code str(Decimal(repr(f)))}. */
    static String floating(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        // Python's repr (the shortest text that reads back) made a Decimal: BigDecimal's text follows the
        // same decimal arithmetic rules as Python's Decimal (an exponent when it is positive or below -6)
        return new BigDecimal(dev.mallard.jinja.value.NumberText.floatRepr(v)).toString();
    }

    /** A date-time value as Python prints it, or null when the value is no time. */
    static String temporal(Object value) {
        if (value instanceof java.sql.Timestamp ts) {
            return dateTime(ts.toLocalDateTime());
        }
        if (value instanceof LocalDateTime t) {
            return dateTime(t);
        }
        if (value instanceof OffsetDateTime t) {
            String offset = t.getOffset().getId();
            return dateTime(t.toLocalDateTime()) + ("Z".equals(offset) ? "+00:00" : offset);
        }
        if (value instanceof LocalTime t) {
            return time(t);
        }
        if (value instanceof java.sql.Time t) {
            return time(t.toLocalTime());
        }
        return null;
    }

    private static String dateTime(LocalDateTime t) {
        return t.toLocalDate() + " " + time(t.toLocalTime());
    }

    private static String time(LocalTime t) {
        String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? s : s + String.format(".%06d", micros);
    }
}
