package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.error.MallardException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter and api objects. */
class AdapterTest {
    private final Templates t = Templates.withMacros("macros/dispatch.sql", """
            {% macro concat_cols(cols) %}{{ return(adapter.dispatch('concat_cols', 'my_pkg')(cols)) }}{% endmacro %}
            {% macro default__concat_cols(cols) %}concat({{ cols | join(', ') }}){% endmacro %}
            {% macro duckdb__concat_cols(cols) %}{{ cols | join(' || ') }}{% endmacro %}
            {% macro safe_div(a, b) %}{{ adapter.dispatch('safe_div')(a, b) }}{% endmacro %}
            {% macro default__safe_div(a, b) %}{{ a }} / nullif({{ b }}, 0){% endmacro %}
            {% macro quoted(x) %}{{ adapter.dispatch('quoted')(x=x) }}{% endmacro %}
            {% macro default__quoted(x) %}[{{ x }}]{% endmacro %}
            """);

    @Test
    void behaviourFlagsAreOffUnlessTheProjectSetsThem() {
        assertEquals("False|False", t.render(
                "{{ adapter.behavior.enable_truthy_nulls_equals_macro.setting }}|"
                        + "{{ adapter.behavior.enable_truthy_nulls_equals_macro.no_warn }}"));
    }

    @Test
    void quotingHelpersQuoteAsDbtDuckdbDoes() {
        assertEquals("\"x\"|\"c\"|c|\"d\"", t.render("{{ adapter.quote_as_configured('x', 'identifier') }}|"
                + "{{ adapter.quote_seed_column('c', none) }}|{{ adapter.quote_seed_column('c', false) }}|"
                + "{{ adapter.quote_seed_column('d', true) }}"));
    }

    @Test
    void checkSchemaExistsAndListSchemasAskTheDatabase() {
        t.runtime.queryHandler = sql -> new dev.mallard.core.engine.QueryResult(
                List.of(new ColumnInfo("schema_name", "VARCHAR")),
                sql.contains("lower('Main')") ? List.of(List.of("main")) : sql.contains("lower(schema_name)")
                        ? List.of() : List.of(List.of("main"), List.of("other")));
        assertEquals("True|False|['main', 'other']", t.render("{{ adapter.check_schema_exists(none, 'Main') }}|"
                + "{{ adapter.check_schema_exists(database=none, schema='nope') }}|{{ adapter.list_schemas(none) }}"));
    }

    @Test
    void dispatchPrefersTheDuckdbImplementation() {
        assertEquals("a || b", t.render("{{ concat_cols(['a', 'b']) }}"));
    }

    @Test
    void dispatchFallsBackToDefaultAndPassesKeywordArguments() {
        assertEquals("x / nullif(y, 0)", t.render("{{ safe_div('x', 'y') }}"));
        assertEquals("[k]", t.render("{{ quoted('k') }}"));
    }

    @Test
    void aDispatchedMacroHeldInAVariableCanBeCalled() {
        assertEquals("a || b", t.render("{% set impl = adapter.dispatch('concat_cols') %}{{ impl(['a', 'b']) }}"));
    }

    @Test
    void dispatchOfAnUnknownMacroNamesWhatItSearched() {
        MallardException e = assertThrows(MallardException.class, () -> t.render("{{ adapter.dispatch('nope', 'p')() }}"));
        assertTrue(e.getMessage().contains("p.duckdb__nope") && e.getMessage().contains("p.default__nope"), e.getMessage());
    }

    @Test
    void dispatchRefusesThePre10PackagesArgumentAsDbtDoes() {
        MallardException e = assertThrows(MallardException.class,
                () -> t.render("{{ adapter.dispatch('concat_cols', packages=['my_pkg'])(['a']) }}"));
        assertTrue(e.getMessage().contains("\"packages\" argument of adapter.dispatch() has been deprecated")
                && e.getMessage().contains("Raised during dispatch for: concat_cols"), e.getMessage());
    }

    @Test
    void getRelationAndColumns() {
        t.runtime.tables.put("orders", List.of(new ColumnInfo("id", "INTEGER"), new ColumnInfo("note", "VARCHAR")));
        assertEquals("\"db\".\"main\".\"orders\"|none", t.render("""
                {%- set r = adapter.get_relation(database='db', schema='main', identifier='orders') -%}
                {%- set missing = adapter.get_relation(database='db', schema='main', identifier='nope') -%}
                {{ r }}|{{ 'none' if missing is none else 'found' }}"""));
        // dbt-duckdb gives a string column's data_type as character varying(256)
        assertEquals("id:INTEGER:INTEGER:False note:character varying(256):VARCHAR:True ", t.render("""
                {%- for c in adapter.get_columns_in_relation(ref('orders')) -%}
                {{ c.name }}:{{ c.data_type }}:{{ c.dtype }}:{{ c.is_string() }} {% endfor %}"""));
    }

    @Test
    void quoteAndType() {
        assertEquals("\"my col\" duckdb", t.render("{{ adapter.quote('my col') }} {{ adapter.type() }}"));
    }

    @Test
    void apiRelationCreate() {
        assertEquals("\"d\".\"s\".\"t\" t view", t.render(
                "{% set r = api.Relation.create(database='d', schema='s', identifier='t', type='view') %}"
                        + "{{ r }} {{ r.identifier }} {{ r.type }}"));
    }

    @Test
    void dropTruncateAndRenameRelationRunDbtDuckdbsStatements() {
        t.render("{% set r = api.Relation.create(database='db', schema='s', identifier='t', type='view') %}"
                + "{% do adapter.drop_relation(r) %}{% do adapter.truncate_relation(r.incorporate(type='table')) %}"
                + "{% do adapter.rename_relation(r.incorporate(type='table'), r.incorporate(path={'identifier': 'u'})) %}");
        assertEquals(List.of("drop view if exists \"db\".\"s\".\"t\" cascade", "truncate table \"db\".\"s\".\"t\"",
                "alter table \"db\".\"s\".\"t\" rename to \"u\""), t.runtime.queries);
    }

    @Test
    void createAndDropSchemaRunDbtDuckdbsStatements() {
        t.render("{% set r = api.Relation.create(database='db', schema='s') %}"
                + "{% do adapter.create_schema(r) %}{% do adapter.drop_schema(r) %}"
                + "{% do adapter.create_schema(api.Relation.create(schema='only')) %}");
        assertEquals(List.of("create schema if not exists \"db\".\"s\"", "drop schema if exists \"db\".\"s\" cascade",
                "create schema if not exists \"only\""), t.runtime.queries);
    }

    @Test
    void aStructColumnListsItsFieldsAsDbtDuckdbParsesThem() {
        // the oracle: dbt-duckdb's DuckDBColumn, including its plain split of a quoted name with a space
        assertEquals("a|STRUCT(b INTEGER, c VARCHAR[])|b:INTEGER,c:VARCHAR[]|\"d:e\" DECIMAL(10,2)|0", t.render(
                "{% set c = api.Column('x', 'STRUCT(a STRUCT(b INTEGER, c VARCHAR[]), \"d e\" DECIMAL(10,2))') %}"
                        + "{% set a = c.fields[0] %}{{ a.name }}|{{ a.dtype }}|"
                        + "{% for f in a.fields %}{{ f.name }}:{{ f.dtype }}{{ ',' if not loop.last }}{% endfor %}|"
                        + "{{ c.fields[1].name }}:{{ c.fields[1].dtype }}|{{ api.Column('m', 'MAP(VARCHAR, INTEGER)').fields | length }}"));
        assertEquals("[DuckDBColumn(column='n', dtype='int', char_size=None, numeric_precision=None, numeric_scale=None,"
                + " fields=[])]", t.render("{{ api.Column('x', 'struct(n int)[]').fields }}"));
    }
}
