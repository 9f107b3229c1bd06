package dev.mallard.jinja.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Python's int and float methods and attributes ({@code (255).bit_length()}, {@code x.real}). */
final class NumberMethods {
    private NumberMethods() {
    }

    static Object lookup(Object self, String name) {
        if (self instanceof Boolean || Py.isInt(self)) {
            BigInteger v = PyNumbers.big(self);
            Object value = PyNumbers.normInt(v);
            return switch (name) {
                case "real", "numerator" -> value;
                case "imag" -> 0L;
                case "denominator" -> 1L;
                case "bit_length" -> Methods.bind(self, name, 0, (site, a) -> (long) v.abs().bitLength());
                case "bit_count" -> Methods.bind(self, name, 0, (site, a) -> (long) v.abs().bitCount());
                case "conjugate" -> Methods.bind(self, name, 0, (site, a) -> value);
                case "as_integer_ratio" -> Methods.bind(self, name, 0, (site, a) -> PyTuple.of(value, 1L));
                default -> Py.NOT_FOUND;
            };
        }
        double d = PyNumbers.toDouble(self);
        return switch (name) {
            case "real" -> self;
            case "imag" -> 0.0;
            case "is_integer" -> Methods.bind(self, name, 0, (site, a) ->
                    !Double.isInfinite(d) && !Double.isNaN(d) && d == Math.rint(d));
            case "conjugate" -> Methods.bind(self, name, 0, (site, a) -> self);
            case "as_integer_ratio" -> Methods.bind(self, name, 0, (site, a) -> ratio(d));
            case "hex" -> Methods.bind(self, name, 0, (site, a) -> hex(d));
            default -> Py.NOT_FOUND;
        };
    }

    private static PyTuple ratio(double d) {
        if (Double.isNaN(d)) {
            throw new JinjaError("cannot convert NaN to integer ratio");
        }
        if (Double.isInfinite(d)) {
            throw new JinjaError("cannot convert Infinity to integer ratio");
        }
        BigDecimal exact = new BigDecimal(d);
        BigInteger numerator = exact.unscaledValue();
        BigInteger denominator = BigInteger.ONE;
        if (exact.scale() > 0) {
            denominator = BigInteger.TEN.pow(exact.scale());
        } else {
            numerator = numerator.multiply(BigInteger.TEN.pow(-exact.scale()));
        }
        BigInteger gcd = numerator.gcd(denominator);
        return PyTuple.of(PyNumbers.normInt(numerator.divide(gcd)), PyNumbers.normInt(denominator.divide(gcd)));
    }

    /** Python's float.hex: {@code 0x1.8000000000000p+0}. */
    static String hex(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        long bits = Double.doubleToRawLongBits(d);
        String sign = bits < 0 ? "-" : "";
        int exponent = (int) ((bits >>> 52) & 0x7ff);
        long mantissa = bits & 0xfffffffffffffL;
        if (exponent == 0 && mantissa == 0) {
            return sign + "0x0.0p+0";
        }
        String digits = String.format("%013x", mantissa);
        int exp = exponent == 0 ? -1022 : exponent - 1023;
        return sign + "0x" + (exponent == 0 ? "0" : "1") + "." + digits + "p" + (exp >= 0 ? "+" : "") + exp;
    }
}
