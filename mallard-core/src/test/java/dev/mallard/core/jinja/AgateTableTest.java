package dev.mallard.core.jinja;

import static dev.mallard.core.jinja.PyCalls.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.jinja.value.Containers;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run_query / load_result table: rows, columns by position and name, Python-typed values. */
class AgateTableTest {
    private final PyCalls py = new PyCalls();
    private final AgateTable table = new AgateTable(new QueryResult(
            List.of(new ColumnInfo("n", "INTEGER"), new ColumnInfo("s", "VARCHAR"), new ColumnInfo("d", "DATE"),
                    new ColumnInfo("t", "TIMESTAMP")),
            List.of(Arrays.asList(1, "a", LocalDate.of(2024, 1, 5), Timestamp.valueOf("2024-01-05 09:05:03.5")),
                    Arrays.asList(2, "b", null, null))));

    @Test
    void rowsAreReachedByPositionAndByName() {
        assertEquals(2, Containers.len(table));
        Object first = py.item(table, 0L);
        assertEquals(1L, py.item(first, 0L));
        assertEquals("a", py.item(first, "s"));
        assertEquals("a", py.attr(first, "s"));
        assertEquals("b", py.attr(py.item(table, -1L), "s"));
        assertEquals(List.of(1L, 2L), Containers.toList(table).stream().map(r -> py.item(r, 0L)).toList());
        assertEquals("x", py.call(first, "get", "missing", "x"));
        assertEquals("('n', 's', 'd', 't')", str(py.call(first, "keys")));
        // dates inside a container print their repr, as Python prints them (checked with dbt 1.11)
        assertEquals("{'n': 1, 's': 'a', 'd': datetime.date(2024, 1, 5), 't': datetime.datetime(2024, 1, 5, 9, 5, 3,"
                + " 500000)}", str(py.call(first, "dict")));
        assertEquals("<agate.Row: (1, 'a', datetime.date(2024, 1, 5), datetime.datetime(2024, 1, 5, 9, 5, 3, 500000))>",
                first.toString());
        assertSame(table.getRows(), py.attr(table, "rows"));
    }

    @Test
    void valuesArePythonValues() {
        Object first = py.item(table, 0L);
        assertInstanceOf(Long.class, py.attr(first, "n"));
        assertInstanceOf(PyDate.class, py.attr(first, "d"));
        assertEquals("2024-01-05", str(py.attr(first, "d")));
        assertEquals("2024-01-05", py.call(py.attr(first, "t"), "strftime", "%Y-%m-%d"));
        assertNull(py.attr(py.item(table, 1L), "d"));
        assertEquals(LocalDateTime.of(2024, 1, 5, 9, 5, 3, 500_000_000), ((PyDatetime) py.attr(first, "t")).value());
    }

    @Test
    void columnsByPositionAndByName() {
        assertEquals("('n', 's', 'd', 't')", str(py.attr(table, "column_names")));
        assertEquals("('INTEGER', 'VARCHAR', 'DATE', 'TIMESTAMP')", str(py.attr(table, "column_types")));
        Object columns = py.attr(table, "columns");
        assertEquals(4, Containers.len(columns));
        assertEquals("('a', 'b')", str(py.call(py.item(columns, "s"), "values")));
        assertEquals("('a', 'b')", str(py.call(py.attr(columns, "s"), "values")));
        Object n = py.item(columns, 0L);
        assertEquals("n", py.attr(n, "name"));
        assertEquals("INTEGER", py.attr(n, "data_type"));
        assertEquals(2L, py.item(n, -1L));
        assertEquals(List.of(1L, 2L), Containers.toList(n));
        assertEquals("(datetime.date(2024, 1, 5),)", str(py.call(py.item(columns, "d"), "values_without_nulls")));
    }

    @Test
    void columnsAreAMappedSequenceWithKeysItemsAndGet() {
        Object columns = py.attr(table, "columns");
        assertEquals("('n', 's', 'd', 't')", str(py.call(columns, "keys")));
        List<?> items = Containers.toList(py.call(columns, "items"));
        assertEquals(4, items.size());
        assertEquals("s", py.item(items.get(1), 0L));
        assertEquals("('a', 'b')", str(py.call(py.item(items.get(1), 1L), "values")));
        assertEquals("s", py.attr(py.call(columns, "get", "s"), "name"));
        assertNull(py.call(columns, "get", "nope"));
    }

    @Test
    void selectLimitAndPrintTable() {
        Object selected = py.call(table, "select", List.of("s", "n"));
        assertEquals("('s', 'n')", str(py.attr(selected, "column_names")));
        assertEquals("a", py.item(py.item(selected, 0L), 0L));
        assertEquals(1L, py.attr(py.item(selected, 0L), "n"));
        assertEquals(1, Containers.len(py.call(table, "limit", 1L)));
        assertNull(py.call(table, "print_table"));
        assertEquals("Table", table.typeName());
    }
}
