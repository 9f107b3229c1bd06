package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Operable;
import dev.mallard.jinja.value.Py;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python {@code datetime}: naive, or aware with a {@link PyTzinfo}. Prints as Python does
 * ({@code 2024-01-31 09:05:00+00:00}); attributes, strftime, isoformat, replace, astimezone,
 * timestamp; {@code datetime ± timedelta}, {@code datetime - datetime} and ordering, with
 * Python's errors for mixing naive and aware values.
 */
final class PyDatetime implements PyObject, Operable {
    private static final Set<String> METHODS = Set.of("strftime", "isoformat", "date", "time", "timetz",
            "timestamp", "weekday", "isoweekday", "isocalendar", "replace", "astimezone", "utcoffset", "tzname",
            "dst", "ctime", "toordinal");
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(-?)(\\d{2})\\2(\\d{2})"
            + "(?:.(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?"
            + "(Z|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2}(?:[.,]\\d{1,6})?)?)?)?)?");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})?(?::?(\\d{2}))?(?:[.,]\\d+)?");

    private final LocalDateTime value;
    private final PyTzinfo tz;

    PyDatetime(LocalDateTime value, PyTzinfo tz) {
        if (value.getYear() < 1 || value.getYear() > 9999) {
            throw new JinjaError("date value out of range");
        }
        this.value = value.truncatedTo(ChronoUnit.MICROS);
        this.tz = tz;
    }

    static PyDatetime naive(LocalDateTime value) {
        return new PyDatetime(value, null);
    }

    /** An aware datetime; a UTC value gets pytz's utc, as dbt's {@code run_started_at} has. */
    static PyDatetime of(ZonedDateTime value) {
        ZoneId zone = value.getZone().normalized();
        PyTzinfo tz = zone.equals(ZoneOffset.UTC) ? PyTzinfo.pytz(ZoneOffset.UTC) : PyTzinfo.pytz(value.getZone());
        return new PyDatetime(value.toLocalDateTime(), tz);
    }

    /** The local time of {@code instant} in {@code tz}. */
    static PyDatetime at(Instant instant, PyTzinfo tz) {
        try {
            return new PyDatetime(LocalDateTime.ofInstant(instant, tz.zone()), tz);
        } catch (DateTimeException e) {
            throw DatetimeModule.outOfRange(e);
        }
    }

    LocalDateTime value() {
        return value;
    }

    PyTzinfo tz() {
        return tz;
    }

    ZoneOffset offset() {
        return tz == null ? null : tz.offsetAt(value);
    }

    private Instant instant() {
        return value.toInstant(offset());
    }

    PyDatetime plus(PyTimedelta delta) {
        try {
            return new PyDatetime(value.plus(delta.value()), tz);
        } catch (DateTimeException | ArithmeticException e) {
            throw new JinjaError("date value out of range", e);
        }
    }

    PyDatetime astimezone(PyTzinfo target) {
        Instant at = tz == null ? value.atZone(ZoneId.systemDefault()).toInstant() : instant();
        if (target == null) {
            ZonedDateTime local = at.atZone(ZoneId.systemDefault());
            PyTzinfo fixed = new PyTzinfo(local.getOffset(), new PyTzinfo(ZoneId.systemDefault(), null, true).tzname(
                    local.toLocalDateTime()), false);
            return at(at, fixed);
        }
        return at(at, target);
    }

    /** Python 3.11's {@code datetime.fromisoformat}. */
    static PyDatetime fromisoformat(String text) {
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            throw new JinjaError("Invalid isoformat string: " + Py.repr(text));
        }
        try {
            String fraction = m.group(8) == null ? "0" : (m.group(8) + "00000").substring(0, 6);
            LocalDateTime local = LocalDateTime.of(DatetimeModule.date(num(m, 1), num(m, 3), num(m, 4)),
                    DatetimeModule.time(num(m, 5), num(m, 6), num(m, 7), Long.parseLong(fraction)));
            String zone = m.group(9);
            if (zone == null) {
                return naive(local);
            }
            ZoneOffset offset = zone.equals("Z") ? ZoneOffset.UTC : parseOffset(zone);
            if (offset == null) {
                throw new JinjaError("Invalid isoformat string: " + Py.repr(text));
            }
            return new PyDatetime(local, offset.getTotalSeconds() == 0 ? DatetimeModule.UTC
                    : new PyTzinfo(offset, null, false));
        } catch (DateTimeException e) {
            throw new JinjaError("Invalid isoformat string: " + Py.repr(text));
        }
    }

    private static long num(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    /** {@code +05:30}, {@code -0800}, {@code +01}: an offset, or null when it is not one. */
    static ZoneOffset parseOffset(String text) {
        Matcher m = OFFSET.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int sign = m.group(1).equals("-") ? -1 : 1;
        int h = Integer.parseInt(m.group(2));
        int min = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int s = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        if (h > 23 || min > 59 || s > 59) {
            return null;
        }
        return ZoneOffset.ofTotalSeconds(sign * (h * 3600 + min * 60 + s));
    }

    /** The time part as isoformat writes it for a timespec. */
    static String timeText(LocalTime t, String timespec) {
        int micros = t.getNano() / 1000;
        String hm = String.format("%02d:%02d", t.getHour(), t.getMinute());
        String hms = hm + String.format(":%02d", t.getSecond());
        return switch (timespec) {
            case "auto" -> micros == 0 ? hms : hms + String.format(".%06d", micros);
            case "hours" -> String.format("%02d", t.getHour());
            case "minutes" -> hm;
            case "seconds" -> hms;
            case "milliseconds" -> hms + String.format(".%03d", micros / 1000);
            case "microseconds" -> hms + String.format(".%06d", micros);
            default -> throw new JinjaError("Unknown timespec value");
        };
    }

    String isoformat(String sep, String timespec) {
        String text = new PyDate(value.toLocalDate()) + sep + timeText(value.toLocalTime(), timespec);
        return tz == null ? text : text + DatetimeModule.offsetText(offset(), ":");
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "year" -> (long) value.getYear();
            case "month" -> (long) value.getMonthValue();
            case "day" -> (long) value.getDayOfMonth();
            case "hour" -> (long) value.getHour();
            case "minute" -> (long) value.getMinute();
            case "second" -> (long) value.getSecond();
            case "microsecond" -> (long) value.getNano() / 1000;
            case "tzinfo" -> tz;
            case "fold" -> 0L;
            default -> MISSING;
        };
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args a) {
        return switch (method) {
            case "strftime" -> Strftime.format(value, offset(), tz == null ? null : tz.tzname(value),
                    DatetimeModule.str(a.require(0, "format", "strftime")));
            case "isoformat" -> isoformat(DatetimeModule.str(a.get(0, "sep", "T")),
                    DatetimeModule.str(a.get(1, "timespec", "auto")));
            case "date" -> new PyDate(value.toLocalDate());
            case "time" -> new PyTime(value.toLocalTime(), null);
            case "timetz" -> new PyTime(value.toLocalTime(), tz);
            case "timestamp" -> timestamp();
            case "weekday" -> (long) value.getDayOfWeek().getValue() - 1;
            case "isoweekday" -> (long) value.getDayOfWeek().getValue();
            case "isocalendar" -> PyDate.isocalendar(value.toLocalDate());
            case "replace" -> replace(a);
            case "astimezone" -> astimezone(DatetimeModule.tzOrNone(a.get(0, "tz", null)));
            case "utcoffset" -> tz == null ? null : PyTimedelta.ofMicros(offset().getTotalSeconds() * 1_000_000L);
            case "tzname" -> tz == null ? null : tz.tzname(value);
            case "dst" -> tz == null ? null : tz.call(site, "dst", Args.of(this));
            case "ctime" -> Strftime.format(value, null, null, "%a %b %e %H:%M:%S %Y");
            case "toordinal" -> value.toLocalDate().toEpochDay() + PyDate.EPOCH_ORDINAL;
            default -> MISSING;
        };
    }

    /** Seconds since the epoch as a float; a naive value is read as the machine's local time. */
    private double timestamp() {
        Instant at = tz == null ? value.atZone(ZoneId.systemDefault()).toInstant() : instant();
        return BigDecimal.valueOf(at.getEpochSecond()).add(BigDecimal.valueOf(at.getNano() / 1000, 6)).doubleValue();
    }

    private PyDatetime replace(Args a) {
        LocalDateTime v = LocalDateTime.of(
                DatetimeModule.date(DatetimeModule.integer(a.get(0, "year", (long) value.getYear())),
                        DatetimeModule.integer(a.get(1, "month", (long) value.getMonthValue())),
                        DatetimeModule.integer(a.get(2, "day", (long) value.getDayOfMonth()))),
                DatetimeModule.time(DatetimeModule.integer(a.get(3, "hour", (long) value.getHour())),
                        DatetimeModule.integer(a.get(4, "minute", (long) value.getMinute())),
                        DatetimeModule.integer(a.get(5, "second", (long) value.getSecond())),
                        DatetimeModule.integer(a.get(6, "microsecond", (long) value.getNano() / 1000))));
        PyTzinfo zone = a.has(7, "tzinfo") ? DatetimeModule.tzOrNone(a.get(7, "tzinfo", null)) : tz;
        return new PyDatetime(v, zone);
    }

    @Override
    public Object operate(String op, Object other, boolean reflected) {
        if (other instanceof PyTimedelta delta) {
            if ("+".equals(op)) {
                return plus(delta);
            }
            return "-".equals(op) && !reflected ? plus(delta.negated()) : Py.NOT_FOUND;
        }
        if ("-".equals(op) && other instanceof PyDatetime d) {
            PyDatetime left = reflected ? d : this;
            PyDatetime right = reflected ? this : d;
            if ((left.tz == null) != (right.tz == null)) {
                throw new JinjaError("can't subtract offset-naive and offset-aware datetimes");
            }
            Duration diff = left.tz == null ? Duration.between(right.value, left.value)
                    : Duration.between(right.instant(), left.instant());
            return new PyTimedelta(diff);
        }
        return Py.NOT_FOUND;
    }

    @Override
    public Integer compareWith(Object other) {
        if (other instanceof PyDatetime d) {
            if ((tz == null) != (d.tz == null)) {
                throw new JinjaError("can't compare offset-naive and offset-aware datetimes");
            }
            return tz == null ? value.compareTo(d.value) : instant().compareTo(d.instant());
        }
        if (other instanceof PyDate) {
            throw new JinjaError("can't compare datetime.datetime to datetime.date");
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyDatetime d) || (tz == null) != (d.tz == null)) {
            return false;
        }
        return tz == null ? value.equals(d.value) : instant().equals(d.instant());
    }

    @Override
    public int hashCode() {
        return tz == null ? value.hashCode() : instant().hashCode();
    }

    @Override
    public String typeName() {
        return "datetime";
    }

    /** {@code datetime.datetime(2024, 1, 5, 9, 5, tzinfo=datetime.timezone.utc)}. */
    public String repr() {
        StringBuilder sb = new StringBuilder("datetime.datetime(").append(value.getYear()).append(", ")
                .append(value.getMonthValue()).append(", ").append(value.getDayOfMonth()).append(", ")
                .append(value.getHour()).append(", ").append(value.getMinute());
        int micros = value.getNano() / 1000;
        if (value.getSecond() != 0 || micros != 0) {
            sb.append(", ").append(value.getSecond());
        }
        if (micros != 0) {
            sb.append(", ").append(micros);
        }
        if (tz != null) {
            sb.append(", tzinfo=").append(tz.repr());
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return isoformat(" ", "auto");
    }
}
