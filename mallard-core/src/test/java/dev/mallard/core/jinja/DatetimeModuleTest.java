package dev.mallard.core.jinja;

import static dev.mallard.core.jinja.PyCalls.args;
import static dev.mallard.core.jinja.PyCalls.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.jinja.value.Arithmetic;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * modules.datetime and modules.pytz, called as templates call them. Every expected value is
 * what CPython 3.11 prints for the same expression.
 */
class DatetimeModuleTest {
    private final PyCalls py = new PyCalls();
    private final Object modules = new ModulesObject();
    private final Object datetime = py.attr(modules, "datetime");
    private final Object datetimeClass = py.attr(datetime, "datetime");

    private Object datetime(Object... fields) {
        return py.invoke(datetimeClass, fields);
    }

    private Object timedelta(Object... namesAndValues) {
        return py.invokeKw(py.attr(datetime, "timedelta"), args(), namesAndValues);
    }

    private Object date(long y, long m, long d) {
        return py.invoke(py.attr(datetime, "date"), y, m, d);
    }

    private Object utc() {
        return py.attr(py.attr(datetime, "timezone"), "utc");
    }

    private String error(Runnable r) {
        return assertThrows(JinjaError.class, r::run).getMessage();
    }

    @Test
    void aNaiveDatetimePrintsAndFormatsAsPython() {
        Object dt = datetime(2024L, 1L, 5L, 9L, 5L, 3L, 120L);
        assertEquals("2024-01-05 09:05:03.000120", str(dt));
        assertEquals("2024-01-05T09:05:03.000120", py.call(dt, "isoformat"));
        assertEquals("2024-01-05 09:05:03.000", py.call(dt, "isoformat", " ", "milliseconds"));
        assertEquals("2024-01-05T09", py.callKw(dt, "isoformat", args(), "timespec", "hours"));
        assertEquals(2024L, py.attr(dt, "year"));
        assertEquals(120L, py.attr(dt, "microsecond"));
        assertNull(py.attr(dt, "tzinfo"));
        assertEquals(4L, py.call(dt, "weekday"));
        assertEquals(5L, py.call(dt, "isoweekday"));
        assertEquals("datetime", Py.typeName(dt));
        assertEquals("datetime.datetime(2024, 1, 5, 0, 0)", ((PyDatetime) datetime(2024L, 1L, 5L)).repr());
    }

    @Test
    void datesInsideAListOrDictPrintTheirRepr() {
        Templates t = Templates.withMacros("macros/none.sql", "");
        assertEquals("[datetime.date(2020, 1, 1)]|{'d': datetime.datetime(2024, 1, 5, 9, 5)}|"
                + "[datetime.timedelta(days=1)]|2020-01-01", t.render("{{ [modules.datetime.date(2020, 1, 1)] }}|"
                + "{{ {'d': modules.datetime.datetime(2024, 1, 5, 9, 5)} }}|{{ [modules.datetime.timedelta(days=1)] }}|"
                + "{{ fromyaml('d: 2020-01-01').d }}"));
        assertEquals("{'d': datetime.date(2020, 1, 1)}", t.render("{{ fromyaml('d: 2020-01-01') }}"));
    }

    @Test
    void strftimeFollowsGlibcAndPythonDirectives() {
        Object dt = datetime(2024L, 1L, 5L, 9L, 5L, 3L, 120L);
        assertEquals("2024-01-05 09:05:03.000120 Fri Friday Jan January 005 AM 09 24 00 01 5 5 01 2024 "
                + "Fri Jan  5 09:05:03 2024 | 01/05/24 | 09:05:03 %  5 5 1 %Q 01/05/24 09:05 09:05:03 20  9  9 am Jan "
                + "\n \t  5|FRI|05",
                py.call(dt, "strftime", "%Y-%m-%d %H:%M:%S.%f %a %A %b %B %j %p %I %y %U %W %w %u %V %G %c | %x | %X "
                        + "%% %e %-d %-m %Q %D %R %T %C %k %l %P %h %n %t %_d|%^a|%0e"));
        assertEquals("2025-01 03 PM 03:00:00 PM 2024-12-30",
                py.call(datetime(2024L, 12L, 30L, 15L), "strftime", "%G-%V %I %p %r %F"));
        assertEquals("Fri Jan  5 09:05:03 2024", py.call(dt, "ctime"));
    }

    @Test
    void anAwareDatetimeCarriesItsOffset() {
        Object u = py.invokeKw(datetimeClass, args(2024L, 1L, 5L, 9L, 5L, 3L), "tzinfo", utc());
        assertEquals("2024-01-05 09:05:03+00:00", str(u));
        assertEquals(1704445503.0, py.call(u, "timestamp"));
        assertEquals("UTC", py.call(u, "tzname"));
        assertEquals("UTC", str(py.attr(u, "tzinfo")));
        assertEquals("0:00:00", str(py.call(u, "utcoffset")));

        Object tz = py.invoke(py.attr(datetime, "timezone"), timedelta("hours", -5L, "minutes", -30L));
        Object x = py.call(u, "astimezone", tz);
        assertEquals("2024-01-05 03:35:03-05:30", str(x));
        assertEquals("UTC-05:30", str(tz));
        assertEquals("-0530 UTC-05:30", py.call(x, "strftime", "%z %Z"));
        assertEquals("-1 day, 18:30:00", str(py.call(x, "utcoffset")));
        assertEquals("2020-01-05 09:05:03.000120+00:00",
                str(py.callKw(datetime(2024L, 1L, 5L, 9L, 5L, 3L, 120L), "replace", args(), "year", 2020L,
                        "tzinfo", utc())));
        Object withSeconds = py.invoke(py.attr(datetime, "timezone"),
                timedelta("hours", 5L, "minutes", 30L, "seconds", 15L));
        assertEquals("2024-01-01 00:00:00+05:30:15",
                str(py.invokeKw(datetimeClass, args(2024L, 1L, 1L), "tzinfo", withSeconds)));
    }

    @Test
    void timedeltasNormaliseAndPrintAsPython() {
        assertEquals("1 day, 2:03:04.000005",
                str(timedelta("days", 1L, "hours", 2L, "minutes", 3L, "seconds", 4L, "microseconds", 5L)));
        assertEquals("-1 day, 23:00:00", str(timedelta("hours", -1L)));
        assertEquals("-2 days, 0:00:00", str(timedelta("days", -2L)));
        assertEquals("0:00:00", str(timedelta()));
        assertEquals("1 day, 12:00:00", str(timedelta("days", 1.5)));
        assertEquals("0:00:00", str(timedelta("microseconds", 0.5)));
        assertEquals("0:00:00.000002", str(timedelta("microseconds", 1.5)));
        assertEquals("6 days, 1:01:01.001001", str(timedelta("weeks", 1L, "days", -1L, "hours", 1L, "minutes", 1L,
                "seconds", 1L, "milliseconds", 1L, "microseconds", 1L)));
        assertEquals(-3600.0, py.call(timedelta("hours", -1L), "total_seconds"));
        assertEquals(-0.5, py.call(timedelta("seconds", -0.5), "total_seconds"));
        assertEquals(82800L, py.attr(timedelta("hours", -1L), "seconds"));
        assertEquals(-1L, py.attr(timedelta("hours", -1L), "days"));
        assertEquals("datetime.timedelta(days=1, seconds=7200)",
                ((PyTimedelta) timedelta("days", 1L, "hours", 2L)).repr());
        assertTrue(error(() -> timedelta("days", 1_000_000_000L)).contains("must have magnitude <= 999999999"));
    }

    @Test
    void arithmeticUsesTheEnginesOperators() {
        Object dt = datetime(2024L, 1L, 5L, 9L, 5L, 3L, 120L);
        assertEquals("4 days, 9:05:03.000120", str(Arithmetic.sub(dt, datetime(2024L, 1L, 1L))));
        assertEquals("-5 days, 14:54:56.999880", str(Arithmetic.sub(datetime(2024L, 1L, 1L), dt)));
        assertEquals("2024-01-06 09:05:03.000120", str(Arithmetic.add(dt, timedelta("days", 1L))));
        assertEquals("2024-01-06 09:05:03.000120", str(Arithmetic.add(timedelta("days", 1L), dt)));
        assertEquals("2024-01-05 08:05:03.000120", str(Arithmetic.sub(dt, timedelta("hours", 1L))));
        assertEquals("2024-01-01", str(Arithmetic.sub(date(2024, 1, 2), timedelta("hours", 1L))));
        assertEquals("2024-01-03", str(Arithmetic.add(date(2024, 1, 2), timedelta("hours", 25L))));
        assertEquals("60 days, 0:00:00", str(Arithmetic.sub(date(2024, 3, 1), date(2024, 1, 1))));
        assertEquals("1:30:00", str(Arithmetic.add(timedelta("hours", 1L), timedelta("minutes", 30L))));
        assertEquals("-1 day, 22:00:00", str(Arithmetic.sub(timedelta("hours", 1L), timedelta("hours", 3L))));
        assertEquals("date value out of range",
                error(() -> Arithmetic.add(datetime(9999L, 12L, 31L), timedelta("days", 1L))));
        assertThrows(JinjaError.class, () -> Arithmetic.sub(timedelta("days", 1L), dt));
    }

    @Test
    void orderingAndEqualityFollowPythonsRules() {
        Object early = datetime(2024L, 1L, 1L);
        Object late = datetime(2024L, 1L, 2L);
        assertTrue(Py.compare(early, late, "<") < 0);
        assertTrue(Py.compare(timedelta("hours", 2L), timedelta("minutes", 30L), "<") > 0);
        assertTrue(Py.compare(date(2024, 1, 1), date(2023, 12, 31), "<") > 0);
        assertTrue(Py.eq(datetime(2024L, 1L, 1L), datetime(2024L, 1L, 1L)));
        Object aware = py.invokeKw(datetimeClass, args(2024L, 1L, 1L), "tzinfo", utc());
        assertFalse(Py.eq(early, aware));
        assertFalse(Py.eq(date(2024, 1, 1), early));
        assertEquals("can't compare offset-naive and offset-aware datetimes", error(() -> Py.compare(early, aware,
                "<")));
        assertEquals("can't compare datetime.datetime to datetime.date",
                error(() -> Py.compare(date(2024, 1, 1), early, "<")));
        assertEquals("can't compare datetime.datetime to datetime.date",
                error(() -> Py.compare(early, date(2024, 1, 1), "<")));
        assertEquals("can't subtract offset-naive and offset-aware datetimes",
                error(() -> Arithmetic.sub(early, aware)));
    }

    @Test
    void constructorsCheckTheirArgumentsAsPythonDoes() {
        assertEquals("day is out of range for month", error(() -> datetime(2024L, 2L, 30L)));
        assertEquals("month must be in 1..12", error(() -> datetime(2024L, 13L, 1L)));
        assertEquals("hour must be in 0..23", error(() -> datetime(2024L, 1L, 1L, 24L)));
        assertEquals("function missing required argument 'month' (pos 2)", error(() -> datetime(2024L)));
        assertEquals("'float' object cannot be interpreted as an integer", error(() -> datetime(2024.0, 1L, 1L)));
    }

    @Test
    void strptimeParsesAsPythonsStrptime() {
        assertEquals("2024-01-05 22:07:00+01:30", str(py.call(datetimeClass, "strptime",
                "5 jan 2024  10:07 pm +0130", "%d %b %Y %I:%M %p %z")));
        assertEquals("2024-01-01 00:00:00", str(py.call(datetimeClass, "strptime", "2024-001", "%Y-%j")));
        assertEquals("2024-01-05 00:00:00", str(py.call(datetimeClass, "strptime", "24/1/5", "%y/%m/%d")));
        assertEquals("1900-01-01 12:30:00", str(py.call(datetimeClass, "strptime", "12:30", "%H:%M")));
        assertEquals("2024-01-05 10:00:00.500000+00:00", str(py.call(datetimeClass, "strptime",
                "2024-01-05T10:00:00.5Z", "%Y-%m-%dT%H:%M:%S.%f%z")));
        assertEquals("time data '2024-13-01' does not match format '%Y-%m-%d'",
                error(() -> py.call(datetimeClass, "strptime", "2024-13-01", "%Y-%m-%d")));
        assertEquals("unconverted data remains: x",
                error(() -> py.call(datetimeClass, "strptime", "2024-01-01x", "%Y-%m-%d")));
        assertEquals("day is out of range for month",
                error(() -> py.call(datetimeClass, "strptime", "2023-02-30", "%Y-%m-%d")));
    }

    @Test
    void fromisoformatAcceptsWhatPython311Accepts() {
        String[][] cases = {
            {"2024-01-31", "2024-01-31 00:00:00"},
            {"2024-01-31T10:00", "2024-01-31 10:00:00"},
            {"2024-01-31 10:00:00.123", "2024-01-31 10:00:00.123000"},
            {"20240131T100000", "2024-01-31 10:00:00"},
            {"2024-01-31T10:00:00Z", "2024-01-31 10:00:00+00:00"},
            {"2024-01-31T10:00:00+05:30", "2024-01-31 10:00:00+05:30"},
            {"2024-01-31T10:00:00.1234567", "2024-01-31 10:00:00.123456"},
            {"2024-01-31T10", "2024-01-31 10:00:00"},
            {"2024-01-31T10:00:00-0800", "2024-01-31 10:00:00-08:00"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], str(py.call(datetimeClass, "fromisoformat", c[0])), c[0]);
        }
        assertEquals("Invalid isoformat string: '2024-1-31'",
                error(() -> py.call(datetimeClass, "fromisoformat", "2024-1-31")));
        assertEquals("hour must be in 0..23", error(() -> py.call(datetimeClass, "fromisoformat", "2024-01-31T25:00")));
    }

    @Test
    void datesTimesAndTheOtherClassMethods() {
        Object dateClass = py.attr(datetime, "date");
        assertEquals("2024-01-31", str(py.call(dateClass, "fromisoformat", "20240131")));
        Object d = date(2024, 1, 5);
        assertEquals("(2024, 1, 5)", str(py.call(d, "isocalendar")));
        assertEquals("Fri Jan  5 00:00:00 2024", py.call(d, "ctime"));
        assertEquals(738890L, py.call(d, "toordinal"));
        assertEquals("datetime.date(2024, 1, 5)", ((PyDate) d).repr());
        assertEquals("1970-01-01 00:00:00+00:00", str(py.call(datetimeClass, "fromtimestamp", 0L, utc())));
        assertEquals("1970-01-01 00:00:01.500000", str(py.call(datetimeClass, "utcfromtimestamp", 1.5)));
        Object dt = datetime(2024L, 1L, 5L, 9L, 5L, 3L, 120L);
        assertEquals("2024-01-05", str(py.call(dt, "date")));
        assertEquals("09:05:03.000120", str(py.call(dt, "time")));
        Object timeClass = py.attr(datetime, "time");
        assertEquals("10:05:00", str(py.invoke(timeClass, 10L, 5L)));
        assertEquals("10:05:00.000001", str(py.invoke(timeClass, 10L, 5L, 0L, 1L)));
        assertEquals("2024-01-01 01:02:00",
                str(py.call(datetimeClass, "combine", date(2024, 1, 1), py.invoke(timeClass, 1L, 2L))));
        assertEquals("<class 'datetime.datetime'>", str(datetimeClass));
        assertEquals("<class 'datetime.date'>", str(dateClass));
        Object tz2 = py.invoke(py.attr(datetime, "timezone"), timedelta("hours", 2L));
        assertEquals("UTC+02:00", str(tz2));
        assertEquals("datetime.timezone(datetime.timedelta(seconds=7200))", ((PyTzinfo) tz2).repr());
        assertEquals("datetime.timezone.utc",
                ((PyTzinfo) py.invoke(py.attr(datetime, "timezone"), timedelta())).repr());
        assertEquals("datetime.datetime(2024, 1, 5, 9, 5, 3, 120, tzinfo=datetime.timezone(datetime.timedelta("
                + "seconds=7200)))", ((PyDatetime) py.invokeKw(datetimeClass, args(2024L, 1L, 5L, 9L, 5L, 3L, 120L),
                "tzinfo", tz2)).repr());
    }

    @Test
    void runStartedAtIsUtcAndConvertsWithPytzZones() {
        Object runStartedAt = PyDatetime.of(ZonedDateTime.of(2024, 7, 1, 16, 0, 0, 123_456_789, ZoneOffset.UTC));
        assertEquals("2024-07-01 16:00:00.123456+00:00", str(runStartedAt));
        assertEquals("UTC", str(py.attr(runStartedAt, "tzinfo")));
        assertEquals("2024-07-01", py.call(runStartedAt, "strftime", "%Y-%m-%d"));

        Object pytz = py.attr(modules, "pytz");
        Object ny = py.call(pytz, "timezone", "America/New_York");
        assertEquals("America/New_York", str(ny));
        Object local = py.call(runStartedAt, "astimezone", ny);
        assertEquals("2024-07-01 12:00:00.123456-04:00", str(local));
        assertEquals("EDT -0400", py.call(local, "strftime", "%Z %z"));
        Object localized = py.call(ny, "localize", datetime(2024L, 1L, 1L, 12L));
        assertEquals("2024-01-01 12:00:00-05:00", str(localized));
        assertEquals("2024-02-29 19:00:00-05:00",
                str(py.call(py.invokeKw(datetimeClass, args(2024L, 3L, 1L), "tzinfo", utc()), "astimezone", ny)));
        assertEquals(py.attr(pytz, "utc"), py.call(pytz, "timezone", "utc"));
        assertEquals("UTC", str(py.attr(pytz, "utc")));
        assertTrue(error(() -> py.call(pytz, "timezone", "Mars/Olympus")).contains("'Mars/Olympus'"));
        assertEquals("2024-01-05 09:00:00+00:00",
                str(py.callKw(datetimeClass, "now", args(), "tz", py.attr(pytz, "utc")))
                        .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?", "2024-01-05 09:00:00"));
    }
}
