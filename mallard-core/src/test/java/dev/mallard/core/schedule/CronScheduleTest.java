package dev.mallard.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Next fire times of cron expressions in a zone, across daylight-saving changes. */
class CronScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static List<String> fires(String cron, ZoneId zone, String after, int n) {
        CronSchedule c = CronSchedule.parse(cron, zone);
        List<String> out = new ArrayList<>();
        Instant t = ZonedDateTime.parse(after).toInstant();
        for (int i = 0; i < n; i++) {
            t = c.nextAfter(t);
            out.add(ZonedDateTime.ofInstant(t, zone).toOffsetDateTime().toString());
        }
        return out;
    }

    @Test
    void dailyAtThreeKeepsTheWallClockAcrossSpringForwardAndFallBack() {
        // Berlin: 2026-03-29 02:00 CET -> 03:00 CEST; 2026-10-25 03:00 CEST -> 02:00 CET
        assertEquals(List.of("2026-03-28T03:00+01:00", "2026-03-29T03:00+02:00", "2026-03-30T03:00+02:00"),
                fires("0 3 * * *", BERLIN, "2026-03-27T12:00+01:00[Europe/Berlin]", 3));
        assertEquals(List.of("2026-10-24T03:00+02:00", "2026-10-25T03:00+01:00", "2026-10-26T03:00+01:00"),
                fires("0 3 * * *", BERLIN, "2026-10-23T12:00+02:00[Europe/Berlin]", 3));
    }

    @Test
    void aTimeInTheSpringForwardGapAndTheRepeatedHour() {
        // 02:30 does not exist on 2026-03-29 in Berlin: Quartz skips that day (Vixie cron would run at 03:00)
        assertEquals(List.of("2026-03-28T02:30+01:00", "2026-03-30T02:30+02:00"),
                fires("30 2 * * *", BERLIN, "2026-03-27T12:00+01:00[Europe/Berlin]", 2));
        // 02:30 happens twice on 2026-10-25: one run, at the second (standard time) 02:30
        assertEquals(List.of("2026-10-24T02:30+02:00", "2026-10-25T02:30+01:00", "2026-10-26T02:30+01:00"),
                fires("30 2 * * *", BERLIN, "2026-10-23T12:00+02:00[Europe/Berlin]", 3));
    }

    @Test
    void hourlyRunsSkipTheMissingHourAndRunTheRepeatedOneOnce() {
        List<String> spring = fires("0 * * * *", BERLIN, "2026-03-29T00:30+01:00[Europe/Berlin]", 3);
        assertEquals(List.of("2026-03-29T01:00+01:00", "2026-03-29T03:00+02:00", "2026-03-29T04:00+02:00"), spring);
        // the repeated 02:00 fires once, in standard time: that long day has 24 hourly runs, not 25
        List<String> fall = fires("0 * * * *", BERLIN, "2026-10-25T01:30+02:00[Europe/Berlin]", 3);
        assertEquals(List.of("2026-10-25T02:00+01:00", "2026-10-25T03:00+01:00", "2026-10-25T04:00+01:00"), fall);
    }

    @Test
    void unixDayOfWeekNumbersAndQuartzSeconds() {
        // 2026-12-07 is a Monday; Unix 1-5 is Monday to Friday, 0 and 7 Sunday
        assertEquals(List.of("2026-12-07T09:00Z", "2026-12-08T09:00Z"),
                fires("0 9 * * 1-5", ZoneId.of("UTC"), "2026-12-05T00:00Z[UTC]", 2));
        assertEquals(List.of("2026-12-06T09:00Z", "2026-12-13T09:00Z"),
                fires("0 9 * * 0", ZoneId.of("UTC"), "2026-12-05T00:00Z[UTC]", 2));
        assertEquals(fires("0 9 * * 0", ZoneId.of("UTC"), "2026-12-05T00:00Z[UTC]", 2),
                fires("0 9 * * 7", ZoneId.of("UTC"), "2026-12-05T00:00Z[UTC]", 2));
        assertEquals(List.of("2026-12-05T00:00:01Z", "2026-12-05T00:00:02Z"),
                fires("* * * * * *", ZoneId.of("UTC"), "2026-12-05T00:00Z[UTC]", 2));
        assertEquals(List.of("2026-12-05T00:00:15Z", "2026-12-05T00:00:30Z"),
                fires("*/15 * * * * ?", ZoneId.of("UTC"), "2026-12-05T00:00Z[UTC]", 2));
    }

    @Test
    void invalidExpressionsSayWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("0 25 * * *", BERLIN))
                .getMessage().startsWith("invalid cron '0 25 * * *'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("0 3 * *", BERLIN))
                .getMessage().contains("found 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("0 3 1 * 1", BERLIN))
                .getMessage().contains("both restricted"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("0 3 * * 9", BERLIN))
                .getMessage().contains("day-of-week 9"));
    }
}
