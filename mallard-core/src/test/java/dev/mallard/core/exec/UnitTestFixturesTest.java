package dev.mallard.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.error.MallardException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitTestFixturesTest {
    private static final List<ColumnInfo> ORDERS = List.of(new ColumnInfo("id", "INTEGER"),
            new ColumnInfo("Status", "VARCHAR"), new ColumnInfo("amount", "DECIMAL(10,2)"));

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void inputRowsCastEveryColumnToTheRelationsTypeAndLeaveMissingOnesNull() {
        String sql = UnitTestFixtures.inputSql(List.of(row("id", 1, "status", "it's"), row("amount", "2.50")), ORDERS,
                "'orders'");
        assertEquals("select cast(1 as INTEGER) as \"id\", cast('it''s' as VARCHAR) as \"Status\", "
                + "cast(null as DECIMAL(10,2)) as \"amount\"\nunion all\n"
                + "select cast(null as INTEGER) as \"id\", cast(null as VARCHAR) as \"Status\", "
                + "cast('2.50' as DECIMAL(10,2)) as \"amount\"", sql);
    }

    @Test
    void noRowsGiveAnEmptyTypedRelation() {
        assertEquals("select cast(null as INTEGER) as \"id\", cast(null as VARCHAR) as \"Status\", "
                + "cast(null as DECIMAL(10,2)) as \"amount\"\nlimit 0", UnitTestFixtures.inputSql(List.of(), ORDERS, "'orders'"));
    }

    @Test
    void booleansNullsAndDatesBecomeLiterals() {
        assertEquals("true", UnitTestFixtures.literal(true));
        assertEquals("null", UnitTestFixtures.literal(null));
        assertEquals("1.5", UnitTestFixtures.literal(1.5));
        assertEquals("'2024-01-31'", UnitTestFixtures.literal(java.util.Date.from(java.time.Instant.parse(
                "2024-01-31T00:00:00Z"))));
    }

    @Test
    void aColumnTheInputDoesNotHaveIsNamedWithTheAcceptedOnes() {
        MallardException e = assertThrows(MallardException.class,
                () -> UnitTestFixtures.inputSql(List.of(row("idd", 1)), ORDERS, "'orders'"));
        assertEquals("invalid column name: 'idd' in unit test fixture for 'orders'. Accepted columns for 'orders' are: "
                + "[id, status, amount]", e.getMessage());
    }

    @Test
    void expectedRowsHoldOnlyTheExpectedColumnsInTheirOrder() {
        List<Map<String, Object>> rows = List.of(row("amount", 1, "ID", 7), row("amount", null, "id", 8));
        List<String> columns = UnitTestFixtures.columnsOf(rows.get(0));
        assertEquals(List.of("amount", "id"), columns);
        assertEquals("select cast(1 as DECIMAL(10,2)) as \"amount\", cast(7 as INTEGER) as \"id\"\nunion all\n"
                + "select cast(null as DECIMAL(10,2)) as \"amount\", cast(8 as INTEGER) as \"id\"",
                UnitTestFixtures.expectedSql(rows, columns, ORDERS));
    }

    @Test
    void expectedRowsMustNameTheSameColumns() {
        List<Map<String, Object>> rows = List.of(row("id", 1, "amount", 2), row("id", 2));
        MallardException e = assertThrows(MallardException.class,
                () -> UnitTestFixtures.expectedSql(rows, List.of("id", "amount"), ORDERS));
        assertTrue(e.getMessage().startsWith("expected row 2 names the columns [id]"), e.getMessage());
    }

    @Test
    void anExpectedColumnTheModelDoesNotHaveIsAnError() {
        MallardException e = assertThrows(MallardException.class,
                () -> UnitTestFixtures.expectedSql(List.of(row("total", 1)), List.of("total"), ORDERS));
        assertTrue(e.getMessage().contains("'total' in unit test fixture for expected output"), e.getMessage());
    }
}
