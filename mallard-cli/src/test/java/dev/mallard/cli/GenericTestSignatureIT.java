package dev.mallard.cli;

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

    private TestProject project(String testEntry) {
        return TestProject.in(dir).dbtProject()
                .file("models/m.sql", "select 1 as id")
                .file("macros/tests.sql", """
                        {% test row_count_is(model, n) %}
                        select * from (select count(*) as c from {{ model }}) x where c != {{ n }}
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
                        """ + "              - " + testEntry + "\n");
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
}
