package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.QueryResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * dbt's macro library as Mallard ships it renders, for each recorded case, the SQL
 * dbt-duckdb 1.11 renders (recorded by conformance/macros/record_expected.py), and that SQL
 * runs on DuckDB. Every rendering must match exactly, whitespace included; the statements
 * the relation macros run are compared with whitespace collapsed (see below).
 */
class DbtMacroLibraryTest {
    private static final String EXPECTED = "dbt_macros_expected.json";
    private static Connection duckdb;

    @BeforeAll
    static void openDuckDb() throws SQLException {
        duckdb = openDb();
    }

    /** An in-memory DuckDB whose catalog is named db, as the relations of the cases say. */
    private static Connection openDb() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = c.createStatement()) {
            st.execute("attach ':memory:' as db");
            st.execute("use db");
        }
        return c;
    }

    @AfterAll
    static void closeDuckDb() throws SQLException {
        duckdb.close();
    }

    record Case(String id, String template, String kind, String sql) {
    }

    /** A macro that runs statements: after setup, rendering the template runs these statements. */
    record StatementCase(String id, String setup, String template, List<String> statements) {
    }

    private static JsonNode expected() {
        try (InputStream in = DbtMacroLibraryTest.class.getResourceAsStream(EXPECTED)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (JsonNode c : expected().get("cases")) {
            out.add(new Case(c.get("id").asText(), c.get("template").asText(), c.get("kind").asText(),
                    c.get("sql").asText()));
        }
        return out;
    }

    static List<StatementCase> statementCases() {
        List<StatementCase> out = new ArrayList<>();
        for (JsonNode c : expected().get("statement_cases")) {
            List<String> statements = new ArrayList<>();
            c.get("statements").forEach(sql -> statements.add(sql.asText()));
            out.add(new StatementCase(c.get("id").asText(), c.get("setup").asText(), c.get("template").asText(),
                    statements));
        }
        return out;
    }

    /** Renders a case with the library, statements (get_intervals_between) running on DuckDB. */
    private static String render(Case c) {
        Templates t = Templates.withDbtLibrary();
        t.runtime.queryHandler = sql -> query(duckdb, sql);
        return t.render(c.template());
    }

    static String normalise(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }

    @TestFactory
    Stream<DynamicTest> eachCaseRendersWhatDbtDuckdbRenders() {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 100, "the recorded cases are all there");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            if (c.kind().equals("text")) {
                assertEquals(normalise(c.sql()), normalise(render(c)), c.template());
            } else {
                assertEquals(c.sql(), render(c), c.template());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachRenderedSqlRunsOnDuckDb() {
        return cases().stream().filter(c -> !c.kind().equals("none") && !c.kind().equals("text"))
                .map(c -> DynamicTest.dynamicTest(c.id(), () -> {
                    String sql = render(c);
                    String query = switch (c.kind()) {
                        case "expr" -> "select " + sql;
                        case "agg" -> "select " + sql + " from (values (1, 'a'), (2, 'b'), (3, 'c')) t(x, s)";
                        case "type" -> "select cast(null as " + sql + ")";
                        case "stmt" -> sql;
                        default -> throw new IllegalArgumentException(c.kind());
                    };
                    try {
                        query(duckdb, query);
                    } catch (RuntimeException e) {
                        fail(c.id() + " does not run on DuckDB: " + query, e);
                    }
                }));
    }

    /**
     * Statements compare with whitespace collapsed: dbt's indentation inside them means nothing
     * (no string literal or comment in them spans a line break).
     */
    @TestFactory
    Stream<DynamicTest> eachStatementMacroRunsWhatDbtDuckdbRuns() {
        List<StatementCase> cases = statementCases();
        assertTrue(cases.size() >= 8, "the recorded statement cases are all there");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            try (Connection db = openDb()) {
                query(db, c.setup());
                Templates t = Templates.withDbtLibrary();
                t.runtime.queryHandler = sql -> query(db, sql);
                t.render(c.template());
                assertEquals(c.statements().stream().map(DbtMacroLibraryTest::normalise).toList(),
                        t.runtime.queries.stream().map(DbtMacroLibraryTest::normalise).toList(), c.template());
            }
        }));
    }

    @Test
    void dateSpineGivesEveryDayFromStartUpToEnd() {
        String sql = Templates.withDbtLibrary().render("{{ dbt.date_spine('day', \"date '2024-01-30'\", \"date '2024-02-02'\") }}");
        // while parsing get_intervals_between is 1; with execute it asks DuckDB (3 here)
        Templates t = Templates.withDbtLibrary();
        t.runtime.queryHandler = q -> query(duckdb, q);
        QueryResult days = query(duckdb, t.render(
                "{{ dbt.date_spine('day', \"date '2024-01-30'\", \"date '2024-02-02'\") }} order by 1"));
        assertEquals(3, days.rows().size());
        assertEquals("2024-01-30", String.valueOf(days.rows().get(0).get(0)).substring(0, 10));
        assertTrue(sql.contains("date_day"));
    }

    @Test
    void aProjectMacroOverridesTheLibraryAsInDbt() {
        Templates t = Templates.withDbtLibrary("macros/overrides.sql", """
                {% macro duckdb__type_string() %}varchar{% endmacro %}
                {% macro default__date_trunc(datepart, date) %}my_trunc({{ date }}){% endmacro %}
                {% macro default__any_value(expression) %}never({{ expression }}){% endmacro %}
                {% macro hash(field) %}my_hash({{ field }}){% endmacro %}""");
        assertEquals("varchar|varchar|varchar", t.render(
                "{{ type_string() }}|{{ dbt.type_string() }}|{{ adapter.dispatch('type_string', 'dbt')() }}"));
        // the library's own callers go through dispatch too
        assertEquals("cast(x as varchar)", normalise(t.render("{{ dbt.cast_bool_to_text('x') }}"))
                .replace("TEXT", "varchar"));
        assertEquals("my_trunc(d)", t.render("{{ dbt.date_trunc('day', 'd') }}"));
        // dbt-duckdb's duckdb__any_value is found before any default__any_value
        assertEquals("arbitrary(x)", t.render("{{ any_value('x') }}"));
        assertEquals("my_hash(x)|my_hash(x)", t.render("{{ hash('x') }}|{{ dbt.hash('x') }}"));
    }

    @Test
    void configurationMacrosReadTheModelsConfig() {
        Templates t = Templates.withDbtLibrary();
        assertEquals("False|False", t.render("{{ should_full_refresh() }}|{{ should_store_failures() }}"));
        t.runtime.config.put("full_refresh", true);
        t.runtime.config.put("store_failures", true);
        assertEquals("True|True", t.render("{{ should_full_refresh() }}|{{ dbt.should_store_failures() }}"));
        assertEquals("True", Templates.withDbtLibrary().render("{{ should_full_refresh() }}",
                java.util.Map.of("flags", java.util.Map.of("FULL_REFRESH", true))));
        t.render("{% call set_sql_header(config) %}set x = 1;{% endcall %}");
        assertEquals("set x = 1;", t.runtime.config.get("sql_header"));
    }

    @Test
    void getWhereSubqueryDispatchesSoAProjectCanOverrideItsDefault() {
        Templates t = Templates.withDbtLibrary();
        t.runtime.config.put("where", "id > 1");
        assertEquals("(select * from \"db\".\"main\".\"orders\" where id > 1) dbt_subquery",
                t.render("{{ get_where_subquery(ref('orders')) }}"));
        Templates overridden = Templates.withDbtLibrary("macros/where.sql", """
                {% macro default__get_where_subquery(relation) %}{{ relation }} sample{% endmacro %}""");
        assertEquals("\"db\".\"main\".\"orders\" sample", overridden.render("{{ get_where_subquery(ref('orders')) }}"));
    }

    @Test
    void loadCachedRelationFindsAnExistingRelationOnly() {
        Templates t = Templates.withDbtLibrary();
        t.runtime.tables.put("orders", List.of(new ColumnInfo("id", "INTEGER")));
        assertEquals("\"db\".\"main\".\"orders\"|None", t.render(
                "{{ load_cached_relation(ref('orders')) }}|{{ dbt.load_relation(ref('missing')) }}"));
    }

    /** Runs SQL on an in-memory DuckDB and returns its rows (none for a statement), as Mallard's engine would. */
    static QueryResult query(Connection db, String sql) {
        try (Statement st = db.createStatement()) {
            if (!st.execute(sql)) {
                return new QueryResult(List.of(), List.of());
            }
            return rows(st.getResultSet());
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + sql, e);
        }
    }

    private static QueryResult rows(ResultSet rs) throws SQLException {
        try (rs) {
            List<ColumnInfo> columns = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            for (int i = 1; i <= n; i++) {
                columns.add(new ColumnInfo(rs.getMetaData().getColumnLabel(i), rs.getMetaData().getColumnTypeName(i)));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return new QueryResult(columns, rows);
        }
    }
}
