package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** statement blocks, load_result, run_query and the call(args) form. */
class StatementTest {

    @Test
    void statementRunsTheBodyAndLoadResultReturnsDataTableAndResponse() {
        Templates t = Templates.withMacros();
        String out = t.render("""
                {%- call statement('max_id', fetch_result=True) -%}
                  select max(id) from {{ ref('orders') }}
                {%- endcall -%}
                {%- set r = load_result('max_id') -%}
                {{ r['data'][0][0] }}|{{ r['data'] | length }}|{{ r['table'].columns[1].name }}|{{ r.response.rows_affected }}""");
        assertEquals("1|2|s|2", out);
        assertEquals(1, t.runtime.queries.size());
        assertEquals("select max(id) from \"db\".\"main\".\"orders\"", t.runtime.queries.get(0).trim());
    }

    @Test
    void statementsDoNotRunWhileParsing() {
        Templates t = Templates.withMacros(false);
        String out = t.render("{% call statement('x', fetch_result=True) %}select 1{% endcall %}"
                + "[{{ load_result('x') }}]{% if execute %}never{% endif %}");
        assertEquals("[None]", out);
        assertTrue(t.runtime.queries.isEmpty());
    }

    @Test
    void runQueryWhileParsingIsJinjasUndefinedTableOfNone() {
        // dbt's run_query returns load_result(...).table, and load_result is None while parsing:
        // a plain Undefined that prints empty, has no rows and is not none (dbt-core 1.11.16)
        Templates t = Templates.withMacros(false);
        assertEquals("[]|0|False|", t.render("{% set r = run_query('select 1') %}[{{ r }}]|{{ r | length }}"
                + "|{{ r is none }}|{% for row in r %}row{% endfor %}"));
        assertTrue(t.runtime.queries.isEmpty());
        // at run time the same template reads the rows
        assertEquals("row", Templates.withMacros(true).render(
                "{% for row in run_query('select 1') %}{% if loop.first %}row{% endif %}{% endfor %}"));
    }

    @Test
    void statementWorksFromInsideAMacro() {
        Templates t = Templates.withMacros("macros/q.sql", """
                {% macro get_values() %}
                  {% call statement('vals', fetch_result=True) %}select s from t{% endcall %}
                  {{ return(load_result('vals')['table'].columns[1].values()) }}
                {% endmacro %}""");
        assertEquals("a,b", t.render("{{ get_values() | join(',') }}"));
    }

    @Test
    void runQueryReturnsAnAgateLikeTable() {
        Templates t = Templates.withMacros();
        assertEquals("1:a 2:b |n,s", t.render(
                "{% set r = run_query('select 1') %}{% for row in r.rows %}{{ row[0] }}:{{ row['s'] }} {% endfor %}"
                        + "|{{ r.column_names | join(',') }}"));
    }

    @Test
    void callWithArgumentsPassesValuesToTheBody() {
        Templates t = Templates.withMacros("macros/each.sql", """
                {% macro each(items) %}{% for i in items %}{{ caller(i, loop.index) }}{% endfor %}{% endmacro %}""");
        assertEquals("<a:1><b:2>", t.render("{% call(item, n) each(['a', 'b']) %}<{{ item }}:{{ n }}>{% endcall %}"));
    }

    @Test
    void callWithoutArgumentsStillWorks() {
        Templates t = Templates.withMacros("macros/wrap.sql",
                "{% macro wrap() %}({{ caller() }}){% endmacro %}");
        assertEquals("(inner)", t.render("{% call wrap() %}inner{% endcall %}", Map.of()));
    }
}
