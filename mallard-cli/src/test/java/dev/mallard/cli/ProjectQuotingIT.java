package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code quoting:} block of dbt_project.yml (dbt-expectations' integration tests turn
 * every part off): relations from {@code ref}, {@code this}, {@code adapter.get_relation} and
 * {@code api.Relation.create} render with the project's quote policy, sources keep their own,
 * a model's {@code quoting} config does not change {@code this}. Expected values come from
 * dbt 1.11.16 with dbt-duckdb 1.11.1 on the same files.
 */
class ProjectQuotingIT {
    @TempDir
    static Path dir;

    static TestProject project;

    @BeforeAll
    static void buildProject() {
        project = TestProject.in(dir).dbtProject("""
                        quoting:
                          database: false
                          schema: true
                          identifier: false
                        """)
                .file("models/a.sql", "select 1 as x")
                .file("models/b.sql", """
                        {{ config(quoting={'identifier': true}) }}
                        select '{{ ref('a').include(database=false) }}' as r,
                               '{{ this.include(database=false) }}' as t,
                               '{{ ref('a').quote_policy }}' as qp,
                               '{{ adapter.get_relation(this.database, 'main', 'a').include(database=false) }}' as gr,
                               '{{ api.Relation.create(schema='main', identifier='a') }}' as api,
                               '{{ api.Relation.create(schema='main', identifier='a', quote_policy={'identifier': true}) }}'
                                   as api_quoted,
                               '{{ adapter.quote_as_configured('x', 'identifier') }}' as qc,
                               '{{ source('raw', 'a').include(database=false) }}' as s,
                               x
                        from {{ ref('a') }}
                        """)
                .file("models/props.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: main
                            tables: [{name: a}]
                        models:
                          - name: a
                            columns:
                              - name: x
                                data_tests: [not_null]
                        """);
        project.runOk("build");
    }

    @Test
    void refThisAndAdapterRelationsFollowTheProjectQuoting() {
        assertEquals(List.of(List.of("\"main\".a", "\"main\".b",
                        "Policy(database=False, schema=True, identifier=False)", "\"main\".a", "\"main\".a",
                        "\"main\".\"a\"", "x", "\"main\".\"a\"")),
                project.rows("select r, t, qp, gr, api, api_quoted, qc, s from b"));
    }

    @Test
    void aTestsCompiledSqlReadsTheModelUnquoted() throws Exception {
        Path compiled = dir.resolve("target/compiled/proj/models/props.yml/not_null_a_x.sql");
        String sql = Files.readString(compiled);
        assertTrue(sql.contains(".\"main\".a\n") || sql.contains(".\"main\".a "), sql);
    }
}
