package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.time.LocalDate;

/** A Python {@code date}: prints as {@code 2024-01-31}; strftime, isoformat, attributes, arithmetic. */
record PyDate(LocalDate value) implements PyObject, Comparable<Object> {

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "year" -> value.getYear();
            case "month" -> value.getMonthValue();
            case "day" -> value.getDayOfMonth();
            default -> MISSING;
        };
    }

    @Override
    public Object call(String method, DbtFunctions.Args a) {
        return switch (method) {
            case "strftime" -> Strftime.format(value.atStartOfDay(), null, String.valueOf(a.get(0, "format")));
            case "isoformat" -> toString();
            case "weekday" -> value.getDayOfWeek().getValue() - 1;
            case "isoweekday" -> value.getDayOfWeek().getValue();
            case "replace" -> new PyDate(LocalDate.of(
                    (int) PyTypes.toLong(a.named().getOrDefault("year", value.getYear())),
                    (int) PyTypes.toLong(a.named().getOrDefault("month", value.getMonthValue())),
                    (int) PyTypes.toLong(a.named().getOrDefault("day", value.getDayOfMonth()))));
            default -> MISSING;
        };
    }

    @Override
    public int compareTo(Object o) {
        if (o instanceof PyDate other) {
            return value.compareTo(other.value);
        }
        throw new MallardException(ErrorCode.JINJA, "TypeError: cannot compare date to " + PyStr.repr(o));
    }

    @Override
    public String toString() {
        return String.format("%04d-%02d-%02d", value.getYear(), value.getMonthValue(), value.getDayOfMonth());
    }
}
