package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates seen in public dbt projects that Jinjava read wrongly (issue 10's table): each
 * must behave as in dbt, which runs Python's Jinja2.
 */
class JinjaGrammarIT {
    @TempDir
    static Path dir;

    static TestProject project;
    static CommandResult build;

    @BeforeAll
    static void buildProject() {
        project = TestProject.in(dir).dbtProject("""
                vars:
                  out_dir: lake
                models:
                  proj:
                    native_off:
                      +enabled: "{{ 1 > 2 }}"
                """)
                .file("models/native_off/off_by_project_yml.sql", "select 1 as x")
                .file("models/props.yml", """
                        version: 2
                        models:
                          - name: on_by_properties
                            config:
                              enabled: "{{ var('extra_enabled', true) }}"
                          - name: off_by_properties
                            config:
                              enabled: "{{ var('extra_enabled', false) }}"
                        """)
                .file("models/off_by_properties.sql", "select 1 as x")
                .file("models/on_by_properties.sql", "select 1 as x")
                .file("macros/helpers.sql", """
                        {% macro f(a, b=3) %}{{ a }}-{{ b }}{% endmacro %}
                        {% macro ordered(order_by='count(*) desc') %}{{ order_by }}{% endmacro %}
                        {% macro sep(d="','") %}{{ d }}{% endmacro %}
                        {% macro escaped(d=modules.re.escape('a.b')) %}{{ d }}{% endmacro %}
                        {% macro g(x, y) %}{{ x }}+{{ y }}{% endmacro %}
                        """)
                .file("models/trailing_comma.sql", """
                        {{ config(materialized='table',) }}
                        select '{{ [1, 2,] }}' as list_text, '{{ f(1, b=4,) }}' as call_text
                        """)
                .file("models/disabled_by_and.sql", """
                        {{ config(enabled = false and false) }}
                        select 1 as x
                        """)
                .file("models/none_or.sql", "select '{{ f(1, b = none or 5) }}' as v")
                .file("models/concat_config.sql", """
                        {{ config(materialized='ta' ~ 'ble') }}
                        select 1 as x
                        """)
                .file("models/concat_location.sql", """
                        {{ config(materialized='external', location=var('out_dir') ~ '/{name}.parquet') }}
                        select 1 as x
                        """)
                .file("models/macro_defaults.sql", """
                        select '{{ ordered() }}' as order_by, $${{ sep() }}$$ as sep, '{{ escaped() }}' as escaped
                        """)
                .file("models/call_forms.sql", """
                        {% set kw = {'x': 1, 'y': 2} %}
                        {% set k = 'KEY' %}
                        select '{{ g(**kw) }}' as star_kwargs, $${{ {k.lower(): 1} }}$$ as dict_key,
                               '{{ "ab" "cd" }}' as adjacent
                        """)
                .file("models/python_values.sql", """
                        select '{{ none }}' as none_text, '{{ 'x' ~ none }}' as concat, $${{ {'k': none} }}$$ as dict_text
                        """)
                .file("models/disabled_with_missing_var.sql", """
                        {{ config(enabled=false) }}
                        select '{{ var("not_set") }}' as v
                        """);
        build = project.run("build");
    }

    @Test
    void theProjectBuilds() {
        build.assertOk().assertOutContains("ERROR=0");
    }

    @Test
    void trailingCommasAreAllowedInCallsAndLists() {
        assertEquals("BASE TABLE", project.tableType("trailing_comma"));
        assertEquals("[1, 2]|1-4", project.value("select list_text || '|' || call_text from trailing_comma"));
    }

    @Test
    void aKeywordArgumentMayBeABooleanExpression() {
        assertNull(project.tableType("disabled_by_and"));
        assertEquals("1-5", project.value("select v from none_or"));
    }

    @Test
    void configValuesMayBeConcatenated() {
        assertEquals("BASE TABLE", project.tableType("concat_config"));
        assertTrue(project.exists("lake/concat_location.parquet"), "the location is var('out_dir') ~ '/{name}.parquet'");
        assertFalse(project.exists("concat_location.parquet"));
    }

    @Test
    void macroDefaultsMayBeAnyExpression() {
        assertEquals("count(*) desc|','|a\\.b", project.value("select order_by || '|' || sep || '|' || escaped "
                + "from macro_defaults"));
    }

    @Test
    void starKwargsDictKeysAndAdjacentStringsWork() {
        assertEquals("1+2|{'key': 1}|abcd", project.value("select star_kwargs || '|' || dict_key || '|' || adjacent "
                + "from call_forms"));
    }

    @Test
    void noneTrueAndFalsePrintAsPythonDoes() {
        assertEquals("None|xNone|{'k': None}", project.value("select none_text || '|' || concat || '|' || dict_text "
                + "from python_values"));
    }

    @Test
    void yamlValuesRenderToNativeTypesAsInDbt() {
        assertNull(project.tableType("off_by_project_yml"), "+enabled: \"{{ 1 > 2 }}\" is the boolean false");
        assertNull(project.tableType("off_by_properties"), "config enabled: \"{{ var(..., false) }}\" is false");
        assertEquals("VIEW", project.tableType("on_by_properties"), "properties config values are rendered");
    }

    @Test
    void aMissingVarInADisabledModelIsNoError() {
        assertNull(project.tableType("disabled_with_missing_var"));
    }

    @Test
    void anUndefinedNamespaceIsAnErrorNamingIt(@TempDir Path own) {
        TestProject p = TestProject.in(own).dbtProject()
                .file("models/uses_missing_package.sql", "select {{ nopkg.some_macro(1) }} as x");
        p.run("parse").assertOk();
        p.run("build").assertExit(1).assertOutputContains("'nopkg' is undefined", "models/uses_missing_package.sql:1");
    }

    @Test
    void aMissingVarParsesAndFailsOnlyItsModelWhenItIsCompiledAsInDbt(@TempDir Path own) {
        // dbt 1.11: var() is None while parsing; compiling the model raises "Required var ... not found"
        TestProject p = TestProject.in(own).dbtProject()
                .file("models/needs_var.sql", "select '{{ var(\"not_set\") }}' as v")
                .file("models/other.sql", "select 1 as x");
        p.run("parse").assertOk();
        p.run("build").assertExit(1).assertOutputContains("not_set", "models/needs_var.sql");
        assertEquals("VIEW", p.tableType("other"), "the other model is built");
        p.run("build", "--vars", "{not_set: given}").assertOk();
        assertEquals("given", p.value("select v from needs_var"));
    }

    @Test
    void aMissingVarInASnapshotOrASingularTestParsesToo(@TempDir Path own) {
        TestProject p = TestProject.in(own).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("snapshots/s.sql", """
                        {% snapshot s %}
                        {{ config(strategy='check', unique_key='id', check_cols='all', target_schema='main') }}
                        select 1 as id, '{{ var("snap_v") }}' as v
                        {% endsnapshot %}
                        """)
                .file("tests/t1.sql", "select * from {{ ref('a') }} where id = {{ var('t_v') }}");
        p.run("parse").assertOk();
        p.run("build").assertExit(1).assertOutputContains("snap_v", "snapshots/s.sql", "t_v", "tests/t1.sql");
        p.run("build", "--vars", "{snap_v: x, t_v: 2}").assertOk();
    }

    @Test
    void everySyntaxErrorOfTheProjectIsReportedInPathOrderWithLineAndColumn(@TempDir Path own) {
        TestProject p = TestProject.in(own).dbtProject()
                .file("models/b_second.sql", "select\n  {{ 1 + }} as x\n")
                .file("models/a_first.sql", "{% if true %}\nselect 1\n")
                .file("macros/m.sql", "{% macro m(a b) %}{% endmacro %}\n")
                .file("models/fine.sql", "select 1 as x");
        for (int run = 0; run < 2; run++) {
            String all = p.run("parse").assertExit(2).all();
            int macro = all.indexOf("macros/m.sql:1:");
            int first = all.indexOf("models/a_first.sql:");
            int second = all.indexOf("models/b_second.sql:2:");
            assertTrue(macro >= 0 && first > macro && second > first, all);
            assertTrue(all.contains("Compilation Error"), all);
            assertFalse(all.contains("fine.sql"), all);
        }
    }

    @Test
    void everyModelThatFailsToRenderAtParseTimeIsReportedInPathOrder(@TempDir Path own) {
        TestProject p = TestProject.in(own).dbtProject();
        for (int i = 0; i < 12; i++) {
            p.file(String.format("models/m%02d.sql", i), i % 4 == 1
                    ? "{{ exceptions.raise_compiler_error('missing_" + i + "') }}" : "select " + i + " as x");
        }
        for (int run = 0; run < 3; run++) {
            String all = p.run("parse").assertExit(2).all();
            int a = all.indexOf("models/m01.sql");
            int b = all.indexOf("models/m05.sql");
            int c = all.indexOf("models/m09.sql");
            assertTrue(a >= 0 && b > a && c > b, all);
            assertTrue(all.contains("missing_9"), all);
        }
    }
}
