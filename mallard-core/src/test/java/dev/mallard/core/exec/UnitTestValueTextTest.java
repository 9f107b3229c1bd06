package dev.mallard.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Expected texts are Python's {@code str(Decimal(repr(f)))} and {@code str(datetime)}, which dbt prints. */
class UnitTestValueTextTest {
    @Test
    void floatsAsPythonDecimalsOfTheirShortestText() {
        assertEquals("1.5", UnitTestValueText.floating(1.5));
        assertEquals("2.0", UnitTestValueText.floating(2.0));
        assertEquals("0.1", UnitTestValueText.floating(0.1));
        assertEquals("10000000000.0", UnitTestValueText.floating(1e10));
        assertEquals("0.00001", UnitTestValueText.floating(1e-5));
        assertEquals("1E+20", UnitTestValueText.floating(1e20));
        assertEquals("1E-7", UnitTestValueText.floating(1e-7));
        assertEquals("-7.391544078297146E+17", UnitTestValueText.floating(-7.391544078297146E17));
        assertEquals("0.3333333333333333", UnitTestValueText.floating(1.0 / 3));
    }

    @Test
    void timesAsPythonPrintsThem() {
        assertEquals("2024-01-02 03:04:05", UnitTestValueText.temporal(LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
        assertEquals("2024-01-02 03:04:05.120000",
                UnitTestValueText.temporal(java.sql.Timestamp.valueOf("2024-01-02 03:04:05.12")));
        assertEquals("03:04:00", UnitTestValueText.temporal(LocalTime.of(3, 4)));
        assertEquals("2024-01-02 03:04:05+00:00",
                UnitTestValueText.temporal(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)));
    }

    @Test
    void booleansAsPythonPrintsThem() {
        assertEquals("True", UnitTestExecution.text(true));
        assertEquals("False", UnitTestExecution.text(Boolean.FALSE));
    }
}
