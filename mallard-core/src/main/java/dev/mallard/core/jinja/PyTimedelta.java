package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.NumberText;
import dev.mallard.jinja.value.Operable;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.Undefined;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * A Python {@code timedelta}: microsecond resolution, normalised to days, seconds (0..86399)
 * and microseconds; prints as Python does ({@code -1 day, 23:00:00}); adds to and subtracts
 * from other timedeltas, dates and datetimes.
 */
record PyTimedelta(Duration value) implements PyObject, Operable {
    private static final long MAX_DAYS = 999_999_999L;
    private static final BigInteger MICROS_PER_SECOND = BigInteger.valueOf(1_000_000L);
    private static final Set<String> METHODS = Set.of("total_seconds");

    PyTimedelta {
        value = value.truncatedTo(ChronoUnit.MICROS);
        long days = Math.floorDiv(value.getSeconds(), 86400);
        if (days > MAX_DAYS || days < -MAX_DAYS) {
            throw new JinjaError("days=" + days + "; must have magnitude <= " + MAX_DAYS);
        }
    }

    static PyTimedelta ofMicros(long micros) {
        return new PyTimedelta(Duration.of(micros, ChronoUnit.MICROS));
    }

    /**
     * Python's constructor: {@code timedelta(days, seconds, microseconds, milliseconds, minutes,
     * hours, weeks)}, any of them int or float, summed exactly and rounded half-even to a microsecond.
     */
    static PyTimedelta of(Args a) {
        String[] names = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
        long[] micros = {86_400_000_000L, 1_000_000L, 1L, 1_000L, 60_000_000L, 3_600_000_000L, 604_800_000_000L};
        if (a.size() > names.length) {
            throw new JinjaError("timedelta() takes at most 7 arguments (" + a.size() + " given)");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < names.length; i++) {
            Object v = a.get(i, names[i], 0L);
            BigDecimal n;
            if (Py.isInt(v) || v instanceof Boolean) {
                n = new BigDecimal(PyNumbers.big(v));
            } else if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new JinjaError("cannot convert float " + NumberText.floatRepr(d) + " to integer");
                }
                n = new BigDecimal(d);
            } else if (v instanceof BigDecimal b) {
                n = b;
            } else if (v instanceof Undefined u) {
                throw u.error();
            } else {
                throw new JinjaError("unsupported type for timedelta " + names[i] + " component: " + Py.typeName(v));
            }
            total = total.add(n.multiply(BigDecimal.valueOf(micros[i])));
        }
        BigInteger rounded = total.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        BigInteger[] secondsAndMicros = rounded.divideAndRemainder(MICROS_PER_SECOND);
        BigInteger seconds = secondsAndMicros[0];
        long micro = secondsAndMicros[1].longValue();
        if (micro < 0) {
            seconds = seconds.subtract(BigInteger.ONE);
            micro += 1_000_000L;
        }
        BigInteger day = BigInteger.valueOf(86400);
        BigInteger days = seconds.subtract(seconds.mod(day)).divide(day);
        if (days.abs().compareTo(BigInteger.valueOf(MAX_DAYS)) > 0) {
            throw new JinjaError("days=" + days + "; must have magnitude <= " + MAX_DAYS);
        }
        return new PyTimedelta(Duration.ofSeconds(seconds.longValueExact(), micro * 1000));
    }

    long days() {
        return Math.floorDiv(value.getSeconds(), 86400);
    }

    long secondsOfDay() {
        return Math.floorMod(value.getSeconds(), 86400);
    }

    long microsOfSecond() {
        return value.getNano() / 1000;
    }

    PyTimedelta negated() {
        return new PyTimedelta(value.negated());
    }

    double totalSeconds() {
        return value.getSeconds() + microsOfSecond() / 1e6;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "days" -> days();
            case "seconds" -> secondsOfDay();
            case "microseconds" -> microsOfSecond();
            default -> MISSING;
        };
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args a) {
        return "total_seconds".equals(method) ? totalSeconds() : MISSING;
    }

    @Override
    public Object operate(String op, Object other, boolean reflected) {
        if ("+".equals(op)) {
            if (other instanceof PyTimedelta d) {
                return new PyTimedelta(value.plus(d.value));
            }
            if (other instanceof PyDatetime dt) {
                return dt.plus(this);
            }
            if (other instanceof PyDate date) {
                return date.plus(this);
            }
        } else if ("-".equals(op) && other instanceof PyTimedelta d) {
            return new PyTimedelta(reflected ? d.value.minus(value) : value.minus(d.value));
        }
        return Py.NOT_FOUND;
    }

    @Override
    public Integer compareWith(Object other) {
        return other instanceof PyTimedelta d ? value.compareTo(d.value) : null;
    }

    @Override
    public String typeName() {
        return "timedelta";
    }

    /** {@code datetime.timedelta(days=-1, seconds=68400)}. */
    public String repr() {
        StringBuilder sb = new StringBuilder("datetime.timedelta(");
        String sep = "";
        if (days() != 0) {
            sb.append("days=").append(days());
            sep = ", ";
        }
        if (secondsOfDay() != 0) {
            sb.append(sep).append("seconds=").append(secondsOfDay());
            sep = ", ";
        }
        if (microsOfSecond() != 0) {
            sb.append(sep).append("microseconds=").append(microsOfSecond());
            sep = ", ";
        }
        return sb.append(sep.isEmpty() ? "0" : "").append(')').toString();
    }

    @Override
    public String toString() {
        long s = secondsOfDay();
        String time = String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
        if (microsOfSecond() != 0) {
            time += String.format(".%06d", microsOfSecond());
        }
        long d = days();
        return d == 0 ? time : d + (Math.abs(d) == 1 ? " day, " : " days, ") + time;
    }
}
