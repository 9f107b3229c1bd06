package dev.mallard.core.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which batches a microbatch model runs, pinned to dbt's MicrobatchBuilder. */
class MicrobatchBatchesTest {
    private static final LocalDateTime NOW = LocalDateTime.parse("2024-09-17T16:06:00");

    private static List<String> batches(BatchSize size, int lookback, boolean incremental, EventTimeWindow flags) {
        MicrobatchConfig config = new MicrobatchConfig("d", size, LocalDateTime.parse("2024-09-15T10:00:00"), lookback);
        return config.batches(incremental, flags, NOW, "m").stream().map(BatchWindow::toString).toList();
    }

    @Test
    void aFirstRunStartsAtTheTruncatedBeginAndEndsWithTheBatchHoldingNow() {
        assertEquals(List.of("2024-09-15 00:00:00+00:00 .. 2024-09-16 00:00:00+00:00",
                "2024-09-16 00:00:00+00:00 .. 2024-09-17 00:00:00+00:00",
                "2024-09-17 00:00:00+00:00 .. 2024-09-18 00:00:00+00:00"), batches(BatchSize.DAY, 1, false, null));
    }

    @Test
    void aLaterRunGoesBackLookbackBatchesBeforeTheCurrentOne() {
        assertEquals(List.of("2024-09-16 00:00:00+00:00 .. 2024-09-17 00:00:00+00:00",
                "2024-09-17 00:00:00+00:00 .. 2024-09-18 00:00:00+00:00"), batches(BatchSize.DAY, 1, true, null));
        assertEquals(List.of("2024-09-17 00:00:00+00:00 .. 2024-09-18 00:00:00+00:00"),
                batches(BatchSize.DAY, 0, true, null));
        assertEquals(List.of("2024-08-01 00:00:00+00:00 .. 2024-09-01 00:00:00+00:00",
                "2024-09-01 00:00:00+00:00 .. 2024-10-01 00:00:00+00:00"), batches(BatchSize.MONTH, 1, true, null));
    }

    @Test
    void theFlagsWindowIsTruncatedAtTheStartAndCeiledAtTheEnd() {
        EventTimeWindow flags = new EventTimeWindow(LocalDateTime.parse("2024-01-01T05:00:00"),
                LocalDateTime.parse("2024-01-01T07:30:00"));
        assertEquals(List.of("2024-01-01 05:00:00+00:00 .. 2024-01-01 06:00:00+00:00",
                "2024-01-01 06:00:00+00:00 .. 2024-01-01 07:00:00+00:00",
                "2024-01-01 07:00:00+00:00 .. 2024-01-01 08:00:00+00:00"), batches(BatchSize.HOUR, 1, true, flags));
    }
}
