package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.jinja.value.Args;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * print_table() of a run_query table; each expected text is what agate 1.9 printed for the
 * same values in dbt 1.11's Python (dbt_common's table_from_data_flat, then print_table).
 */
class AgatePrintTableTest {
    private final AgateTable mixed = new AgateTable(new QueryResult(
            List.of(new ColumnInfo("a", "VARCHAR"), new ColumnInfo("n", "BIGINT"), new ColumnInfo("f", "DOUBLE"),
                    new ColumnInfo("b", "BOOLEAN"), new ColumnInfo("d", "DATE"), new ColumnInfo("s", "VARCHAR")),
            List.of(Arrays.asList("x", 1234567L, 0.12345, true, null, "12"),
                    Arrays.asList("longer text value here that is long", -5L, 2.5, false, null, "7"))));

    private static String print(AgateTable table, Map<String, Object> kwargs) {
        return AgatePrintTable.text(table, Args.of(new ArrayList<>(), new LinkedHashMap<>(kwargs)));
    }

    @Test
    void textIsLeftJustifiedOtherTypesRightJustifiedLongValuesCut() {
        assertEquals("""
                | a                    |       n |      f |     b | d | s  |
                | -------------------- | ------- | ------ | ----- | - | -- |
                | x                    | 1234567 | 0.123… |  True |   | 12 |
                | longer text value... |      -5 | 2.500… | False |   | 7  |""", print(mixed, Map.of()));
    }

    @Test
    void rowsAndColumnsPastTheLimitsAreShownAsEllipses() {
        assertEquals("""
                | a |       n |      f |    b | d | s  |
                | - | ------- | ------ | ---- | - | -- |
                | x | 1234567 | 0.123… | True |   | 12 |
                | ... |     ... |    ... |  ... | ... | ... |""",
                print(mixed, Map.of("max_column_width", 10L, "max_rows", 1L)));
        assertEquals("""
                | a                    |       n | ... |
                | -------------------- | ------- | --- |
                | x                    | 1234567 | ... |
                | longer text value... |      -5 | ... |""", print(mixed, Map.of("max_columns", 2L)));
    }

    @Test
    void decimalsAreGroupedAndPaddedToTheColumnsPrecision() {
        AgateTable numbers = new AgateTable(new QueryResult(
                List.of(new ColumnInfo("amount", "DECIMAL(18,2)"), new ColumnInfo("x", "DOUBLE")),
                List.of(Arrays.asList(new BigDecimal("1234567.5"), 1.0),
                        Arrays.asList(new BigDecimal("-0.25"), 1e20))));
        assertEquals("""
                |       amount |                    x |
                | ------------ | -------------------- |
                | 1,234,567.50 |                    1 |
                |        -0.25 | 100,000,000,000,0... |""", print(numbers, Map.of()));
    }
}
