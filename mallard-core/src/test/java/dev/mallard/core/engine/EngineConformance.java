package dev.mallard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine SPI's contract, as tests every engine's test module runs by extending this
 * class (after Trino's shared connector tests): relations, rename and swap, transactions,
 * types, catalog, constraints, the incremental strategies' statements, CSV loading and bulk
 * appends, and errors that carry the engine's own message. Each test works in a schema of
 * its own, created empty; a test of something the engine does not declare in
 * {@link Engine#capabilities()} is skipped, not failed. Contract details that belong to one
 * engine (the exact type names, the wording of errors) are left to it; where two engines
 * must agree (the Java classes of values, which relations exist) the test pins it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineConformance {
    private Engine engine;
    private EngineSession session;
    private String schema;

    /** Opens the engine under test (a real database the test module starts or creates); null skips the suite. */
    protected abstract Engine openEngine() throws Exception;

    /** Releases what {@link #openEngine} started, after the engine is closed. */
    protected void stopServer() throws Exception {
    }

    @BeforeAll
    final void openOnce() throws Exception {
        engine = openEngine();
    }

    @AfterAll
    final void closeOnce() throws Exception {
        if (engine != null) {
            engine.close();
        }
        stopServer();
    }

    @BeforeEach
    final void freshSchema(TestInfo info) {
        assumeTrue(engine != null, "the engine's database is not available on this machine");
        session = engine.openSession();
        schema = "conf_" + info.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
        session.createSchemaIfMissing(engine.defaultDatabase(), schema);
        for (ExistingRelation r : session.listRelations(engine.defaultDatabase(), schema)) {
            session.execute("DROP " + (r.kind() == RelationKind.VIEW ? "VIEW " : "TABLE ") + r.relation().render());
        }
    }

    @AfterEach
    final void closeSession() {
        if (session != null) {
            session.close();
        }
    }

    protected final Engine engine() {
        return engine;
    }

    protected final EngineSession session() {
        return session;
    }

    protected final Relation rel(String name) {
        return new Relation(engine.defaultDatabase(), schema, name);
    }

    /**
     * The engine's spelling of a standard SQL type the tests write ({@code DOUBLE PRECISION},
     * {@code VARCHAR} without a length); the default is the standard's.
     */
    protected String sqlType(String standard) {
        return standard;
    }

    private Object scalar(String sql) {
        return session.query(sql).rows().get(0).get(0);
    }

    private long count(Relation r) {
        return ((Number) scalar("SELECT count(*) FROM " + r.render())).longValue();
    }

    private void table(Relation r, String... ids) {
        session.execute("CREATE TABLE " + r.render() + " (id INTEGER, name VARCHAR(20))");
        for (String id : ids) {
            session.execute("INSERT INTO " + r.render() + " VALUES (" + id + ", 'n" + id + "')");
        }
    }

    @Test
    void describesItself() {
        assertFalse(engine.type().isBlank());
        assertFalse(engine.describe().isBlank());
        assertFalse(engine.defaultDatabase().isBlank());
    }

    @Test
    void creatingASchemaTwiceIsHarmless() {
        session.createSchemaIfMissing(engine.defaultDatabase(), schema);
        assertEquals(List.of(), session.listRelations(engine.defaultDatabase(), schema));
    }

    @Test
    void tablesAndViewsAreFoundListedAndDropped() {
        table(rel("b_table"), "1");
        session.execute("CREATE VIEW " + rel("a_view").render() + " AS SELECT id FROM " + rel("b_table").render());
        assertEquals(RelationKind.TABLE, session.findRelation(rel("b_table")).orElseThrow().kind());
        assertEquals(RelationKind.VIEW, session.findRelation(rel("a_view")).orElseThrow().kind());
        assertEquals(rel("b_table"), session.findRelation(rel("b_table")).orElseThrow().relation());
        List<ExistingRelation> listed = session.listRelations(engine.defaultDatabase(), schema);
        assertEquals(List.of("a_view", "b_table"), listed.stream().map(r -> r.relation().identifier()).toList());
        session.execute("DROP VIEW " + rel("a_view").render());
        session.execute("DROP TABLE " + rel("b_table").render());
        assertTrue(session.listRelations(engine.defaultDatabase(), schema).isEmpty());
    }

    @Test
    void aMissingRelationIsNotFoundAndHasNoColumns() {
        assertTrue(session.findRelation(rel("nothing_here")).isEmpty());
        assertEquals(List.of(), session.columns(rel("nothing_here")));
        assertTrue(session.listRelations(engine.defaultDatabase(), "conf_no_such_schema").isEmpty());
    }

    @Test
    void columnsComeInTableOrderWithTheirTypes() {
        session.execute("CREATE TABLE " + rel("t").render()
                + " (z_id INTEGER, a_name VARCHAR(20), m_day DATE, b_flag BOOLEAN, c_amount DECIMAL(10, 2))");
        List<ColumnInfo> columns = session.columns(rel("t"));
        assertEquals(List.of("z_id", "a_name", "m_day", "b_flag", "c_amount"),
                columns.stream().map(ColumnInfo::name).toList());
        assertTrue(columns.get(0).type().toLowerCase(Locale.ROOT).contains("int"), columns.get(0).type());
        assertTrue(columns.get(1).type().toLowerCase(Locale.ROOT).contains("char"), columns.get(1).type());
        assertTrue(columns.get(2).type().toLowerCase(Locale.ROOT).contains("date"), columns.get(2).type());
        assertTrue(columns.get(3).type().toLowerCase(Locale.ROOT).startsWith("bool"), columns.get(3).type());
        String decimal = columns.get(4).type().toLowerCase(Locale.ROOT);
        assertTrue(decimal.contains("decimal") || decimal.contains("numeric"), decimal);
    }

    @Test
    void valuesComeBackAsPlainJavaObjects() {
        QueryResult r = session.query("SELECT CAST(7 AS INTEGER) AS i, CAST(9000000000 AS BIGINT) AS b, "
                + "CAST(1.25 AS DECIMAL(10, 2)) AS d, CAST(1.5 AS " + sqlType("DOUBLE PRECISION") + ") AS f, "
                + "CAST('x' AS " + sqlType("VARCHAR") + ") AS s, "
                + "TRUE AS t, CAST(NULL AS INTEGER) AS n, DATE '2024-01-31' AS day, "
                + "TIMESTAMP '2024-01-31 13:14:15' AS ts");
        assertEquals(List.of("i", "b", "d", "f", "s", "t", "n", "day", "ts"), r.columnNames());
        List<Object> row = r.rows().get(0);
        assertEquals(7, ((Integer) row.get(0)).intValue());
        assertEquals(9000000000L, ((Long) row.get(1)).longValue());
        assertEquals(0, new BigDecimal("1.25").compareTo((BigDecimal) row.get(2)));
        assertEquals(1.5, (Double) row.get(3));
        assertEquals("x", row.get(4));
        assertEquals(Boolean.TRUE, row.get(5));
        assertNull(row.get(6));
        assertEquals("2024-01-31", String.valueOf(row.get(7)));
        assertEquals("2024-01-31 13:14:15", String.valueOf(row.get(8)).replace('T', ' ').replaceAll("\\.0$", ""));
    }

    @Test
    void queryStopsAtMaxRows() {
        table(rel("t"), "1", "2", "3");
        assertEquals(2, session.query("SELECT * FROM " + rel("t").render() + " ORDER BY id", 2).rows().size());
        assertEquals(3, session.query("SELECT * FROM " + rel("t").render(), -1).rows().size());
    }

    @Test
    void aStatementWithoutRowsGivesAnEmptyResult() {
        table(rel("t"));
        QueryResult r = session.query("INSERT INTO " + rel("t").render() + " VALUES (1, 'a')");
        assertTrue(r.rows().isEmpty());
        assertEquals(1, count(rel("t")));
    }

    @Test
    void aTableIsRenamedWithItsRows() {
        assumeTrue(engine.capabilities().contains(Capability.RENAME));
        table(rel("old_name"), "1", "2");
        session.execute("ALTER TABLE " + rel("old_name").render() + " RENAME TO " + Relation.quote("new_name"));
        assertTrue(session.findRelation(rel("old_name")).isEmpty());
        assertEquals(2, count(rel("new_name")));
    }

    @Test
    void aSwapInOneTransactionReplacesTheTable() {
        assumeTrue(engine.capabilities().containsAll(List.of(Capability.RENAME, Capability.TRANSACTIONS)));
        table(rel("target"), "1");
        table(rel("target__tmp"), "1", "2", "3");
        session.begin();
        session.execute("ALTER TABLE " + rel("target").render() + " RENAME TO " + Relation.quote("target__backup"));
        session.execute("ALTER TABLE " + rel("target__tmp").render() + " RENAME TO " + Relation.quote("target"));
        session.commit();
        session.execute("DROP TABLE " + rel("target__backup").render());
        assertEquals(3, count(rel("target")));
        assertEquals(List.of("target"), session.listRelations(engine.defaultDatabase(), schema).stream()
                .map(r -> r.relation().identifier()).toList());
    }

    @Test
    void aSwapRolledBackLeavesTheOldTable() {
        assumeTrue(engine.capabilities().containsAll(List.of(Capability.RENAME, Capability.TRANSACTIONS)));
        table(rel("target"), "1");
        table(rel("target__tmp"), "1", "2", "3");
        session.begin();
        session.execute("ALTER TABLE " + rel("target").render() + " RENAME TO " + Relation.quote("target__backup"));
        session.execute("ALTER TABLE " + rel("target__tmp").render() + " RENAME TO " + Relation.quote("target"));
        session.rollback();
        assertEquals(1, count(rel("target")));
        assertEquals(3, count(rel("target__tmp")));
        assertTrue(session.findRelation(rel("target__backup")).isEmpty());
    }

    @Test
    void rollbackUndoesRowsAndTables() {
        assumeTrue(engine.capabilities().contains(Capability.TRANSACTIONS));
        table(rel("t"), "1");
        session.begin();
        session.execute("INSERT INTO " + rel("t").render() + " VALUES (2, 'b')");
        session.execute("CREATE TABLE " + rel("created_inside").render() + " (x INTEGER)");
        session.rollback();
        assertEquals(1, count(rel("t")));
        assertTrue(session.findRelation(rel("created_inside")).isEmpty());
    }

    @Test
    void rollbackWithoutATransactionIsHarmless() {
        session.rollback();
        table(rel("t"), "1");
        assertEquals(1, count(rel("t")));
    }

    @Test
    void committedRowsAreSeenByOtherSessionsAndOpenOnesAreNot() {
        assumeTrue(engine.capabilities().contains(Capability.TRANSACTIONS));
        table(rel("t"), "1");
        try (EngineSession other = engine.openSession()) {
            session.begin();
            session.execute("INSERT INTO " + rel("t").render() + " VALUES (2, 'b')");
            assertEquals(1L, ((Number) other.query("SELECT count(*) FROM " + rel("t").render()).rows().get(0).get(0))
                    .longValue());
            session.commit();
            assertEquals(2L, ((Number) other.query("SELECT count(*) FROM " + rel("t").render()).rows().get(0).get(0))
                    .longValue());
        }
    }

    @Test
    void theJdbcConnectionSharesTheSessionsTransaction() throws Exception {
        assumeTrue(engine.capabilities().contains(Capability.TRANSACTIONS));
        table(rel("t"), "1");
        session.begin();
        try (var st = session.jdbcConnection().createStatement()) {
            st.execute("INSERT INTO " + rel("t").render() + " VALUES (2, 'b')");
        }
        session.rollback();
        assertEquals(1, count(rel("t")));
    }

    @Test
    void constraintsAreEnforcedWithTheEnginesMessage() {
        assumeTrue(engine.capabilities().contains(Capability.CONSTRAINTS));
        session.execute("CREATE TABLE " + rel("t").render()
                + " (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, qty INTEGER CHECK (qty > 0))");
        session.execute("INSERT INTO " + rel("t").render() + " VALUES (1, 'a', 1)");
        assertViolation("duplicate", "INSERT INTO " + rel("t").render() + " VALUES (1, 'b', 1)");
        assertViolation("null", "INSERT INTO " + rel("t").render() + " VALUES (2, NULL, 1)");
        assertViolation("check constraint", "INSERT INTO " + rel("t").render() + " VALUES (3, 'c', 0)");
        assertEquals(1, count(rel("t")));
    }

    private void assertViolation(String words, String sql) {
        MallardException e = assertThrows(MallardException.class, () -> session.execute(sql));
        assertEquals(ErrorCode.SQL, e.code());
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains(words), e.getMessage());
    }

    @Test
    void errorsCarryTheEnginesMessage() {
        MallardException e = assertThrows(MallardException.class,
                () -> session.query("SELECT * FROM " + rel("no_such_table").render()));
        assertEquals(ErrorCode.SQL, e.code());
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
        MallardException syntax = assertThrows(MallardException.class, () -> session.execute("SELEKT 1"));
        assertTrue(syntax.getMessage().toLowerCase(Locale.ROOT).contains("syntax"), syntax.getMessage());
        // the session stays usable after an error
        assertEquals(1, ((Number) scalar("SELECT 1")).intValue());
    }

    @Test
    void anErrorInsideATransactionRollsItBack() {
        assumeTrue(engine.capabilities().contains(Capability.TRANSACTIONS));
        table(rel("t"), "1");
        session.begin();
        session.execute("INSERT INTO " + rel("t").render() + " VALUES (2, 'b')");
        assertThrows(MallardException.class, () -> session.execute("SELECT * FROM " + rel("missing").render()));
        session.rollback();
        assertEquals(1, count(rel("t")));
    }

    @Test
    void deleteThenInsertFoldsABatchIn() {
        assumeTrue(engine.capabilities().contains(Capability.UPDATE_AND_DELETE));
        table(rel("target"), "1", "2");
        table(rel("batch"), "2", "3");
        session.execute("UPDATE " + rel("batch").render() + " SET name = 'new'");
        session.begin();
        session.execute("delete from " + rel("target").render() + " where (id) in (select (id) from "
                + rel("batch").render() + ")");
        session.execute("insert into " + rel("target").render() + " (\"id\", \"name\") (select \"id\", \"name\" from "
                + rel("batch").render() + ")");
        session.commit();
        assertEquals(List.of(List.of(1, "n1"), List.of(2, "new"), List.of(3, "new")),
                session.query("SELECT id, name FROM " + rel("target").render() + " ORDER BY id").rows());
    }

    @Test
    void mergeUpdatesMatchesAndInsertsTheRest() {
        assumeTrue(engine.capabilities().containsAll(List.of(Capability.MERGE, Capability.UPDATE_AND_DELETE)));
        table(rel("target"), "1", "2");
        table(rel("batch"), "2", "3");
        session.execute("UPDATE " + rel("batch").render() + " SET name = 'new'");
        session.execute("MERGE INTO " + rel("target").render() + " AS d USING " + rel("batch").render()
                + " AS s ON (s.id = d.id) WHEN MATCHED THEN UPDATE SET name = s.name "
                + "WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)");
        assertEquals(List.of(List.of(1, "n1"), List.of(2, "new"), List.of(3, "new")),
                session.query("SELECT id, name FROM " + rel("target").render() + " ORDER BY id").rows());
    }

    @Test
    void appendedRowsLandAndARollbackDiscardsThem() {
        table(rel("t"));
        session.appendRows(rel("t"), List.of(new Object[] {1, "a"}, new Object[] {2, null}).iterator());
        assertEquals(List.of(List.of(1, "a"), java.util.Arrays.asList(2, null)),
                session.query("SELECT id, name FROM " + rel("t").render() + " ORDER BY id").rows());
        if (engine.capabilities().contains(Capability.TRANSACTIONS)) {
            session.begin();
            session.appendRows(rel("t"), List.<Object[]>of(new Object[] {3, "c"}).iterator());
            session.rollback();
            assertEquals(2, count(rel("t")));
        }
    }

    @Test
    void aCsvFileLoadsWithInferredAndGivenTypes() throws Exception {
        CsvConformance.loadsWithInferredAndGivenTypes(session, rel("seed"));
    }

    @Test
    void aCsvFileWithAnotherDelimiterAndQuotesLoads() throws Exception {
        CsvConformance.loadsQuotedFieldsWithADelimiter(session, rel("seed"));
    }
}
