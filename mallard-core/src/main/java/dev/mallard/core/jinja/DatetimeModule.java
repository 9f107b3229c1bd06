package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.Undefined;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Python's {@code datetime} module as dbt exposes it ({@code modules.datetime}): the
 * {@code datetime}, {@code date}, {@code time}, {@code timedelta} and {@code timezone} classes,
 * callable as constructors and carrying their class methods ({@code datetime.now()},
 * {@code strptime}, {@code fromisoformat}, {@code date.today()}, {@code timezone.utc}, ...).
 * The values are {@link PyDatetime}, {@link PyDate}, {@link PyTime}, {@link PyTimedelta} and
 * {@link PyTzinfo}; the classes are {@link PyType}s. The argument checks here are shared by
 * those values and by the other modules.
 */
final class DatetimeModule implements PyObject {
    /** {@code datetime.timezone.utc}. */
    static final PyTzinfo UTC = new PyTzinfo(ZoneOffset.UTC, null, false);

    private final Map<String, Object> attributes = new LinkedHashMap<>();

    DatetimeModule() {
        attributes.put("datetime", datetimeType());
        attributes.put("date", dateType());
        attributes.put("time", new PyType("datetime.time", DatetimeModule::newTime, Map.of(), Map.of()));
        attributes.put("timedelta", new PyType("datetime.timedelta", (site, a) -> PyTimedelta.of(a), Map.of(
                "min", PyTimedelta.of(Args.of(-999_999_999L)),
                "max", PyTimedelta.of(Args.of(999_999_999L, 86399L, 999_999L)),
                "resolution", PyTimedelta.of(Args.of(0L, 0L, 1L))), Map.of()));
        attributes.put("timezone", new PyType("datetime.timezone", DatetimeModule::newTimezone,
                Map.of("utc", UTC), Map.of()));
        attributes.put("tzinfo", new PyType("datetime.tzinfo", (site, a) -> {
            throw new JinjaError("tzinfo is an abstract class; use datetime.timezone or modules.pytz");
        }, Map.of(), Map.of()));
        attributes.put("MINYEAR", 1L);
        attributes.put("MAXYEAR", 9999L);
    }

    @Override
    public Object attribute(String name) {
        return attributes.getOrDefault(name, MISSING);
    }

    @Override
    public String typeName() {
        return "module";
    }

    @Override
    public String toString() {
        return "<module 'datetime'>";
    }

    private static PyType datetimeType() {
        Map<String, PyCallable> methods = new LinkedHashMap<>();
        methods.put("now", (site, a) -> {
            PyTzinfo tz = tzOrNone(a.get(0, "tz", null));
            return tz == null ? PyDatetime.naive(LocalDateTime.now()) : PyDatetime.at(Instant.now(), tz);
        });
        methods.put("utcnow", (site, a) -> PyDatetime.naive(LocalDateTime.now(ZoneOffset.UTC)));
        methods.put("today", (site, a) -> PyDatetime.naive(LocalDateTime.now()));
        methods.put("strptime", (site, a) -> Strftime.parse(str(a.require(0, "date_string", "strptime")),
                str(a.require(1, "format", "strptime"))));
        methods.put("fromisoformat", (site, a) -> PyDatetime.fromisoformat(str(a.require(0, "date_string",
                "fromisoformat"))));
        methods.put("fromtimestamp", (site, a) -> {
            Instant at = instant(a.require(0, "timestamp", "fromtimestamp"));
            PyTzinfo tz = tzOrNone(a.get(1, "tz", null));
            return tz == null ? PyDatetime.naive(LocalDateTime.ofInstant(at, ZoneId.systemDefault()))
                    : PyDatetime.at(at, tz);
        });
        methods.put("utcfromtimestamp", (site, a) -> PyDatetime.naive(LocalDateTime.ofInstant(
                instant(a.require(0, "timestamp", "utcfromtimestamp")), ZoneOffset.UTC)));
        methods.put("fromordinal", (site, a) -> PyDatetime.naive(
                PyDate.fromOrdinal(integer(a.require(0, "ordinal", "fromordinal"))).atStartOfDay()));
        methods.put("combine", (site, a) -> {
            if (!(a.require(0, "date", "combine") instanceof PyDate date)) {
                throw new JinjaError("combine() argument 1 must be datetime.date, not "
                        + Py.typeName(a.get(0, "date", null)));
            }
            if (!(a.require(1, "time", "combine") instanceof PyTime time)) {
                throw new JinjaError("combine() argument 2 must be datetime.time, not "
                        + Py.typeName(a.get(1, "time", null)));
            }
            PyTzinfo tz = a.has(2, "tzinfo") ? tzOrNone(a.get(2, "tzinfo", null)) : time.tz();
            return new PyDatetime(LocalDateTime.of(date.value(), time.value()), tz);
        });
        Map<String, Object> attrs = Map.of(
                "min", PyDatetime.naive(LocalDateTime.of(1, 1, 1, 0, 0)),
                "max", PyDatetime.naive(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)),
                "resolution", PyTimedelta.of(Args.of(0L, 0L, 1L)));
        return new PyType("datetime.datetime", DatetimeModule::newDatetime, attrs, methods);
    }

    private static PyType dateType() {
        Map<String, PyCallable> methods = new LinkedHashMap<>();
        methods.put("today", (site, a) -> new PyDate(LocalDate.now()));
        methods.put("fromisoformat", (site, a) -> PyDate.fromisoformat(str(a.require(0, "date_string",
                "fromisoformat"))));
        methods.put("fromtimestamp", (site, a) -> new PyDate(LocalDate.ofInstant(
                instant(a.require(0, "timestamp", "fromtimestamp")), ZoneId.systemDefault())));
        methods.put("fromordinal", (site, a) -> new PyDate(PyDate.fromOrdinal(
                integer(a.require(0, "ordinal", "fromordinal")))));
        Map<String, Object> attrs = Map.of(
                "min", new PyDate(LocalDate.of(1, 1, 1)),
                "max", new PyDate(LocalDate.of(9999, 12, 31)),
                "resolution", PyTimedelta.of(Args.of(1L)));
        return new PyType("datetime.date", (site, a) -> new PyDate(date(
                integer(a.require(0, "year", "date")), integer(a.require(1, "month", "date")),
                integer(a.require(2, "day", "date")))), attrs, methods);
    }

    private static Object newDatetime(CallSite site, Args a) {
        String[] required = {"year", "month", "day"};
        for (int i = 0; i < required.length; i++) {
            if (!a.has(i, required[i])) {
                throw new JinjaError("function missing required argument '" + required[i] + "' (pos " + (i + 1)
                        + ")");
            }
        }
        LocalDate day = date(integer(a.get(0, "year", null)), integer(a.get(1, "month", null)),
                integer(a.get(2, "day", null)));
        LocalTime time = time(integer(a.get(3, "hour", 0L)), integer(a.get(4, "minute", 0L)),
                integer(a.get(5, "second", 0L)), integer(a.get(6, "microsecond", 0L)));
        return new PyDatetime(LocalDateTime.of(day, time), tzOrNone(a.get(7, "tzinfo", null)));
    }

    private static Object newTime(CallSite site, Args a) {
        return new PyTime(time(integer(a.get(0, "hour", 0L)), integer(a.get(1, "minute", 0L)),
                integer(a.get(2, "second", 0L)), integer(a.get(3, "microsecond", 0L))),
                tzOrNone(a.get(4, "tzinfo", null)));
    }

    private static Object newTimezone(CallSite site, Args a) {
        if (!(a.require(0, "offset", "timezone") instanceof PyTimedelta offset)) {
            throw new JinjaError("timezone() argument 1 must be datetime.timedelta, not "
                    + Py.typeName(a.get(0, "offset", null)));
        }
        Duration d = offset.value();
        if (d.abs().compareTo(Duration.ofDays(1)) >= 0) {
            throw new JinjaError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                    + "timedelta(hours=24), not " + offset.repr() + ".");
        }
        if (d.getNano() != 0) {
            throw new JinjaError("Mallard supports whole-second UTC offsets only");
        }
        Object name = a.get(1, "name", null);
        if (name == null && d.isZero()) {
            return UTC;
        }
        return new PyTzinfo(ZoneOffset.ofTotalSeconds((int) d.getSeconds()), name == null ? null : str(name), false);
    }

    // ---- argument checks with Python's messages ----

    /** An int argument: floats and strings are a TypeError, as in Python. */
    static long integer(Object v) {
        if (v instanceof Undefined u) {
            throw u.error();
        }
        if (Py.isFloat(v)) {
            throw new JinjaError("'float' object cannot be interpreted as an integer");
        }
        return PyNumbers.toLong(v);
    }

    static String str(Object v) {
        if (v instanceof Undefined u) {
            throw u.error();
        }
        if (!(v instanceof CharSequence s)) {
            throw new JinjaError("argument must be str, not " + Py.typeName(v));
        }
        return s.toString();
    }

    /** A tzinfo argument: None or a timezone. */
    static PyTzinfo tzOrNone(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        if (v instanceof PyTzinfo tz) {
            return tz;
        }
        throw new JinjaError("tzinfo argument must be None or of a tzinfo subclass, not type '" + Py.typeName(v)
                + "'");
    }

    /** A POSIX timestamp (int or float seconds) rounded half-even to a microsecond. */
    static Instant instant(Object v) {
        if (v instanceof Undefined u) {
            throw u.error();
        }
        if (Py.isInt(v) || v instanceof Boolean) {
            return Instant.ofEpochSecond(PyNumbers.toLong(v));
        }
        if (!(v instanceof Number n)) {
            throw new JinjaError("'" + Py.typeName(v) + "' object cannot be interpreted as an integer");
        }
        long micros = new java.math.BigDecimal(n.doubleValue()).movePointRight(6)
                .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** A date from Python's constructor arguments, with Python's range errors. */
    static LocalDate date(long year, long month, long day) {
        if (year < 1 || year > 9999) {
            throw new JinjaError("year " + year + " is out of range");
        }
        if (month < 1 || month > 12) {
            throw new JinjaError("month must be in 1..12");
        }
        LocalDate first = LocalDate.of((int) year, (int) month, 1);
        if (day < 1 || day > first.lengthOfMonth()) {
            throw new JinjaError("day is out of range for month");
        }
        return first.withDayOfMonth((int) day);
    }

    static LocalTime time(long hour, long minute, long second, long micro) {
        if (hour < 0 || hour > 23) {
            throw new JinjaError("hour must be in 0..23");
        }
        if (minute < 0 || minute > 59) {
            throw new JinjaError("minute must be in 0..59");
        }
        if (second < 0 || second > 59) {
            throw new JinjaError("second must be in 0..59");
        }
        if (micro < 0 || micro > 999_999) {
            throw new JinjaError("microsecond must be in 0..999999");
        }
        return LocalTime.of((int) hour, (int) minute, (int) second, (int) micro * 1000);
    }

    /** {@code +05:30} (with {@code sep} ":") or {@code +0530}; seconds only when not zero. */
    static String offsetText(ZoneOffset offset, String sep) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String text = (total < 0 ? "-" : "+") + String.format("%02d%s%02d", abs / 3600, sep, abs % 3600 / 60);
        return abs % 60 == 0 ? text : text + sep + String.format("%02d", abs % 60);
    }

    /** A datetime out of Python's range is an OverflowError there; a JinjaError here. */
    static JinjaError outOfRange(DateTimeException e) {
        return new JinjaError("date value out of range", e);
    }
}
