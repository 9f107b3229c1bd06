package dev.mallard.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing a rows request, and the SQL made from it: identifiers quoted from the schema, values bound. */
class RowsQueryTest {
    private static final List<Column> SCHEMA = List.of(new Column("id", "BIGINT"), new Column("we\"ird", "VARCHAR"),
            new Column("at", "TIMESTAMP"));

    private static RowsQuery parse(String... keyValues) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.computeIfAbsent(keyValues[i], k -> new java.util.ArrayList<>()).add(keyValues[i + 1]);
        }
        return RowsQuery.parse("d", SCHEMA, params, null);
    }

    @Test
    void defaults() {
        RowsQuery q = parse();
        assertEquals(SCHEMA, q.columns());
        assertEquals(100, q.limit());
        assertEquals(0, q.offset());
        assertEquals(OutputFormat.JSON, q.format());
        assertEquals("SELECT \"id\", \"we\"\"ird\", \"at\" FROM read_parquet(?) LIMIT ? OFFSET ?",
                RowsSql.of("read_parquet(?)", List.of("/m.parquet"), q, null).sql());
    }

    @Test
    void everyValueIsAParameterAndEveryIdentifierIsQuoted() {
        String attack = "x'); COPY (SELECT 1) TO '/tmp/p' --";
        RowsQuery q = parse("we\"ird", "like:" + attack, "id", "in:1,2", "at", "is:not_null", "id", "gte:" + attack,
                "order", "-we\"ird,id", "columns", "id", "limit", "5", "offset", "10");
        RowsSql sql = RowsSql.of("read_parquet(?)", List.of("/m.parquet"), q,
                new RowsQuery.Filter(SCHEMA.get(0), FilterOp.EQ, List.of("42")));
        assertEquals("SELECT \"id\" FROM read_parquet(?) WHERE CAST(\"we\"\"ird\" AS VARCHAR) LIKE ? AND \"id\" IN "
                + "(CAST(? AS BIGINT), CAST(? AS BIGINT)) AND \"id\" >= CAST(? AS BIGINT) AND \"at\" IS NOT NULL AND "
                + "\"id\" = CAST(? AS BIGINT) ORDER BY \"we\"\"ird\" DESC NULLS LAST, \"id\" ASC NULLS LAST LIMIT ? OFFSET ?",
                sql.sql());
        assertEquals(List.of("/m.parquet", attack, "1", "2", attack, "42", 5L, 10L), sql.params());
        assertFalse(sql.sql().contains("COPY"));
    }

    @Test
    void unknownNamesAndBadNumbersAreRejected() {
        assertEquals(400, assertThrows(ApiProblem.class, () -> parse("nope", "1")).status());
        assertEquals(400, assertThrows(ApiProblem.class, () -> parse("columns", "id,\"id\"")).status());
        assertEquals(400, assertThrows(ApiProblem.class, () -> parse("order", "id desc")).status());
        assertEquals(400, assertThrows(ApiProblem.class, () -> parse("limit", "0x10")).status());
        assertEquals(400, assertThrows(ApiProblem.class, () -> parse("offset", "1e3")).status());
        assertEquals(400, assertThrows(ApiProblem.class, () -> parse("format", "sql")).status());
        assertEquals(400, assertThrows(ApiProblem.class, () -> parse("id", "in:")).status());
    }

    @Test
    void anUnknownPrefixIsPartOfTheValue() {
        RowsQuery q = parse("at", "12:30", "id", "between:1");
        assertEquals(List.of(new RowsQuery.Filter(SCHEMA.get(2), FilterOp.EQ, List.of("12:30")),
                new RowsQuery.Filter(SCHEMA.get(0), FilterOp.EQ, List.of("between:1"))), q.filters());
    }
}
