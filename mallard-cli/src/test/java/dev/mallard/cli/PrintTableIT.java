package dev.mallard.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run_query(...).print_table()} writes the table to the console as agate does in dbt
 * (dbt-project-evaluator's on-run-end prints its findings this way); dbt 1.11 prints this
 * project's table exactly so.
 */
class PrintTableIT {
    @TempDir
    Path dir;

    @Test
    void anOnRunEndHookPrintsAQueryResultAsATable() {
        TestProject p = TestProject.in(dir).dbtProject("""
                        on-run-end: "{{ show() }}"
                        """)
                .file("models/m.sql", "select 1 as id\n")
                .file("macros/show.sql", """
                        {% macro show() %}
                          {% if execute %}
                          {% set t = run_query("select 'abc' as name, 12 as n order by 1") %}
                          {{ print(t.print_table() or "") }}
                          {% endif %}
                        {% endmacro %}
                        """);

        p.runOk("run").assertOutContains("| name |  n |\n| ---- | -- |\n| abc  | 12 |\n");
    }
}
