package dev.mallard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV part of {@link EngineConformance}: a seed file loads into a new table with agate's
 * inferred types (whole numbers, fractions, dates, timestamps, booleans, text; an empty field
 * is NULL) or the types its load names.
 */
final class CsvConformance {
    private CsvConformance() {
    }

    static void loadsWithInferredAndGivenTypes(EngineSession session, Relation target) throws Exception {
        Path file = Files.createTempFile("conformance", ".csv");
        try {
            Files.writeString(file, """
                    id,name,amount,price,day,at,flag,note
                    1,alice,10,1.5,2024-01-02,2024-01-02 03:04:05,true,
                    2,bob,,2.25,2024-02-03,2024-02-03 00:00:00,false,x
                    """);
            session.loadCsv(new CsvLoad(file, target, ",", Map.of("amount", "bigint")));
        } finally {
            Files.delete(file);
        }
        List<ColumnInfo> columns = session.columns(target);
        assertEquals(List.of("id", "name", "amount", "price", "day", "at", "flag", "note"),
                columns.stream().map(ColumnInfo::name).toList());
        assertTrue(columns.get(2).type().toLowerCase(Locale.ROOT).contains("bigint"), columns.get(2).type());
        List<List<Object>> rows = session.query("SELECT * FROM " + target.render() + " ORDER BY id").rows();
        assertEquals(2, rows.size());
        List<Object> first = rows.get(0);
        // a whole-number column: integer as dbt-duckdb and dbt-postgres infer it, bigint as dbt-spark does
        assertTrue(first.get(0) instanceof Integer || first.get(0) instanceof Long, String.valueOf(first.get(0).getClass()));
        assertEquals(1, ((Number) first.get(0)).intValue());
        assertEquals("alice", first.get(1));
        assertEquals(10L, ((Long) first.get(2)).longValue());
        assertEquals(1.5, ((Number) first.get(3)).doubleValue());
        assertEquals("2024-01-02", String.valueOf(first.get(4)));
        assertEquals("2024-01-02 03:04:05", String.valueOf(first.get(5)).replace('T', ' ').replaceAll("\\.0$", ""));
        assertEquals(Boolean.TRUE, first.get(6));
        assertNull(first.get(7));
        List<Object> second = rows.get(1);
        assertNull(second.get(2));
        assertEquals(2.25, ((Number) second.get(3)).doubleValue());
        assertEquals(Boolean.FALSE, second.get(6));
        assertInstanceOf(String.class, second.get(7));
        assertEquals("x", second.get(7));
    }

    static void loadsQuotedFieldsWithADelimiter(EngineSession session, Relation target) throws Exception {
        Path file = Files.createTempFile("conformance", ".csv");
        try {
            Files.writeString(file, "code|label\na|\"one|two\"\nb|\"say \"\"hi\"\"\"\n");
            session.loadCsv(new CsvLoad(file, target, "|", Map.of()));
        } finally {
            Files.delete(file);
        }
        assertEquals(List.of(List.of("a", "one|two"), List.of("b", "say \"hi\"")),
                session.query("SELECT code, label FROM " + target.render() + " ORDER BY code").rows());
    }
}
