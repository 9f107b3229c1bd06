package dev.mallard.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Found ..." line counts kinds in the order dbt meets them while parsing (dbt-core 1.11.16 printed
 * "Found 1 model, 1 snapshot, 1 analysis, 2 data tests, 1 seed, 2 operations, 1 source, 1 exposure, 511
 * macros" for this project; Mallard's own built-in macros are fewer).
 */
class FoundStatsIT {
    @TempDir
    Path dir;

    @Test
    void kindsComeInDbtsOrder() {
        TestProject p = TestProject.in(dir);
        p.dbtProject("on-run-start: [\"select 1\"]\non-run-end: [\"select 2\"]\n")
                .file("models/a.sql", "select 1 as id")
                .file("analyses/an.sql", "select * from {{ ref('a') }}")
                .file("tests/t1.sql", "select * from {{ ref('a') }} where id < 0")
                .file("seeds/s.csv", "id\n1\n")
                .file("snapshots/snap.sql", """
                        {% snapshot snap %}
                        {{ config(strategy='check', unique_key='id', check_cols='all', target_schema='main') }}
                        select * from {{ ref('a') }}
                        {% endsnapshot %}
                        """)
                .file("models/schema.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: main
                            tables: [{name: t}]
                        models:
                          - name: a
                            columns:
                              - name: id
                                tests: [not_null]
                        exposures:
                          - name: e
                            type: dashboard
                            owner: {email: a@b.c}
                            depends_on: [ref('a')]
                        """);
        p.runOk("build").assertOutContains(
                "Found 1 model, 1 snapshot, 1 analysis, 2 data tests, 1 seed, 2 operations, 1 source, 1 exposure, ",
                "Finished running 1 exposure, 2 project hooks, 1 seed, 1 snapshot, 2 data tests, 1 view model in ");
    }

    @Test
    void genericTestsAndUnitTestsComeAfterTheFilesAsInDbt() {
        // dbt-core 1.11.16: "Found 1 model, 1 seed, 1 test, 1 source, ... macros, 1 unit test" (one is a "test",
        // two are "data tests"), and "Finished running 1 seed, 1 test, 1 unit test, 1 view model in ..."
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("seeds/s.csv", "id\n1\n")
                .file("models/schema.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: main
                            tables: [{name: t}]
                        models:
                          - name: a
                            columns:
                              - name: id
                                tests: [not_null]
                        unit_tests:
                          - name: ut
                            model: a
                            given: []
                            expect:
                              rows: [{id: 1}]
                        """);
        p.runOk("build").assertOutContains("Found 1 model, 1 seed, 1 test, 1 source, ", " macros, 1 unit test\n",
                "Finished running 1 seed, 1 test, 1 unit test, 1 view model in ");
    }
}
