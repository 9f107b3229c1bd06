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

    @Test
    void aConfigCallInAGenericTestsMacroConfiguresTheTestAsDbtsParseDoes(@TempDir Path dir) {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/zero_sum.sql", """
                        {% test zero_sum(model, column_name) %}
                        {{ config(fail_calc='sum(' ~ column_name ~ ')') }}
                        select {{ column_name }} from {{ model }}
                        {% endtest %}
                        """)
                .file("models/balanced.sql", "select * from (values (5), (-5)) as t(delta)")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: balanced
                            columns:
                              - name: delta
                                data_tests:
                                  - zero_sum
                        """);
        // two rows, but fail_calc sums them to 0: the test passes only with the macro's config
        p.run("build").assertOk().assertOutContains("PASS=2");
    }
}
