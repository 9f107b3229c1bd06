package dev.mallard.core.jinja;

import static dev.mallard.core.jinja.DatetimeModule.integer;
import static dev.mallard.core.jinja.DatetimeModule.offsetText;
import static dev.mallard.core.jinja.DatetimeModule.str;
import static dev.mallard.core.jinja.DatetimeModule.time;
import static dev.mallard.core.jinja.DatetimeModule.tzOrNone;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Operable;
import dev.mallard.jinja.value.Py;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** A Python {@code datetime.time}: prints as {@code 10:05:00}; isoformat, strftime, replace. */
record PyTime(LocalTime value, PyTzinfo tz) implements PyObject, Operable {
    private static final Set<String> METHODS = Set.of("isoformat", "strftime", "replace", "utcoffset",
            "tzname");

    PyTime {
        value = value.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
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
        LocalDateTime anyDay = LocalDate.of(1900, 1, 1).atTime(value);
        return switch (method) {
            case "isoformat" -> PyDatetime.timeText(value, Py.str(a.get(0, "timespec", "auto")))
                    + (tz == null ? "" : offsetText(tz.offsetAt(anyDay), ":"));
            case "strftime" -> Strftime.format(anyDay, tz == null ? null : tz.offsetAt(anyDay),
                    tz == null ? null : tz.tzname(anyDay), str(a.require(0, "format", "strftime")));
            case "replace" -> new PyTime(time(
                    integer(a.get(0, "hour", (long) value.getHour())),
                    integer(a.get(1, "minute", (long) value.getMinute())),
                    integer(a.get(2, "second", (long) value.getSecond())),
                    integer(a.get(3, "microsecond", (long) value.getNano() / 1000))),
                    a.has(4, "tzinfo") ? tzOrNone(a.get(4, "tzinfo", null)) : tz);
            case "utcoffset" -> tz == null ? null
                    : PyTimedelta.ofMicros(tz.offsetAt(anyDay).getTotalSeconds() * 1_000_000L);
            case "tzname" -> tz == null ? null : tz.tzname(anyDay);
            default -> MISSING;
        };
    }

    @Override
    public Integer compareWith(Object other) {
        if (!(other instanceof PyTime t)) {
            return null;
        }
        if ((tz == null) != (t.tz == null)) {
            throw new JinjaError("can't compare offset-naive and offset-aware times");
        }
        return value.compareTo(t.value);
    }

    @Override
    public String typeName() {
        return "time";
    }

    @Override
    public String toString() {
        LocalDateTime anyDay = LocalDate.of(1900, 1, 1).atTime(value);
        return PyDatetime.timeText(value, "auto") + (tz == null ? "" : offsetText(tz.offsetAt(anyDay), ":"));
    }
}
