package dev.mallard.core.jinja;

import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * strftime and strptime as CPython on Linux has them (glibc directives in the C locale,
 * Python's own {@code %f}, {@code %z}, {@code %Z}; glibc's {@code -}, {@code _}, {@code 0} and
 * {@code ^} flags), over java.time.
 */
final class Strftime {
    private Strftime() {
    }

    /**
     * Formats a local time; {@code offset} and {@code tzname} are null for naive values
     * (then {@code %z} and {@code %Z} print nothing, as in Python).
     */
    static String format(LocalDateTime t, ZoneOffset offset, String tzname, String format) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                sb.append(c);
                continue;
            }
            int start = i;
            char flag = 0;
            char d = format.charAt(++i);
            if ((d == '-' || d == '_' || d == '0' || d == '^') && i + 1 < format.length()) {
                flag = d;
                d = format.charAt(++i);
            }
            String text = directive(t, offset, tzname, d, flag);
            sb.append(text == null ? format.substring(start, i + 1) : text);
        }
        return sb.toString();
    }

    private static String directive(LocalDateTime t, ZoneOffset offset, String tzname, char d, char flag) {
        int yday = t.getDayOfYear() - 1;
        int sundayBased = t.getDayOfWeek().getValue() % 7;
        String text = switch (d) {
            case 'Y' -> pad(t.getYear(), 1, flag, '0');
            case 'y' -> pad(t.getYear() % 100, 2, flag, '0');
            case 'C' -> pad(t.getYear() / 100, 2, flag, '0');
            case 'G' -> pad(t.get(IsoFields.WEEK_BASED_YEAR), 1, flag, '0');
            case 'g' -> pad(t.get(IsoFields.WEEK_BASED_YEAR) % 100, 2, flag, '0');
            case 'm' -> pad(t.getMonthValue(), 2, flag, '0');
            case 'd' -> pad(t.getDayOfMonth(), 2, flag, '0');
            case 'e' -> pad(t.getDayOfMonth(), 2, flag, ' ');
            case 'j' -> pad(t.getDayOfYear(), 3, flag, '0');
            case 'H' -> pad(t.getHour(), 2, flag, '0');
            case 'k' -> pad(t.getHour(), 2, flag, ' ');
            case 'I' -> pad(hour12(t), 2, flag, '0');
            case 'l' -> pad(hour12(t), 2, flag, ' ');
            case 'M' -> pad(t.getMinute(), 2, flag, '0');
            case 'S' -> pad(t.getSecond(), 2, flag, '0');
            case 'f' -> String.format("%06d", t.getNano() / 1000);
            case 'U' -> pad((yday + 7 - sundayBased) / 7, 2, flag, '0');
            case 'W' -> pad((yday + 7 - (sundayBased + 6) % 7) / 7, 2, flag, '0');
            case 'V' -> pad(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, flag, '0');
            case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
            case 'w' -> String.valueOf(sundayBased);
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'P' -> t.getHour() < 12 ? "am" : "pm";
            case 'z' -> offset == null ? "" : DatetimeModule.offsetText(offset, "");
            case 'Z' -> tzname == null ? "" : tzname;
            case 'c' -> format(t, offset, tzname, "%a %b %e %H:%M:%S %Y");
            case 'x', 'D' -> format(t, offset, tzname, "%m/%d/%y");
            case 'X', 'T' -> format(t, offset, tzname, "%H:%M:%S");
            case 'F' -> format(t, offset, tzname, "%Y-%m-%d");
            case 'R' -> format(t, offset, tzname, "%H:%M");
            case 'r' -> format(t, offset, tzname, "%I:%M:%S %p");
            case 's' -> String.valueOf(t.atZone(java.time.ZoneId.systemDefault()).toEpochSecond());
            case 'n' -> "\n";
            case 't' -> "\t";
            case '%' -> "%";
            default -> null;
        };
        return text != null && flag == '^' ? text.toUpperCase(Locale.ROOT) : text;
    }

    private static int hour12(LocalDateTime t) {
        return t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    }

    private static String pad(int value, int width, char flag, char dflt) {
        char fill = flag == '_' ? ' ' : flag == '0' ? '0' : dflt;
        String digits = String.valueOf(value);
        if (flag == '-' || digits.length() >= width) {
            return digits;
        }
        return String.valueOf(fill).repeat(width - digits.length()) + digits;
    }

    // ---- strptime ----

    /** Python's {@code datetime.strptime}: the format becomes a regular expression, as _strptime does. */
    static PyDatetime parse(String text, String format) {
        List<Character> order = new ArrayList<>();
        Pattern pattern = Pattern.compile(regex(format, order), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher m = pattern.matcher(text);
        if (!m.lookingAt()) {
            throw new JinjaError("time data " + Py.repr(text) + " does not match format " + Py.repr(format));
        }
        if (m.end() != text.length()) {
            throw new JinjaError("unconverted data remains: " + text.substring(m.end()));
        }
        long year = 1900;
        long month = 1;
        long day = 1;
        long hour = 0;
        long minute = 0;
        long second = 0;
        long micro = 0;
        long julian = -1;
        ZoneOffset offset = null;
        String ampm = "";
        long hour12 = -1;
        for (int g = 0; g < order.size(); g++) {
            String v = m.group(g + 1);
            switch (order.get(g)) {
                case 'Y' -> year = Long.parseLong(v);
                case 'y' -> {
                    long y = Long.parseLong(v);
                    year = y <= 68 ? 2000 + y : 1900 + y;
                }
                case 'm' -> month = Long.parseLong(v);
                case 'b', 'B' -> month = monthNumber(v);
                case 'd' -> day = Long.parseLong(v.trim());
                case 'H' -> hour = Long.parseLong(v);
                case 'I' -> hour12 = Long.parseLong(v);
                case 'M' -> minute = Long.parseLong(v);
                case 'S' -> second = Long.parseLong(v);
                case 'f' -> micro = Long.parseLong((v + "00000").substring(0, 6));
                case 'j' -> julian = Long.parseLong(v);
                case 'p' -> ampm = v.toLowerCase(Locale.ROOT);
                case 'z' -> offset = v.equalsIgnoreCase("Z") ? ZoneOffset.UTC : PyDatetime.parseOffset(v);
                default -> {
                    // weekday names and numbers, week numbers and %Z are checked but not used
                }
            }
        }
        if (hour12 >= 0) {
            // as _strptime: 12 is midnight unless %p says pm
            hour = ampm.equals("pm") ? (hour12 == 12 ? 12 : hour12 + 12) : (hour12 == 12 ? 0 : hour12);
        }
        java.time.LocalDate date = julian > 0
                ? java.time.LocalDate.of((int) year, 1, 1).plusDays(julian - 1)
                : DatetimeModule.date(year, month, day);
        LocalDateTime local = LocalDateTime.of(date, DatetimeModule.time(hour, minute, second, micro));
        if (offset == null) {
            return PyDatetime.naive(local);
        }
        return new PyDatetime(local, offset.getTotalSeconds() == 0 ? DatetimeModule.UTC
                : new PyTzinfo(offset, null, false));
    }

    private static String regex(String format, List<Character> order) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (Character.isWhitespace(c)) {
                while (i + 1 < format.length() && Character.isWhitespace(format.charAt(i + 1))) {
                    i++;
                }
                sb.append("\\s+");
                continue;
            }
            if (c != '%') {
                sb.append(Pattern.quote(String.valueOf(c)));
                continue;
            }
            if (i + 1 >= format.length()) {
                throw new JinjaError("stray % in format " + Py.repr(format));
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'c' -> sb.append(regex("%a %b %d %H:%M:%S %Y", order));
                case 'x' -> sb.append(regex("%m/%d/%y", order));
                case 'X' -> sb.append(regex("%H:%M:%S", order));
                case '%' -> sb.append('%');
                default -> {
                    String r = directiveRegex(d);
                    if (r == null) {
                        throw new JinjaError(Py.repr(String.valueOf(d)) + " is a bad directive in format "
                                + Py.repr(format));
                    }
                    order.add(d);
                    sb.append('(').append(r).append(')');
                }
            }
        }
        return sb.toString();
    }

    private static String directiveRegex(char d) {
        return switch (d) {
            case 'd' -> "3[01]|[12]\\d|0[1-9]|[1-9]| [1-9]";
            case 'f' -> "[0-9]{1,6}";
            case 'H' -> "2[0-3]|[0-1]\\d|\\d";
            case 'I' -> "1[0-2]|0[1-9]|[1-9]";
            case 'G', 'Y' -> "\\d\\d\\d\\d";
            case 'j' -> "36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9]";
            case 'm' -> "1[0-2]|0[1-9]|[1-9]";
            case 'M' -> "[0-5]\\d|\\d";
            case 'S' -> "6[0-1]|[0-5]\\d|\\d";
            case 'U', 'W' -> "5[0-3]|[0-4]\\d|\\d";
            case 'w' -> "[0-6]";
            case 'u' -> "[1-7]";
            case 'V' -> "5[0-3]|0[1-9]|[1-4]\\d|\\d";
            case 'y' -> "\\d\\d";
            case 'z' -> "[+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|(?-i:Z)";
            case 'Z' -> "utc|gmt|[a-z]{3,5}";
            case 'p' -> "am|pm";
            case 'a' -> names(DayOfWeek.values(), TextStyle.SHORT);
            case 'A' -> names(DayOfWeek.values(), TextStyle.FULL);
            case 'b' -> names(Month.values(), TextStyle.SHORT);
            case 'B' -> names(Month.values(), TextStyle.FULL);
            default -> null;
        };
    }

    private static String names(java.time.temporal.TemporalAccessor[] values, TextStyle style) {
        List<String> names = new ArrayList<>();
        for (java.time.temporal.TemporalAccessor v : values) {
            names.add(v instanceof Month m ? m.getDisplayName(style, Locale.ENGLISH)
                    : ((DayOfWeek) v).getDisplayName(style, Locale.ENGLISH));
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        return String.join("|", names);
    }

    private static long monthNumber(String name) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(name)
                    || month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equalsIgnoreCase(name)) {
                return month.getValue();
            }
        }
        throw new JinjaError("unknown month name " + Py.repr(name));
    }
}
