package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Operable;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyTuple;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python {@code date}: prints as {@code 2024-01-31}; attributes, strftime, isoformat,
 * replace; {@code date ± timedelta}, {@code date - date} and ordering against other dates.
 */
record PyDate(LocalDate value) implements PyObject, Operable {
    /** {@code date.toordinal()} of 1970-01-01. */
    static final long EPOCH_ORDINAL = 719_163L;
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})|(\\d{4})(\\d{2})(\\d{2})");
    private static final Set<String> METHODS = Set.of("strftime", "isoformat", "weekday", "isoweekday",
            "isocalendar", "replace", "ctime", "toordinal");

    PyDate {
        if (value.getYear() < 1 || value.getYear() > 9999) {
            throw new JinjaError("date value out of range");
        }
    }

    static PyDate fromisoformat(String text) {
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            throw new JinjaError("Invalid isoformat string: " + Py.repr(text));
        }
        int g = m.group(1) != null ? 1 : 4;
        return new PyDate(DatetimeModule.date(Long.parseLong(m.group(g)), Long.parseLong(m.group(g + 1)),
                Long.parseLong(m.group(g + 2))));
    }

    static LocalDate fromOrdinal(long ordinal) {
        if (ordinal < 1 || ordinal > 3_652_059L) {
            throw new JinjaError("ordinal must be >= 1");
        }
        return LocalDate.ofEpochDay(ordinal - EPOCH_ORDINAL);
    }

    PyDate plus(PyTimedelta delta) {
        try {
            return new PyDate(value.plusDays(delta.days()));
        } catch (DateTimeException e) {
            throw DatetimeModule.outOfRange(e);
        }
    }

    static PyTuple isocalendar(LocalDate d) {
        return PyTuple.of((long) d.get(IsoFields.WEEK_BASED_YEAR), (long) d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                (long) d.getDayOfWeek().getValue());
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "year" -> (long) value.getYear();
            case "month" -> (long) value.getMonthValue();
            case "day" -> (long) value.getDayOfMonth();
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
            case "strftime" -> Strftime.format(value.atStartOfDay(), null, null,
                    DatetimeModule.str(a.require(0, "format", "strftime")));
            case "isoformat" -> toString();
            case "weekday" -> (long) value.getDayOfWeek().getValue() - 1;
            case "isoweekday" -> (long) value.getDayOfWeek().getValue();
            case "isocalendar" -> isocalendar(value);
            case "ctime" -> Strftime.format(value.atStartOfDay(), null, null, "%a %b %e %H:%M:%S %Y");
            case "toordinal" -> value.toEpochDay() + EPOCH_ORDINAL;
            case "replace" -> new PyDate(DatetimeModule.date(
                    DatetimeModule.integer(a.get(0, "year", (long) value.getYear())),
                    DatetimeModule.integer(a.get(1, "month", (long) value.getMonthValue())),
                    DatetimeModule.integer(a.get(2, "day", (long) value.getDayOfMonth()))));
            default -> MISSING;
        };
    }

    @Override
    public Object operate(String op, Object other, boolean reflected) {
        if (!(other instanceof PyTimedelta delta)) {
            if ("-".equals(op) && !reflected && other instanceof PyDate d) {
                return PyTimedelta.of(Args.of(d.value.until(value, ChronoUnit.DAYS)));
            }
            return Py.NOT_FOUND;
        }
        if ("+".equals(op)) {
            return plus(delta);
        }
        return "-".equals(op) && !reflected ? plus(delta.negated()) : Py.NOT_FOUND;
    }

    @Override
    public Integer compareWith(Object other) {
        if (other instanceof PyDate d) {
            return value.compareTo(d.value);
        }
        if (other instanceof PyDatetime) {
            throw new JinjaError("can't compare datetime.datetime to datetime.date");
        }
        return null;
    }

    @Override
    public String typeName() {
        return "date";
    }

    public String repr() {
        return "datetime.date(" + value.getYear() + ", " + value.getMonthValue() + ", " + value.getDayOfMonth() + ")";
    }

    @Override
    public String toString() {
        return String.format("%04d-%02d-%02d", value.getYear(), value.getMonthValue(), value.getDayOfMonth());
    }
}
