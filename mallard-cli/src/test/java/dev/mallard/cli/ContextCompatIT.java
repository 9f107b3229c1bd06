package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Context members third-party projects use: a project macro overriding {@code ref}/{@code source}
 * through {@code builtins}, the {@code model} variable as the whole node ({@code model.config},
 * {@code model.columns}, ...), and adapter helpers. Expected values come from dbt 1.11.16 with
 * dbt-duckdb 1.11.1 on the same files.
 */
class ContextCompatIT {
    @TempDir
    static Path dir;

    static TestProject project;

    @BeforeAll
    static void buildProject() {
        project = TestProject.in(dir).dbtProject()
                .file("macros/ref.sql", """
                        {% macro ref(model_name, v=None) %}
                          {% do return(builtins.ref(model_name)) %}
                        {% endmacro %}
                        {% macro source(source_name, table_name) %}
                          {% do return(builtins.source(source_name, table_name).include(database=false)) %}
                        {% endmacro %}
                        """)
                .file("models/a.sql", "select 1 as id")
                .file("models/b.sql", "select * from {{ ref('a') }}")
                .file("models/src.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: main
                            tables: [{name: a}]
                        """)
                .file("models/from_source.sql", "-- depends_on: {{ ref('a') }}\n"
                        + "select '{{ source('raw', 'a') }}' as s, * from {{ source('raw', 'a') }}")
                .file("models/c.sql", """
                        {% set s = model.config.materialized ~ '|' ~ model.tags ~ '|' ~ model.meta.owner ~ '|'
                            ~ (model.columns.keys() | list) ~ '|' ~ model.description ~ '|' ~ model.fqn ~ '|'
                            ~ model.schema ~ '|' ~ model.path ~ '|' ~ model.resource_type ~ '|' ~ model.package_name
                            ~ '|' ~ model.alias ~ '|' ~ model.config.get('tags') ~ '|' ~ model.depends_on.nodes %}
                        select '{{ s | replace("'", "''") }}' as r, 1 as m
                        """)
                .file("models/adapter_helpers.sql", """
                        select '{{ adapter.quote_as_configured('x', 'identifier') | replace("'", "''") }}' as q,
                               '{{ adapter.quote_seed_column('c', false) }}' as seed_col,
                               {{ adapter.check_schema_exists(target.database, 'main') }} as has_main,
                               {{ adapter.check_schema_exists(target.database, 'nope') }} as has_nope
                        """)
                .file("models/invocation.sql", """
                        select '{{ flags.WHICH }}' as which, {{ dbt_version is string }} as version_is_str,
                               {{ 'model.proj.invocation' in selected_resources }} as self_selected,
                               {{ selected_resources | length }} as n_selected
                        """)
                .file("macros/which.sql", "{% macro which() %}{{ log('which=' ~ flags.WHICH, info=true) }}{% endmacro %}")
                .file("models/ut.yml", """
                        version: 2
                        unit_tests:
                          - name: ut_c
                            model: c
                            given: []
                            expect:
                              rows:
                                - {m: 1, r: "unit|[]||[]||['unit_test', 'proj', 'c', 'ut_c']|main|models/ut_c.sql|unit_test|proj|ut_c|[]|[]"}
                        """)
                .file("models/s.yml", """
                        version: 2
                        models:
                          - name: c
                            description: the c model
                            config:
                              tags: [t1]
                              meta: {owner: me}
                            columns:
                              - name: r
                              - name: m
                        """);
        project.runOk("build");
        project.json("target/run_results.json").get("results").forEach(r -> statuses.add(
                r.get("unique_id").asText() + "=" + r.get("status").asText()));
    }

    static final List<String> statuses = new java.util.ArrayList<>();

    @Test
    void aRefOverrideCallsBuiltinsRefAndKeepsTheDependency() {
        assertEquals(List.of(List.of("1")), project.rows("select * from b"));
        assertEquals("[\"model.proj.a\"]", project.json("target/manifest.json").get("nodes").get("model.proj.b")
                .get("depends_on").get("nodes").toString());
        assertEquals(List.of(List.of("\"main\".\"a\"")), project.rows("select s from from_source"));
    }

    @Test
    void inAUnitTestModelIsTheUnitTestAsInDbt() {
        org.junit.jupiter.api.Assertions.assertTrue(statuses.contains("unit_test.proj.c.ut_c=pass"),
                statuses.toString());
    }

    @Test
    void modelIsTheWholeNode() {
        assertEquals(List.of(List.of("view|['t1']|me|['r', 'm']|the c model|['proj', 'c']|main|c.sql|model|proj|c"
                + "|['t1']|[]")), project.rows("select r from c"));
    }

    @Test
    void flagsWhichDbtVersionAndSelectedResources() {
        assertEquals(List.of(List.of("build", "true", "true", "7")),
                project.rows("select which, version_is_str, self_selected, n_selected from invocation"));
        project.runOk("run-operation", "which").assertOutContains("which=run-operation");
    }

    @Test
    void adapterQuotingAndSchemaHelpers() {
        assertEquals(List.of(List.of("\"x\"", "c", "true", "false")),
                project.rows("select q, seed_col, has_main, has_nope from adapter_helpers"));
    }
}
