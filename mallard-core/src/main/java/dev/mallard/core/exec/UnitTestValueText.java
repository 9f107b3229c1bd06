package dev.mallard.core.exec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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
        BigDecimal d = shortest(v);
        int adjusted = d.precision() - d.scale() - 1;
        if (adjusted >= -4 && adjusted < 16) {
            // repr() writes these positionally, with at least one decimal
            String plain = d.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        // repr() uses an exponent; the decimal made from it is positional down to 1e-6
        if (d.scale() >= 0 && adjusted >= -6) {
            return d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder(d.signum() < 0 ? "-" : "");
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('E').append(adjusted < 0 ? "-" : "+").append(Math.abs(adjusted)).toString();
    }

    /** The fewest significant digits that read back as {@code v} (Java 17's Double.toString may give more). */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal d = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (d.doubleValue() == v) {
                return d.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
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
