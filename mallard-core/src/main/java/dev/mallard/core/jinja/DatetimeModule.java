package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Operable;
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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Python's {@code datetime} module as dbt exposes it ({@code modules.datetime}): the
 * {@code datetime}, {@code date}, {@code time}, {@code timedelta} and {@code timezone} classes,
 * callable as constructors and carrying their class methods ({@code datetime.now()},
 * {@code strptime}, {@code fromisoformat}, {@code date.today()}, {@code timezone.utc}, ...).
 */
final class DatetimeModule implements PyObject {
    /** {@code datetime.timezone.utc}. */
    static final Tz UTC = new Tz(ZoneOffset.UTC, null, false);

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
            Tz tz = tzOrNone(a.get(0, "tz", null));
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
            Tz tz = tzOrNone(a.get(1, "tz", null));
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
            if (!(a.require(1, "time", "combine") instanceof Time time)) {
                throw new JinjaError("combine() argument 2 must be datetime.time, not "
                        + Py.typeName(a.get(1, "time", null)));
            }
            Tz tz = a.has(2, "tzinfo") ? tzOrNone(a.get(2, "tzinfo", null)) : time.tz();
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
        return new Time(time(integer(a.get(0, "hour", 0L)), integer(a.get(1, "minute", 0L)),
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
        return new Tz(ZoneOffset.ofTotalSeconds((int) d.getSeconds()), name == null ? null : str(name), false);
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
    static Tz tzOrNone(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        if (v instanceof Tz tz) {
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

    /**
     * A class of the module: callable as its constructor, with class attributes
     * ({@code datetime.max}) and class methods ({@code datetime.now()}).
     */
    static final class PyType implements PyObject, PyCallable {
        private final String name;
        private final PyCallable constructor;
        private final Map<String, Object> attributes;
        private final Map<String, PyCallable> classMethods;

        PyType(String name, PyCallable constructor, Map<String, Object> attributes,
               Map<String, PyCallable> classMethods) {
            this.name = name;
            this.constructor = constructor;
            this.attributes = Map.copyOf(attributes);
            this.classMethods = Map.copyOf(classMethods);
        }

        @Override
        public Object call(CallSite site, Args args) {
            return constructor.call(site, args);
        }

        @Override
        public Object attribute(String attr) {
            return attributes.getOrDefault(attr, MISSING);
        }

        @Override
        public Set<String> methods() {
            return classMethods.keySet();
        }

        @Override
        public Object call(CallSite site, String method, Args args) {
            PyCallable m = classMethods.get(method);
            return m == null ? MISSING : m.call(site, args);
        }

        @Override
        public String typeName() {
            return "type";
        }

        @Override
        public String toString() {
            return "<class '" + name + "'>";
        }
    }

    /**
     * A tzinfo: either {@code datetime.timezone} (a fixed offset, optionally named) or a pytz
     * zone ({@code pytz.utc}, {@code pytz.timezone('Europe/Paris')}), whose offset follows the
     * zone's rules at each local time.
     */
    static final class Tz implements PyObject {
        private static final Set<String> METHODS = Set.of("utcoffset", "tzname", "dst", "localize", "normalize",
                "fromutc");
        private final ZoneId zone;
        private final String name;
        private final boolean pytz;

        Tz(ZoneId zone, String name, boolean pytz) {
            this.zone = zone;
            this.name = name;
            this.pytz = pytz;
        }

        /** A pytz zone. */
        static Tz pytz(ZoneId zone) {
            return new Tz(zone, null, true);
        }

        ZoneId zone() {
            return zone;
        }

        /** The UTC offset at a local time (the earlier one in an overlap, the later in a gap). */
        ZoneOffset offsetAt(LocalDateTime local) {
            return zone instanceof ZoneOffset o ? o : ZonedDateTime.ofLocal(local, zone, null).getOffset();
        }

        String tzname(LocalDateTime local) {
            if (name != null) {
                return name;
            }
            if (pytz) {
                if (zone instanceof ZoneOffset || "UTC".equals(zone.getId())) {
                    return zone instanceof ZoneOffset o && o.getTotalSeconds() != 0 ? null : "UTC";
                }
                return DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH)
                        .format(ZonedDateTime.ofLocal(local == null ? LocalDateTime.now() : local, zone, null));
            }
            ZoneOffset o = (ZoneOffset) zone;
            return o.getTotalSeconds() == 0 ? "UTC" : "UTC" + offsetText(o, ":");
        }

        @Override
        public Object attribute(String attr) {
            return pytz && "zone".equals(attr) ? toString() : MISSING;
        }

        @Override
        public Set<String> methods() {
            return METHODS;
        }

        @Override
        public Object call(CallSite site, String method, Args a) {
            Object dt = a.get(0, "dt", null);
            LocalDateTime local = dt instanceof PyDatetime d ? d.value() : null;
            switch (method) {
                case "utcoffset":
                    return local == null && !(zone instanceof ZoneOffset) ? null
                            : PyTimedelta.ofMicros(offsetAt(local).getTotalSeconds() * 1_000_000L);
                case "tzname":
                    return local == null && pytz && !(zone instanceof ZoneOffset) ? toString() : tzname(local);
                case "dst":
                    if (!pytz || local == null) {
                        return null;
                    }
                    return new PyTimedelta(zone.getRules().getDaylightSavings(
                            ZonedDateTime.ofLocal(local, zone, null).toInstant()));
                case "localize":
                    if (!pytz) {
                        return MISSING;
                    }
                    if (!(dt instanceof PyDatetime d) || d.tz() != null) {
                        throw new JinjaError("Not naive datetime (tzinfo is already set)");
                    }
                    return new PyDatetime(d.value(), this);
                case "normalize":
                    if (!pytz || !(dt instanceof PyDatetime d) || d.tz() == null) {
                        throw new JinjaError("Naive time - no tzinfo set");
                    }
                    return d.astimezone(this);
                case "fromutc":
                    if (!(dt instanceof PyDatetime d)) {
                        throw new JinjaError("fromutc() argument must be a datetime instance");
                    }
                    return PyDatetime.at(d.value().toInstant(ZoneOffset.UTC), this);
                default:
                    return MISSING;
            }
        }

        /** Python's repr: {@code datetime.timezone.utc}, {@code <UTC>}, {@code <DstTzInfo 'Europe/Paris'>}. */
        public String repr() {
            if (pytz) {
                return "UTC".equals(toString()) ? "<UTC>" : "<DstTzInfo '" + this + "'>";
            }
            ZoneOffset o = (ZoneOffset) zone;
            if (o.getTotalSeconds() == 0 && name == null) {
                return "datetime.timezone.utc";
            }
            String delta = PyTimedelta.ofMicros(o.getTotalSeconds() * 1_000_000L).repr();
            return "datetime.timezone(" + delta + (name == null ? "" : ", " + Py.repr(name)) + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tz t && t.zone.equals(zone) && Objects.equals(t.name, name) && t.pytz == pytz;
        }

        @Override
        public int hashCode() {
            return zone.hashCode();
        }

        @Override
        public String typeName() {
            return pytz ? ("UTC".equals(toString()) ? "UTC" : "DstTzInfo") : "timezone";
        }

        @Override
        public String toString() {
            if (pytz) {
                return zone instanceof ZoneOffset o ? (o.getTotalSeconds() == 0 ? "UTC"
                        : "pytz.FixedOffset(" + o.getTotalSeconds() / 60 + ")") : zone.getId();
            }
            return tzname(null);
        }
    }

    /** A Python {@code datetime.time}: prints as {@code 10:05:00}; isoformat, strftime, replace. */
    record Time(LocalTime value, Tz tz) implements PyObject, Operable {
        private static final Set<String> METHODS = Set.of("isoformat", "strftime", "replace", "utcoffset",
                "tzname");

        Time {
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
                case "replace" -> new Time(time(
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
            if (!(other instanceof Time t)) {
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

    /** A datetime out of Python's range is an OverflowError there; a JinjaError here. */
    static JinjaError outOfRange(DateTimeException e) {
        return new JinjaError("date value out of range", e);
    }
}
