package dev.mallard.core.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed columns are typed as dbt-duckdb types them (agate's inference; checked against dbt 1.11). */
class SeedColumnTypesTest {
    private static String type(String... values) {
        return SeedColumnTypes.columnType(Arrays.asList(values));
    }

    @Test
    void timesStayTextBecauseAgateHasNoTimeType() {
        assertEquals("VARCHAR", type("08:00:00", "09:30:00", ""));
    }

    @Test
    void wholeNumbersAreIntegerEvenWithLeadingZerosSpacesExponentsOrATrailingZeroFraction() {
        assertEquals("INTEGER", type("007", "010", ""));
        assertEquals("INTEGER", type(" 4 ", "5"));
        assertEquals("INTEGER", type("1e3", "2.5E1"));
        assertEquals("INTEGER", type("-2", "-3.0"));
    }

    @Test
    void aFractionMakesADouble() {
        assertEquals("DOUBLE", type("1", "2.5", "3"));
    }

    @Test
    void wholeNumbersBeyondIntegerWidenInsteadOfFailingAsInDbt() {
        assertEquals("BIGINT", type("1", "3000000000"));
        assertEquals("HUGEINT", type("99999999999999999999"));
    }

    @Test
    void emptyAndNullTextFitEveryTypeAndAnAllEmptyColumnIsInteger() {
        assertEquals("INTEGER", type("", "null", "NULL"));
        assertEquals("INTEGER", type());
        assertEquals("BOOLEAN", type("True", "null", "false", "TRUE"));
    }

    @Test
    void onlyTrueAndFalseAreBooleans() {
        assertEquals("VARCHAR", type("yes", "no"));
        assertEquals("VARCHAR", type("true", "1"));
    }

    @Test
    void datesAreIsoYearMonthDayOnly() {
        assertEquals("DATE", type("2024-01-05", "2024-1-6", ""));
        assertEquals("VARCHAR", type("2024/01/05"));
        assertEquals("VARCHAR", type("01/05/2024"));
        assertEquals("VARCHAR", type("2024-02-30"));
    }

    @Test
    void datetimesWithASpaceOrAnIsoT() {
        assertEquals("TIMESTAMP", type("2024-01-05 08:00:00", ""));
        assertEquals("TIMESTAMP", type("2024-01-05T08:00:00", "2024-01-06T09:00:00Z", "2024-01-06T09:00:00.123+01:00"));
        assertEquals("VARCHAR", type("2024-01-05 08:00:00", "2024-01-05T08:00:00"));
        assertEquals("VARCHAR", type("2024-01-05 8am"));
    }

    @Test
    void percentCurrencyAndGroupingReadAsNumbersAsAgateReadsThem() {
        assertEquals("INTEGER", type("5%", "$3", "1,000", "1_000"));
    }

    @Test
    void mixedValuesFallBackToText() {
        assertEquals("VARCHAR", type("1", "a"));
        assertEquals("VARCHAR", type("2024-01-05", "true"));
    }

    @Test
    void inferTypesEachColumnInHeaderOrder() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "INTEGER");
        expected.put("t", "VARCHAR");
        expected.put("d", "DATE");
        assertEquals(expected, SeedColumnTypes.infer(List.of("id", "t", "d"),
                List.of(List.of("1", "08:00:00", "2024-01-05"), List.of("2", "", ""))));
    }
}
