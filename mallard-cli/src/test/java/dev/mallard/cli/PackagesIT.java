package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An installed package's macros and generic tests are usable from the project, as in dbt. */
class PackagesIT {

    @Test
    void aLocalPackagesMacrosAndGenericTestsWorkUnderItsName(@TempDir Path dir) {
        TestProject.in(dir.resolve("helpers")).named("helpers").dbtProject()
                .file("macros/cents.sql", """
                        {% macro to_dollars(col) %}({{ col }} / 100.0){% endmacro %}
                        {% macro greeting() %}from the package{% endmacro %}
                        """)
                .file("tests/generic/is_positive.sql", """
                        {% test is_positive(model, column_name) %}
                        select * from {{ model }} where {{ column_name }} <= 0
                        {% endtest %}
                        """);
        TestProject p = TestProject.in(dir.resolve("app")).dbtProject()
                .file("packages.yml", "packages:\n  - local: ../helpers\n")
                .file("macros/own.sql", "{% macro greeting() %}from the project{% endmacro %}\n")
                // the project's own test of the same name must not replace helpers.is_positive
                .file("macros/own_tests.sql", """
                        {% test is_positive(model, column_name) %}select 1 as always_fails{% endtest %}
                        """)
                .file("models/prices.sql", """
                        select {{ helpers.to_dollars('1250') }} as dollars,
                               '{{ greeting() }}' as unqualified,
                               '{{ proj.greeting() }}' as own_namespace
                        """)
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: prices
                            columns:
                              - name: dollars
                                data_tests:
                                  - helpers.is_positive
                        """);
        p.run("deps").assertOk();
        p.run("build").assertOk().assertOutContains("PASS=2");
        assertEquals("12.5|from the project|from the project",
                p.value("select dollars::varchar || '|' || unqualified || '|' || own_namespace from prices"));
    }
}
