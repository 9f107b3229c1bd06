package dev.mallard.core.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A cron expression in a time zone, parsed and stepped by Quartz's {@link CronExpression}.
 *
 * <p>Five fields ({@code minute hour day-of-month month day-of-week}) read as Unix cron:
 * seconds are 0, day-of-week 0 or 7 is Sunday, and a {@code *} in day-of-month or
 * day-of-week becomes Quartz's {@code ?}. Six or seven fields are Quartz's own syntax
 * (seconds first, day-of-week 1 = Sunday, optional year); there too a {@code *} in both day
 * fields is taken as "every day". Unix cron's "day-of-month OR day-of-week" when both are
 * restricted has no Quartz form and is refused.
 *
 * <p>Fire times follow the zone's wall clock, with Quartz's rules at daylight-saving changes
 * (pinned by CronScheduleTest): a wall time that does not exist on the spring-forward day
 * (02:30 in Berlin) does not fire that day, and a wall time that happens twice on the
 * fall-back day fires once, at its second (standard time) occurrence.
 */
public final class CronSchedule {
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

    private final String text;
    private final ZoneId zone;
    private final CronExpression quartz;

    private CronSchedule(String text, ZoneId zone, CronExpression quartz) {
        this.text = text;
        this.zone = zone;
        this.quartz = quartz;
    }

    /** Parses {@code cron} for {@code zone}; IllegalArgumentException with the reason when it is not valid. */
    public static CronSchedule parse(String cron, ZoneId zone) {
        String quartzText = toQuartz(cron);
        try {
            CronExpression expression = new CronExpression(quartzText);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            return new CronSchedule(cron.trim(), zone, expression);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid cron '" + cron + "': " + e.getMessage());
        }
    }

    static String toQuartz(String cron) {
        String[] f = cron.trim().split("\\s+");
        if (f.length == 5) {
            String dow = f[4].toUpperCase(Locale.ROOT);
            // Unix numbers 0-7 for days (0 and 7: Sunday) as names; a number after '/' is a step
            StringBuilder named = new StringBuilder();
            var m = java.util.regex.Pattern.compile("(?<![/0-9])([0-9]+)").matcher(dow);
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (n > 7) {
                    throw new IllegalArgumentException("invalid cron '" + cron + "': day-of-week " + n + " is not 0-7");
                }
                m.appendReplacement(named, DAYS[n]);
            }
            m.appendTail(named);
            f = new String[] {"0", f[0], f[1], f[2], f[3], named.toString()};
        } else if (f.length != 6 && f.length != 7) {
            throw new IllegalArgumentException("invalid cron '" + cron + "': expected 5 fields (minute hour day month "
                    + "weekday) or 6-7 with seconds first, found " + f.length);
        }
        boolean anyDom = f[3].equals("*") || f[3].equals("?");
        boolean anyDow = f[5].equals("*") || f[5].equals("?");
        if (anyDow) {
            f[5] = "?";
        } else if (anyDom) {
            f[3] = "?";
        } else {
            throw new IllegalArgumentException("invalid cron '" + cron + "': a day of the month and a day of the week "
                    + "both restricted is not supported; restrict one and leave the other '*'");
        }
        return String.join(" ", f);
    }

    /** The first fire time strictly after {@code after}, or null when there is none (a past year). */
    public Instant nextAfter(Instant after) {
        Date next = quartz.getNextValidTimeAfter(Date.from(after));
        return next == null ? null : next.toInstant();
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return text + " (" + zone + ")";
    }
}
