package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * A Python {@code datetime}: naive (no offset) or aware (with a UTC offset). Prints as Python
 * does ({@code 2024-01-31 09:05:00+00:00}) and supports strftime, isoformat, attributes,
 * comparison and arithmetic with {@link PyTimedelta}.
 */
final class PyDatetime implements PyObject, Comparable<Object> {
    private final LocalDateTime value;
    private final ZoneOffset offset;

    private PyDatetime(LocalDateTime value, ZoneOffset offset) {
        this.value = value;
        this.offset = offset;
    }

    static PyDatetime naive(LocalDateTime value) {
        return new PyDatetime(value, null);
    }

    static PyDatetime of(ZonedDateTime value) {
        return new PyDatetime(value.toLocalDateTime(), value.getOffset());
    }

    LocalDateTime value() {
        return value;
    }

    PyDatetime plus(Duration d) {
        return new PyDatetime(value.plus(d), offset);
    }

    Duration minus(PyDatetime other) {
        return Duration.between(other.instantLike(), instantLike());
    }

    private LocalDateTime instantLike() {
        return offset == null ? value : value.minusSeconds(offset.getTotalSeconds());
    }

    static PyDatetime strptime(String text, String format) {
        return Strftime.parse(text, format);
    }

    static PyDatetime fromisoformat(String text) {
        try {
            String t = text.trim().replace(' ', 'T');
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return of(ZonedDateTime.parse(t.endsWith("Z") ? t.substring(0, t.length() - 1) + "+00:00" : t,
                        java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
            return naive(t.length() == 10 ? java.time.LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t));
        } catch (DateTimeParseException e) {
            throw new MallardException(ErrorCode.JINJA, "ValueError: Invalid isoformat string: '" + text + "'");
        }
    }

    String isoformat() {
        return isoformat('T');
    }

    private String isoformat(char sep) {
        StringBuilder sb = new StringBuilder(new PyDate(value.toLocalDate()).toString()).append(sep)
                .append(String.format("%02d:%02d:%02d", value.getHour(), value.getMinute(), value.getSecond()));
        int micros = value.getNano() / 1000;
        if (micros != 0) {
            sb.append(String.format(".%06d", micros));
        }
        if (offset != null) {
            sb.append(offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
        }
        return sb.toString();
    }

    String offsetText(boolean colon) {
        if (offset == null) {
            return "";
        }
        String id = offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
        return colon ? id : id.replace(":", "");
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "year" -> value.getYear();
            case "month" -> value.getMonthValue();
            case "day" -> value.getDayOfMonth();
            case "hour" -> value.getHour();
            case "minute" -> value.getMinute();
            case "second" -> value.getSecond();
            case "microsecond" -> value.getNano() / 1000;
            case "tzinfo" -> offset == null ? null : offset.getId();
            default -> MISSING;
        };
    }

    @Override
    public Object call(String method, DbtFunctions.Args a) {
        return switch (method) {
            case "strftime" -> Strftime.format(value, this, String.valueOf(a.get(0, "format")));
            case "isoformat" -> isoformat(a.get(0, "sep") == null ? 'T' : a.get(0, "sep").toString().charAt(0));
            case "date" -> new PyDate(value.toLocalDate());
            case "timestamp" -> (offset == null ? value.atZone(java.time.ZoneId.systemDefault()).toEpochSecond()
                    : value.toEpochSecond(offset)) + value.getNano() / 1e9;
            case "weekday" -> value.getDayOfWeek().getValue() - 1;
            case "isoweekday" -> value.getDayOfWeek().getValue();
            case "replace" -> replace(a);
            case "astimezone" -> of(value.atOffset(offset == null ? ZoneOffset.UTC : offset)
                    .atZoneSameInstant(ZoneOffset.UTC));
            default -> MISSING;
        };
    }

    private PyDatetime replace(DbtFunctions.Args a) {
        LocalDateTime v = value;
        for (var e : a.named().entrySet()) {
            int n = e.getValue() == null ? 0 : (int) PyTypes.toLong(e.getValue());
            v = switch (e.getKey()) {
                case "year" -> v.withYear(n);
                case "month" -> v.withMonth(n);
                case "day" -> v.withDayOfMonth(n);
                case "hour" -> v.withHour(n);
                case "minute" -> v.withMinute(n);
                case "second" -> v.withSecond(n);
                case "microsecond" -> v.with(ChronoField.NANO_OF_SECOND, n * 1000L);
                default -> v;
            };
        }
        ZoneOffset off = a.named().containsKey("tzinfo") && a.named().get("tzinfo") == null ? null : offset;
        return new PyDatetime(v, off);
    }

    @Override
    public int compareTo(Object o) {
        if (o instanceof PyDatetime other) {
            return instantLike().compareTo(other.instantLike());
        }
        throw new MallardException(ErrorCode.JINJA, "TypeError: cannot compare datetime to " + PyStr.repr(o));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyDatetime other && instantLike().equals(other.instantLike());
    }

    @Override
    public int hashCode() {
        return instantLike().hashCode();
    }

    @Override
    public String toString() {
        return isoformat(' ');
    }
}
