package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** modules.*, tojson/fromjson, yaml, zip/set/list/dict, local_md5 and the invocation variables. */
class ContextFunctionsTest {
    private final Templates t = Templates.withMacros();

    @Test
    void datetimeConstructionFormattingAndArithmetic() {
        assertEquals("2024-03-05 07:08:09|2024-03-05T07:08:09|05/03/2024 Tue", t.render("""
                {%- set d = modules.datetime.datetime(2024, 3, 5, 7, 8, 9) -%}
                {{ d }}|{{ d.isoformat() }}|{{ d.strftime('%d/%m/%Y %a') }}"""));
        assertEquals("2024-02-29 2024", t.render(
                "{% set d = modules.datetime.date(2024, 3, 1) - modules.datetime.timedelta(days=1) %}{{ d }} {{ d.year }}"));
        assertEquals("2024-01-02 06:00:00", t.render(
                "{{ modules.datetime.datetime(2024, 1, 1, 18) + modules.datetime.timedelta(hours=12) }}"));
        assertEquals("1 day, 2:00:00", t.render("{{ modules.datetime.datetime(2024, 1, 2, 2) "
                + "- modules.datetime.datetime(2024, 1, 1) }}"));
        assertEquals("2023-12-31 True", t.render("{% set a = modules.datetime.datetime.strptime('2023-12-31', '%Y-%m-%d') %}"
                + "{{ a.date() }} {{ a < modules.datetime.datetime.now() }}"));
        assertEquals("10", t.render("{{ modules.datetime.date.today().strftime('%Y') | length * 2 + 2 }}"));
    }

    @Test
    void reModuleBasics() {
        assertEquals("123|none|a_b_c|[1, 22]|x-y", t.render("""
                {%- set m = modules.re.search('(\\\\d+)', 'abc123def') -%}
                {{ m.group(1) }}|{{ 'none' if modules.re.match('\\\\d', 'abc') is none }}|\
                {{ modules.re.sub('[^a-z]+', '_', 'a1b22c') }}|{{ modules.re.findall('\\\\d+', 'a1b22') | map('int') | list }}|\
                {{ modules.re.compile('(?P<first>\\\\w)\\\\w*').sub('\\\\g<first>', 'xx-yy') }}"""));
    }

    @Test
    void jsonAndYamlRoundTrips() {
        // Python json.dumps separators, as dbt prints it
        assertEquals("{\"a\": [1, 2], \"b\": \"x\"}", t.render("{{ tojson({'a': [1, 2], 'b': 'x'}) }}"));
        assertEquals("2 y", t.render("{% set o = fromjson('{\"k\": [1, 2], \"s\": \"y\"}') %}{{ o.k | length }} {{ o.s }}"));
        assertEquals("b", t.render("{% set y = fromyaml('a: [b, c]') %}{{ y.a[0] }}"));
        assertTrue(t.render("{{ toyaml({'a': 1}) }}").startsWith("a: 1"));
    }

    @Test
    void zipSetListDict() {
        assertEquals("a1,b2,", t.render("{% for x, n in zip(['a', 'b', 'c'], [1, 2]) %}{{ x }}{{ n }},{% endfor %}"));
        assertEquals("2 True", t.render("{% set s = set(['a', 'b', 'a']) %}{{ s | length }} {{ 'a' in s }}"));
        assertEquals("x,y", t.render("{{ 'xy' | list | join(',') }}"));
        assertEquals("1 2", t.render("{% set d = dict(a=1, b=2) %}{{ d.a }} {{ d['b'] }}"));
    }

    @Test
    void localMd5() {
        assertEquals("5d41402abc4b2a76b9719d911017c592", t.render("{{ local_md5('hello') }}"));
    }

    @Test
    void invocationVariablesAndCallerBindings() {
        String out = t.render("{{ invocation_id | length }}|{{ run_started_at.year > 2000 }}|{{ project_name }}|"
                        + "{{ flags.FULL_REFRESH }}|{{ target.name }}|{{ this }}",
                Map.of("project_name", "shop", "flags", Map.of("FULL_REFRESH", true)));
        assertEquals("36|True|shop|True|dev|\"db\".\"main\".\"this_model\"", out);
        // one id per invocation, as in dbt: the one run_results.json and the log events carry
        assertEquals(dev.mallard.core.events.Invocation.id(), t.render("{{ invocation_id }}"));
    }

    @Test
    void logAndPrintGoToTheRuntime() {
        assertEquals("", t.render("{{ log('to log', info=True) }}{{ print('to print') }}{% do log('quiet') %}"));
        assertEquals(List.of("to log", "to print", "quiet"), t.runtime.logs);
    }

    @Test
    void configCallsReachTheRuntime() {
        assertEquals(" select 1", t.render("{{ config(materialized='view', tags=['a']) }} select 1"));
        assertEquals("view", t.runtime.config.get("materialized"));
        assertEquals("view", t.render("{{ config.get('materialized') }}"));
    }
}
