package dev.mallard.core.javamodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.api.Column;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows a Java model writes come back from DuckDB's JSON reader with the declared types. */
class JsonRowWriterTest {
    @TempDir
    Path dir;

    @Test
    void rowsComeBackWithTheirDeclaredTypes() throws Exception {
        JsonRowWriter w = new JsonRowWriter(dir.resolve("rows/m.ndjson"), List.of(Column.of("id", "BIGINT"),
                Column.of("amount", "DECIMAL(10,2)"), Column.of("day", "DATE"), Column.of("at", "TIMESTAMP"),
                Column.of("name", "VARCHAR"), Column.of("ok", "BOOLEAN"), Column.of("tags", "VARCHAR[]"),
                Column.of("ratio", "DOUBLE")));
        w.row(1L, new BigDecimal("10.25"), LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 1, 8, 30),
                "it's \"quoted\"\nnewline", true, List.of("a", "b"), 0.5);
        Map<String, Object> byName = new LinkedHashMap<>();
        byName.put("id", 2);
        byName.put("ratio", Double.NaN);
        w.row(byName);
        assertEquals(2, w.count());
        List<String> rows = query(w.select() + " order by id");
        assertEquals(List.of(
                "1|10.25|2024-02-29|2024-01-01 08:30:00.0|it's \"quoted\"\nnewline|true|[a, b]|0.5",
                "2|null|null|null|null|null|null|NaN"), rows);
        assertEquals(List.of("BIGINT|DECIMAL(10,2)|DATE|TIMESTAMP|VARCHAR|BOOLEAN|VARCHAR[]|DOUBLE"),
                query("select string_agg(column_type, '|') from (describe " + w.select() + ")"));
    }

    @Test
    void noRowsGiveAnEmptyTableWithTheColumns() throws Exception {
        JsonRowWriter w = new JsonRowWriter(dir.resolve("empty.ndjson"), List.of(Column.of("id", "INTEGER")));
        assertEquals(List.of("0"), query("select count(*) from (" + w.select() + ")"));
    }

    @Test
    void aRowOfTheWrongShapeIsRefused() {
        JsonRowWriter w = new JsonRowWriter(dir.resolve("m.ndjson"), List.of(Column.of("id", "INTEGER")));
        assertThrows(IllegalArgumentException.class, () -> w.row(1, 2));
        assertThrows(IllegalArgumentException.class, () -> w.row(Map.of("other", 1)));
        assertThrows(IllegalArgumentException.class, () -> new JsonRowWriter(dir.resolve("x.ndjson"),
                List.of(Column.of("a", "INTEGER"), Column.of("A", "INTEGER"))));
        w.close();
    }

    private static List<String> query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(String.valueOf(rs.getString(i)));
                }
                out.add(String.join("|", cells));
            }
            return out;
        }
    }
}
