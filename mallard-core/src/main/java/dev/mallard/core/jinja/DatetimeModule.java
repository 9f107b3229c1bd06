package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Python's {@code datetime} module as far as dbt projects use it: {@code datetime.now()},
 * {@code utcnow()}, {@code strptime}, {@code fromisoformat}, {@code date.today()},
 * {@code timedelta(...)}, {@code timezone.utc}, and the constructors.
 */
final class DatetimeModule implements PyObject {
    private static final PyObject UTC = new PyObject() {
        @Override
        public String toString() {
            return "UTC";
        }
    };

    private static final PyObject DATETIME_CLASS = new PyObject() {
        @Override
        public Object call(String method, DbtFunctions.Args a) {
            return switch (method) {
                case "now" -> a.get(0, "tz") == null ? PyDatetime.naive(LocalDateTime.now())
                        : PyDatetime.of(ZonedDateTime.now(ZoneOffset.UTC));
                case "utcnow" -> PyDatetime.naive(LocalDateTime.now(ZoneOffset.UTC));
                case "today" -> PyDatetime.naive(LocalDateTime.now());
                case "strptime" -> PyDatetime.strptime(String.valueOf(a.get(0, "date_string")),
                        String.valueOf(a.get(1, "format")));
                case "fromisoformat" -> PyDatetime.fromisoformat(String.valueOf(a.get(0, "date_string")));
                case "combine" -> PyDatetime.naive(((PyDate) a.get(0, "date")).value().atStartOfDay());
                default -> MISSING;
            };
        }
    };

    private static final PyObject DATE_CLASS = new PyObject() {
        @Override
        public Object call(String method, DbtFunctions.Args a) {
            return switch (method) {
                case "today" -> new PyDate(LocalDate.now());
                case "fromisoformat" -> new PyDate(LocalDate.parse(String.valueOf(a.get(0, "date_string"))));
                default -> MISSING;
            };
        }
    };

    private static final PyObject TIMEZONE_CLASS = new PyObject() {
        @Override
        public Object attribute(String name) {
            return "utc".equals(name) ? UTC : MISSING;
        }
    };

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "datetime" -> DATETIME_CLASS;
            case "date" -> DATE_CLASS;
            case "timezone" -> TIMEZONE_CLASS;
            default -> MISSING;
        };
    }

    @Override
    public Object call(String method, DbtFunctions.Args a) {
        return switch (method) {
            case "datetime" -> {
                LocalDateTime dt = LocalDateTime.of(i(a, 0, "year", -1), i(a, 1, "month", -1), i(a, 2, "day", -1),
                        i(a, 3, "hour", 0), i(a, 4, "minute", 0), i(a, 5, "second", 0), i(a, 6, "microsecond", 0) * 1000);
                yield a.get(7, "tzinfo") == null ? PyDatetime.naive(dt) : PyDatetime.of(dt.atZone(ZoneOffset.UTC));
            }
            case "date" -> new PyDate(LocalDate.of(i(a, 0, "year", -1), i(a, 1, "month", -1), i(a, 2, "day", -1)));
            case "timedelta" -> new PyTimedelta(Duration.ofNanos(Math.round(
                    (d(a, 0, "days") * 86400 + d(a, 1, "seconds") + d(a, 2, "microseconds") / 1e6
                            + d(a, 3, "milliseconds") / 1e3 + d(a, 4, "minutes") * 60 + d(a, 5, "hours") * 3600
                            + d(a, 6, "weeks") * 604800) * 1e9)));
            default -> MISSING;
        };
    }

    private static int i(DbtFunctions.Args a, int index, String name, int dflt) {
        Object v = a.get(index, name);
        if (v == null) {
            if (dflt < 0) {
                throw new MallardException(ErrorCode.JINJA, "datetime: missing argument '" + name + "'");
            }
            return dflt;
        }
        return (int) PyTypes.toLong(v);
    }

    private static double d(DbtFunctions.Args a, int index, String name) {
        Object v = a.get(index, name);
        return v == null ? 0 : PyTypes.toDouble(v);
    }
}
