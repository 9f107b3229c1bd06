package dev.mallard.jinja.value;

import static dev.mallard.jinja.value.PyNumbers.big;
import static dev.mallard.jinja.value.PyNumbers.intLike;
import static dev.mallard.jinja.value.PyNumbers.normInt;
import static dev.mallard.jinja.value.PyNumbers.toDouble;
import static dev.mallard.jinja.value.PyNumbers.toLong;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Python's operators ({@code + - * / // % **}, unary {@code -} and {@code +}) over template
 * values, with Python's results and TypeError messages: ints never overflow, {@code %} on a
 * str formats, and a value that is {@link Operable} answers for its own type.
 */
public final class Arithmetic {
    private Arithmetic() {
    }


    private static JinjaError unsupported(String op, Object a, Object b) {
        if (a instanceof Undefined u) {
            return u.error();
        }
        if (b instanceof Undefined u) {
            return u.error();
        }
        if (op.equals("+") && a instanceof CharSequence) {
            return new JinjaError("can only concatenate str (not \"" + Py.typeName(b) + "\") to str");
        }
        if (op.equals("+") && a instanceof List<?> && !(a instanceof PyTuple)) {
            return new JinjaError("can only concatenate list (not \"" + Py.typeName(b) + "\") to list");
        }
        return new JinjaError("unsupported operand type(s) for " + op + ": '" + Py.typeName(a) + "' and '"
                + Py.typeName(b) + "'");
    }

    private static Object operable(String op, Object a, Object b) {
        if (a instanceof Operable o) {
            Object r = o.operate(op, b, false);
            if (r != Py.NOT_FOUND) {
                return r;
            }
        }
        if (b instanceof Operable o) {
            return o.operate(op, a, true);
        }
        return Py.NOT_FOUND;
    }

    public static Object add(Object a, Object b) {
        if (intLike(a) && intLike(b)) {
            if ((a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer)) {
                long x = ((Number) a).longValue();
                long y = ((Number) b).longValue();
                long r = x + y;
                if (((x ^ r) & (y ^ r)) >= 0) {
                    return r;
                }
            }
            return normInt(big(a).add(big(b)));
        }
        if (Py.isNumber(a) && Py.isNumber(b)) {
            return toDouble(a) + toDouble(b);
        }
        if (a instanceof Markup || b instanceof Markup) {
            if (a instanceof CharSequence && b instanceof CharSequence) {
                // markupsafe escapes the plain side
                return new Markup(Markup.escape(a).toString() + Markup.escape(b));
            }
        } else if (a instanceof CharSequence && b instanceof CharSequence) {
            return a.toString() + b;
        }
        if (a instanceof PyTuple ta && b instanceof PyTuple tb) {
            List<Object> out = new ArrayList<>(ta);
            out.addAll(tb);
            return PyTuple.copyOf(out);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && !(a instanceof PyTuple) && !(b instanceof PyTuple)) {
            List<Object> out = new ArrayList<>(la);
            out.addAll(lb);
            return out;
        }
        Object custom = operable("+", a, b);
        if (custom != Py.NOT_FOUND) {
            return custom;
        }
        throw unsupported("+", a, b);
    }

    public static Object sub(Object a, Object b) {
        if (intLike(a) && intLike(b)) {
            if ((a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer)) {
                long x = ((Number) a).longValue();
                long y = ((Number) b).longValue();
                long r = x - y;
                if (((x ^ y) & (x ^ r)) >= 0) {
                    return r;
                }
            }
            return normInt(big(a).subtract(big(b)));
        }
        if (Py.isNumber(a) && Py.isNumber(b)) {
            return toDouble(a) - toDouble(b);
        }
        if (a instanceof Set<?> sa && b instanceof Set<?> sb) {
            Set<Object> out = new java.util.LinkedHashSet<>(sa);
            out.removeAll(sb);
            return out;
        }
        Object custom = operable("-", a, b);
        if (custom != Py.NOT_FOUND) {
            return custom;
        }
        throw unsupported("-", a, b);
    }

    public static Object mul(Object a, Object b) {
        if (intLike(a) && intLike(b)) {
            if ((a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer)) {
                long x = ((Number) a).longValue();
                long y = ((Number) b).longValue();
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                    return lo;
                }
            }
            return normInt(big(a).multiply(big(b)));
        }
        if (Py.isNumber(a) && Py.isNumber(b)) {
            return toDouble(a) * toDouble(b);
        }
        if (a instanceof CharSequence s && intLike(b)) {
            String r = repeatString(s.toString(), toLong(b));
            return a instanceof Markup ? new Markup(r) : r;
        }
        if (b instanceof CharSequence s && intLike(a)) {
            String r = repeatString(s.toString(), toLong(a));
            return b instanceof Markup ? new Markup(r) : r;
        }
        if (a instanceof List<?> l && intLike(b)) {
            return repeatList(l, toLong(b));
        }
        if (b instanceof List<?> l && intLike(a)) {
            return repeatList(l, toLong(a));
        }
        throw unsupported("*", a, b);
    }

    private static String repeatString(String s, long n) {
        if (n <= 0 || s.isEmpty()) {
            return "";
        }
        if (n * s.length() > 100_000_000L) {
            throw new JinjaError("repeated string is too large");
        }
        return s.repeat((int) n);
    }

    private static Object repeatList(List<?> l, long n) {
        List<Object> out = new ArrayList<>();
        if (n * l.size() > 10_000_000L) {
            throw new JinjaError("repeated list is too large");
        }
        for (long i = 0; i < n; i++) {
            out.addAll(l);
        }
        return l instanceof PyTuple ? PyTuple.copyOf(out) : out;
    }

    public static Object truediv(Object a, Object b) {
        if (!Py.isNumber(a) || !Py.isNumber(b)) {
            throw unsupported("/", a, b);
        }
        if (intLike(a) && intLike(b)) {
            BigInteger x = big(a);
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw new JinjaError("division by zero");
            }
            if (x.bitLength() < 53 && y.bitLength() < 53) {
                return x.doubleValue() / y.doubleValue();
            }
            return new BigDecimal(x).divide(new BigDecimal(y), java.math.MathContext.DECIMAL128).doubleValue();
        }
        double y = toDouble(b);
        if (y == 0) {
            throw new JinjaError("float division by zero");
        }
        return toDouble(a) / y;
    }

    public static Object floordiv(Object a, Object b) {
        if (!Py.isNumber(a) || !Py.isNumber(b)) {
            throw unsupported("//", a, b);
        }
        if (intLike(a) && intLike(b)) {
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw new JinjaError("integer division or modulo by zero");
            }
            BigInteger[] qr = big(a).divideAndRemainder(y);
            BigInteger q = qr[0];
            if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                q = q.subtract(BigInteger.ONE);
            }
            return normInt(q);
        }
        double y = toDouble(b);
        if (y == 0) {
            throw new JinjaError("float floor division by zero");
        }
        return floatDivmod(toDouble(a), y)[0];
    }

    public static Object mod(Object a, Object b) {
        if (a instanceof Markup m) {
            return PercentFormat.formatMarkup(m.toString(), b);
        }
        if (a instanceof CharSequence s) {
            return PercentFormat.format(s.toString(), b);
        }
        if (!Py.isNumber(a) || !Py.isNumber(b)) {
            throw unsupported("%", a, b);
        }
        if (intLike(a) && intLike(b)) {
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw new JinjaError("integer modulo by zero");
            }
            BigInteger r = big(a).mod(y.abs());
            if (y.signum() < 0 && r.signum() != 0) {
                r = r.add(y);
            }
            return normInt(r);
        }
        double x = toDouble(a);
        double y = toDouble(b);
        if (y == 0) {
            throw new JinjaError("float modulo");
        }
        return floatDivmod(x, y)[1];
    }

    /** CPython's float divmod: the quotient snapped to an integer, zeros signed as Python signs them. */
    private static double[] floatDivmod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    public static Object pow(Object a, Object b) {
        if (!Py.isNumber(a) || !Py.isNumber(b)) {
            throw unsupported("** or pow()", a, b);
        }
        if (intLike(a) && intLike(b)) {
            BigInteger e = big(b);
            if (e.signum() >= 0) {
                if (e.bitLength() > 31 || (big(a).bitLength() * e.longValue() > 1_000_000L)) {
                    throw new JinjaError("exponent too large");
                }
                return normInt(big(a).pow(e.intValue()));
            }
            BigInteger base = big(a);
            if (base.signum() == 0) {
                throw new JinjaError("0.0 cannot be raised to a negative power");
            }
            return Math.pow(base.doubleValue(), e.doubleValue());
        }
        double x = toDouble(a);
        double y = toDouble(b);
        if (x == 0 && y < 0) {
            throw new JinjaError("0.0 cannot be raised to a negative power");
        }
        return Math.pow(x, y);
    }

    public static Object neg(Object a) {
        if (a instanceof Boolean b) {
            return b ? -1L : 0L;
        }
        if (a instanceof Long l && l != Long.MIN_VALUE) {
            return -l;
        }
        if (Py.isInt(a)) {
            return normInt(big(a).negate());
        }
        if (Py.isFloat(a)) {
            return -toDouble(a);
        }
        if (a instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError("bad operand type for unary -: '" + Py.typeName(a) + "'");
    }

    public static Object pos(Object a) {
        if (a instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (Py.isNumber(a)) {
            return a;
        }
        if (a instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaError("bad operand type for unary +: '" + Py.typeName(a) + "'");
    }
}
