package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** C/Python strftime and strptime directives over java.time (C locale). */
final class Strftime {
    private Strftime() {
    }

    static String format(LocalDateTime t, PyDatetime zoned, String format) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                sb.append(c);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'Y' -> sb.append(String.format("%04d", t.getYear()));
                case 'y' -> sb.append(String.format("%02d", t.getYear() % 100));
                case 'm' -> sb.append(String.format("%02d", t.getMonthValue()));
                case 'd' -> sb.append(String.format("%02d", t.getDayOfMonth()));
                case 'H' -> sb.append(String.format("%02d", t.getHour()));
                case 'I' -> sb.append(String.format("%02d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'M' -> sb.append(String.format("%02d", t.getMinute()));
                case 'S' -> sb.append(String.format("%02d", t.getSecond()));
                case 'f' -> sb.append(String.format("%06d", t.getNano() / 1000));
                case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
                case 'j' -> sb.append(String.format("%03d", t.getDayOfYear()));
                case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b', 'h' -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'w' -> sb.append(t.getDayOfWeek().getValue() % 7);
                case 'u' -> sb.append(t.getDayOfWeek().getValue());
                case 'V' -> sb.append(String.format("%02d", t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
                case 'G' -> sb.append(t.get(IsoFields.WEEK_BASED_YEAR));
                case 'z' -> sb.append(zoned == null ? "" : zoned.offsetText(false));
                case 'Z' -> sb.append(zoned == null || zoned.offsetText(true).isEmpty() ? "" : "UTC");
                case 'F' -> sb.append(format(t, zoned, "%Y-%m-%d"));
                case 'T' -> sb.append(format(t, zoned, "%H:%M:%S"));
                case '%' -> sb.append('%');
                default -> sb.append('%').append(d);
            }
        }
        return sb.toString();
    }

    /** The common numeric directives of strptime: %Y %y %m %d %H %M %S %f %j, literals elsewhere. */
    static PyDatetime parse(String text, String format) {
        int[] f = {1900, 1, 1, 0, 0, 0, 0};
        int pos = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                char d = format.charAt(++i);
                int width = switch (d) {
                    case 'Y' -> 4;
                    case 'f' -> 6;
                    case 'j' -> 3;
                    case '%' -> 0;
                    default -> 2;
                };
                if (d == '%') {
                    pos = expect(text, pos, '%', format);
                    continue;
                }
                int start = pos;
                while (pos < text.length() && pos - start < width && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw mismatch(text, format);
                }
                int v = Integer.parseInt(text.substring(start, pos));
                switch (d) {
                    case 'Y' -> f[0] = v;
                    case 'y' -> f[0] = v < 69 ? 2000 + v : 1900 + v;
                    case 'm' -> f[1] = v;
                    case 'd' -> f[2] = v;
                    case 'H' -> f[3] = v;
                    case 'M' -> f[4] = v;
                    case 'S' -> f[5] = v;
                    case 'f' -> f[6] = v * (int) Math.pow(10, 6 - (pos - start));
                    case 'j' -> {
                        f[1] = 1;
                        f[2] = v;
                    }
                    default -> throw new MallardException(ErrorCode.JINJA, "strptime: unsupported directive %" + d);
                }
            } else {
                pos = expect(text, pos, c, format);
            }
        }
        if (pos != text.length()) {
            throw new MallardException(ErrorCode.JINJA, "ValueError: unconverted data remains: " + text.substring(pos));
        }
        LocalDateTime t = LocalDateTime.of(f[0], 1, 1, f[3], f[4], f[5], f[6] * 1000);
        if (format.contains("%j")) {
            t = t.with(ChronoField.DAY_OF_YEAR, f[2]);
        } else {
            t = t.withMonth(f[1]).withDayOfMonth(f[2]);
        }
        return PyDatetime.naive(t);
    }

    private static int expect(String text, int pos, char c, String format) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw mismatch(text, format);
        }
        return pos + 1;
    }

    private static MallardException mismatch(String text, String format) {
        return new MallardException(ErrorCode.JINJA,
                "ValueError: time data '" + text + "' does not match format '" + format + "'");
    }
}
