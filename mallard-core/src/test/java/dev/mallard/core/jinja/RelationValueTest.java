package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Relations behave as dbt-duckdb's Relation (outputs checked against dbt 1.11). */
class RelationValueTest {
    private final Templates t = Templates.withMacros();

    @Test
    void aRelationIsAMappingWhoseGetReadsItsFields() {
        assertEquals("True|table|db|dflt", t.render(
                "{% set r = ref('m') %}{{ r is mapping }}|{{ r.get('type') }}|{{ r.get('database') }}|"
                        + "{{ r.get('nope', 'dflt') }}"));
        assertEquals("False", t.render("{{ 'x' is mapping }}"));
    }

    @Test
    void dbtUtilsIsRelationCheckHoldsAndItemsReadAsAttributes() {
        assertEquals("True|table|True|False", t.render(
                "{% set r = ref('m') %}{{ r is mapping and r.get('metadata', {}).get('type', '').endswith('Relation') }}"
                        + "|{{ r['type'] }}|{{ r == ref('m') }}|{{ r == ref('other') }}"));
    }

    @Test
    void pathAndPoliciesPrintAsInDbt() {
        assertEquals("Path(database='db', schema='main', identifier='m')|m"
                + "|Policy(database=True, schema=True, identifier=True)|True", t.render(
                "{% set r = ref('m') %}{{ r.path }}|{{ r.get('path').identifier }}|{{ r.quote_policy }}"
                        + "|{{ r.include_policy.schema }}"));
    }

    @Test
    void incorporateReplacesPathPartsAndType() {
        assertEquals("view|True|\"db\".\"main\".\"zz\"|m", t.render(
                "{% set r = ref('m') %}{% set v = r.incorporate(type='view') %}{{ v.type }}|{{ v.is_view }}|"
                        + "{{ r.incorporate(path={'identifier': 'zz'}) }}|{{ r.identifier }}"));
    }

    @Test
    void includeAndQuoteChangeHowItRenders() {
        assertEquals("\"db\".\"m\"|\"main\".\"m\"|\"db\".\"main\".m|\"db\".\"main\"", t.render(
                "{% set r = ref('m') %}{{ r.include(schema=false) }}|{{ r.include(database=false).render() }}|"
                        + "{{ r.quote(identifier=false) }}|{{ r.without_identifier() }}"));
    }

    @Test
    void apiRelationCreateHasNoTypeUnlessGiven() {
        assertEquals("\"x\"|None|\"s\".\"x\"|view", t.render(
                "{{ api.Relation.create(identifier='x').render() }}|{{ api.Relation.create(identifier='x').type }}|"
                        + "{{ api.Relation.create(schema='s', identifier='x') }}|"
                        + "{{ api.Relation.create(identifier='x', type='view').type }}"));
        assertEquals("s.\"x\"|\"x\"", t.render(
                "{{ api.Relation.create(database='d', schema='s', identifier='x', quote_policy={'schema': false},"
                        + " include_policy={'database': false}) }}|"
                        + "{{ api.Relation.create(schema='s', identifier='x', include_policy={'schema': false}) }}"));
    }

    @Test
    void aListFromAVarCanBeAppendedToWithoutChangingTheVar() {
        t.runtime.vars.put("cols", List.of("a", Map.of("k", List.of())));
        assertEquals("['a', {'k': []}, 'b']|['a', {'k': []}]", t.render(
                "{% set c = var('cols') %}{% do c.append('b') %}{{ c }}|{{ var('cols') }}"));
    }

    @Test
    void configListsAndDictsAreMutableCopies() {
        t.runtime.config.put("keys", List.of("id"));
        t.runtime.config.put("opts", Map.of("a", 1L));
        assertEquals("['id', 'day']|{'a': 1, 'b': 2}|['id']", t.render(
                "{% set k = config.get('keys') %}{% do k.append('day') %}{% set o = config.require('opts') %}"
                        + "{% do o.update({'b': 2}) %}{{ k }}|{{ o }}|{{ config.get('keys') }}"));
    }

    @Test
    void columnsAnswerAsDbtDuckdbColumns() {
        assertEquals("s|VARCHAR|character varying(256)|True|False|256|\"s\"", t.render(
                "{% set c = api.Column.create('s', 'VARCHAR') %}{{ c.name }}|{{ c.dtype }}|{{ c.data_type }}|"
                        + "{{ c.is_string() }}|{{ c.is_number() }}|{{ c.string_size() }}|{{ c.quoted }}"));
        assertEquals("DECIMAL(10,2)|False|False|True|True|True|None", t.render(
                "{% set d = api.Column.create('d', 'DECIMAL(10,2)') %}{{ d.data_type }}|{{ d.is_numeric() }}|"
                        + "{{ d.is_number() }}|{{ api.Column('i', 'bigint').is_integer() }}|"
                        + "{{ api.Column.create('f', 'DOUBLE').is_float() }}|{{ api.Column.create('n', 'decimal')"
                        + ".is_numeric() }}|{{ d.numeric_scale }}"));
        assertEquals("TEXT|1::INTEGER|DuckDBColumn(column='z', dtype='integer', char_size=None, numeric_precision=None,"
                + " numeric_scale=None, fields=[])", t.render(
                "{{ api.Column.create('t', 'string').dtype }}|{{ api.Column('i', 'INTEGER').literal(1) }}|"
                        + "{{ api.Column('z', 'integer') }}"));
    }
}
