package dev.mallard.jinja.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's float-to-text conversions: {@code repr(float)}, and for {@code %f %e %g} and the
 * format-spec types {@code f e g} correctly rounded (half to even on the exact binary value)
 * text of the magnitude only, to which callers add the sign.
 */
public final class NumberText {
    private NumberText() {
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code abs} (and of
     * those, the nearest), as Python's repr chooses. JDK 17's Double.toString sometimes gives
     * more digits than needed (4.9E-324 for 5e-324), but never too few, so the search starts
     * there and tries shorter.
     */
    static BigDecimal shortestDecimal(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        int n = new BigDecimal(Double.toString(abs)).stripTrailingZeros().precision();
        BigDecimal best = null;
        for (int p = n; best == null && p <= 17; p++) {
            best = roundTripping(exact, abs, p);
        }
        if (best == null) {
            best = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        }
        for (int p = best.precision() - 1; p >= 1; p--) {
            // if some p-digit decimal reads back, so does one of every longer length: stop at the first miss
            BigDecimal shorter = roundTripping(exact, abs, p);
            if (shorter == null) {
                break;
            }
            best = shorter;
        }
        return best.stripTrailingZeros();
    }

    /** The nearest p-digit decimal that reads back as {@code abs}, or null. */
    private static BigDecimal roundTripping(BigDecimal exact, double abs, int p) {
        // the nearest can miss where the gap below a power of two is narrower; then a neighbour may not
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP}) {
            BigDecimal candidate = exact.round(new MathContext(p, mode));
            if (candidate.doubleValue() == abs) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether the value carries a minus sign (including -0.0). */
    static boolean negative(double d) {
        return d < 0 || (d == 0 && 1 / d < 0);
    }

    /** Text for nan and infinities, or null for finite values. */
    static String special(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        return Double.isInfinite(d) ? "inf" : null;
    }

    /** {@code %.{precision}f} of |d|. */
    static String fixed(double d, int precision) {
        return new BigDecimal(Math.abs(d)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code %.{precision}e} of |d|, exponent with at least two digits. */
    static String exponent(double d, int precision) {
        double abs = Math.abs(d);
        String digits;
        int exp;
        if (abs == 0) {
            digits = "0";
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(abs).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = r.unscaledValue().toString();
            exp = digits.length() - 1 - r.scale();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(digits.charAt(0));
        if (precision > 0) {
            sb.append('.');
            String rest = digits.substring(1);
            sb.append(rest.length() > precision ? rest.substring(0, precision) : rest);
            sb.append("0".repeat(Math.max(0, precision - rest.length())));
        }
        return sb.append(exponentSuffix(exp)).toString();
    }

    private static String exponentSuffix(int exp) {
        return "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /**
     * {@code %.{precision}g} of |d|: fixed notation when the decimal exponent is in
     * [-4, precision), else exponent notation; trailing zeros dropped unless {@code alternate}.
     * {@code addDotZero} is the format-spec rule for no type with a precision.
     */
    static String general(double d, int precision, boolean alternate, boolean addDotZero) {
        int p = precision == 0 ? 1 : precision;
        double abs = Math.abs(d);
        int exp = 0;
        if (abs != 0) {
            BigDecimal r = new BigDecimal(abs).round(new MathContext(p, RoundingMode.HALF_EVEN));
            exp = r.precision() - 1 - r.scale();
        }
        String s;
        // with addDotZero Python switches to exponent notation one digit earlier
        boolean exponential = exp < -4 || exp >= (addDotZero ? p - 1 : p);
        if (exponential) {
            s = exponent(abs, p - 1);
        } else {
            s = fixed(abs, p - 1 - exp);
        }
        if (!alternate) {
            s = stripZeros(s);
        } else if (s.indexOf('.') < 0) {
            int e = s.indexOf('e');
            s = e < 0 ? s + "." : s.substring(0, e) + "." + s.substring(e);
        }
        if (addDotZero && s.indexOf('.') < 0 && s.indexOf('e') < 0) {
            s += ".0";
        }
        return s;
    }

    private static String stripZeros(String s) {
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String suffix = e < 0 ? "" : s.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            int end = mantissa.length();
            while (mantissa.charAt(end - 1) == '0') {
                end--;
            }
            if (mantissa.charAt(end - 1) == '.') {
                end--;
            }
            mantissa = mantissa.substring(0, end);
        }
        return mantissa + suffix;
    }

    /** Python's repr of a float: the shortest text that reads back, with Python's exponent rules. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = shortestDecimal(Math.abs(d));
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        if (exp < 0) {
            return sign + "0." + "0".repeat(-exp - 1) + digits;
        }
        if (digits.length() <= exp + 1) {
            return sign + digits + "0".repeat(exp + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
    }
}
