package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt renders every generic test's macro at parse time, so an argument the macro does not take
 * (a table-level test listed under a column gets {@code column_name}) stops the parse before
 * anything is built. A macro that reads {@code kwargs} takes any argument. Expected values come
 * from dbt 1.11.16 with dbt-duckdb 1.11.1 on the same files.
 */
class GenericTestSignatureIT {
    @TempDir
    Path dir;

    private TestProject project(String... testEntries) {
        return TestProject.in(dir).dbtProject()
                .file("models/m.sql", "select 1 as id")
                .file("macros/tests.sql", """
                        {% test row_count_is(model, n) %}
                        select * from (select count(*) as c from {{ model }}) x where c != {{ n }}
                        {% endtest %}
                        {% test at_least(model, column_name, min_value=None, max_value=None) %}
                        {% if min_value is none and max_value is none %}
                          {{ exceptions.raise_compiler_error("You have to provide either a min_value, max_value or both.") }}
                        {% endif %}
                        {{ config(severity='warn' if min_value is not none and min_value > 5 else 'error') }}
                        select * from {{ model }} where {{ column_name }} < {{ min_value }}
                        {% endtest %}
                        {% test anything_goes(model) %}
                        select * from {{ model }} where {{ kwargs.get('column_name', 'id') }} is null
                        {% endtest %}
                        """)
                .file("models/s.yml", """
                        version: 2
                        models:
                          - name: m
                            columns:
                              - name: id
                                data_tests:
                        """ + java.util.Arrays.stream(testEntries).map(e -> "              - " + e + "\n")
                        .collect(java.util.stream.Collectors.joining()));
    }

    @Test
    void aTableTestUnderAColumnIsAParseError() {
        TestProject p = project("row_count_is: {arguments: {n: 1}}");
        p.run("build").assertExit(2).assertOutputContains("macro 'dbt_macro__test_row_count_is' takes no keyword "
                + "argument 'column_name'", "row_count_is_m_id__1");
        assertFalse(p.dir().resolve("target/run_results.json").toFile().exists());
    }

    @Test
    void anArgumentTheMacroDoesNotTakeIsAParseErrorUnlessItReadsKwargs() {
        project("row_count_is: {arguments: {n: 1, nope: 2}}").run("parse").assertExit(2)
                .assertOutputContains("takes no keyword argument");
        project("anything_goes: {arguments: {extra: 2}}").runOk("build");
    }

    @Test
    void aCompilerErrorTheMacroRaisesAtParseTimeStopsTheParse() {
        TestProject p = project("at_least");
        p.run("build").assertExit(2).assertOutputContains("You have to provide either a min_value, max_value or both.",
                "at_least_m_id");
        assertFalse(p.dir().resolve("target/run_results.json").toFile().exists());
    }

    @Test
    void eachTestsConfigCallSeesItsOwnArguments() {
        TestProject p = project("at_least: {arguments: {min_value: 9}}", "at_least: {arguments: {min_value: 3}}");
        p.run("build").assertExit(1);
        java.util.Map<String, String> statuses = new java.util.TreeMap<>();
        p.json("target/run_results.json").get("results").forEach(r -> statuses.put(r.get("unique_id").asText(),
                r.get("status").asText()));
        assertEquals("{model.proj.m=success, test.proj.at_least_m_id__3.13340c8e63=fail, "
                + "test.proj.at_least_m_id__9.a7cb3ba8be=warn}", statuses.toString());
    }
}
