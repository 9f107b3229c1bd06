package dev.mallard.jinja.value;

import java.math.BigInteger;

/**
 * Python's int and float as the Java numbers templates hold them: an int is a {@link Long}
 * until it needs a {@link BigInteger}, a bool counts as the int 0 or 1.
 */
public final class PyNumbers {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PyNumbers() {
    }

    /** An int value as the smallest Java type that holds it. */
    public static Object normInt(BigInteger v) {
        return v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0 ? (Object) v.longValue() : v;
    }

    public static BigInteger big(Object v) {
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        return BigInteger.valueOf(((Number) v).longValue());
    }

    /** An int or bool as a long; BigInteger values that do not fit are an OverflowError. */
    public static long toLong(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof BigInteger b) {
            if (b.bitLength() > 63) {
                throw new JinjaError("Python int too large to convert to C ssize_t");
            }
            return b.longValue();
        }
        if (Py.isInt(v)) {
            return ((Number) v).longValue();
        }
        throw new JinjaError("'" + Py.typeName(v) + "' object cannot be interpreted as an integer");
    }

    public static double toDouble(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new JinjaError("must be real number, not " + Py.typeName(v));
    }

    /** An int or a bool: the values Python does int arithmetic on. */
    static boolean intLike(Object v) {
        return Py.isInt(v) || v instanceof Boolean;
    }
}
