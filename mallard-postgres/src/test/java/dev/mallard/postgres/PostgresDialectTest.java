package dev.mallard.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.engine.SqlDialect;
import org.junit.jupiter.api.Test;

/** The Postgres dialect's choices, each what dbt-postgres does. */
class PostgresDialectTest {
    private final SqlDialect pg = PostgresDialect.INSTANCE;

    @Test
    void contractsCompareTypesByPsycopgFamilyAsDbtPostgresDoes() {
        // pgjdbc's type names, as a query's result metadata gives them
        assertEquals("STRING", pg.contractType("varchar"));
        assertEquals("STRING", pg.contractType("text"));
        assertEquals("STRING", pg.contractType("bpchar"));
        assertEquals("INTEGER", pg.contractType("int4"));
        assertEquals("INTEGER", pg.contractType("int2"));
        assertEquals("LONGINTEGER", pg.contractType("int8"));
        assertEquals("DECIMAL", pg.contractType("numeric"));
        assertEquals("FLOAT", pg.contractType("float4"));
        assertEquals("DATETIME", pg.contractType("timestamp"));
        assertEquals("DATETIMETZ", pg.contractType("timestamptz"));
        assertEquals("INTEGERARRAY", pg.contractType("_int4"));
        assertEquals("uuid", pg.contractType("uuid"), "a type psycopg2 does not name stays itself");
        assertEquals("int4", SqlDialect.DEFAULT.contractType("int4"), "DuckDB compares the types themselves");
    }

    @Test
    void grantsAndMicrobatchMergesAndNoFilesAsInDbtPostgres() {
        assertTrue(pg.grants());
        assertFalse(SqlDialect.DEFAULT.grants());
        assertTrue(pg.microbatchMerges());
        assertFalse(SqlDialect.DEFAULT.microbatchMerges());
        assertFalse(pg.writesExternalFiles());
        assertFalse(pg.replacesTables());
        assertEquals("postgres", pg.adapterType());
    }
}
