package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbt's Jinja context in models: one project using every feature, built once. */
class JinjaIT {
    @TempDir
    static Path dir;

    static TestProject project;
    static CommandResult build;

    @BeforeAll
    static void buildProject() {
        project = TestProject.in(dir).dbtProject("""
                vars:
                  greeting: hello
                models:
                  proj:
                    +materialized: table
                """)
                .file("data/people.csv", "id,name\n1,Ada\n2,Bruno\n")
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: files
                            tables:
                              - name: people
                                meta:
                                  external_location: "data/{name}.csv"
                        """)
                .file("macros/cents_to_dollars.sql", """
                        {% macro cents_to_dollars(column_name, scale=2) -%}
                            ({{ column_name }} / 100)::decimal(16, {{ scale }})
                        {%- endmacro %}
                        """)
                .file("models/payments.sql", """
                        select * from (values (1, 'card', 1050), (2, 'coupon', 200), (3, 'card', 99))
                            as t(id, method, amount_cents)
                        """)
                .file("models/one_arg_ref.sql", "select count(*) as n from {{ ref('payments') }}")
                .file("models/two_arg_ref.sql", "select count(*) as n from {{ ref('proj', 'payments') }}")
                .file("models/from_source.sql", "select name from {{ source('files', 'people') }}")
                .file("models/configured.sql", """
                        {{ config(materialized='view', alias='configured_alias') }}
                        select '{{ config.get("materialized") }}' as materialized
                        """)
                .file("models/self_aware.sql", "select '{{ this.identifier }}' as identifier, "
                        + "'{{ this.schema }}' as schema_name")
                .file("models/variables.sql", """
                        select '{{ var("greeting") }}' as greeting,
                               '{{ var("absent", "default") }}' as absent,
                               '{{ env_var("MALLARD_IT_SURELY_UNSET", "env default") }}' as env_default
                        """)
                .file("models/incremental_check.sql", """
                        {% if is_incremental() %}
                        select 'incremental' as mode
                        {% else %}
                        select 'full' as mode
                        {% endif %}
                        """)
                .file("models/dollars.sql", """
                        select id, {{ cents_to_dollars('amount_cents') }} as amount
                        from {{ ref('payments') }}
                        """)
                .file("models/by_method.sql", """
                        {% set methods = ['card', 'coupon'] %}
                        select
                        {% for m in methods %}
                            sum(case when method = '{{ m }}' then amount_cents else 0 end) as {{ m }}_cents
                            {%- if not loop.last %},{% endif %}
                        {% endfor %}
                        from {{ ref('payments') }}
                        """)
                .file("models/row_count.sql", """
                        -- depends_on: {{ ref('payments') }}
                        {% if execute %}
                            {% set rows = run_query("select * from " ~ ref('payments')) | length %}
                        {% else %}
                            {% set rows = -1 %}
                        {% endif %}
                        select {{ rows }} as n
                        """);
        build = project.run("build");
    }

    @Test
    void theProjectBuilds() {
        build.assertOk().assertOutContains("ERROR=0");
    }

    @Test
    void refWithOneOrTwoArgumentsResolvesTheModel() {
        assertEquals("3", project.value("select n from one_arg_ref"));
        assertEquals("3", project.value("select n from two_arg_ref"));
    }

    @Test
    void sourceResolvesToItsExternalLocation() {
        assertEquals(List.of(List.of("Ada"), List.of("Bruno")), project.rows("select name from from_source order by 1"));
    }

    @Test
    void configSetsMaterializationAndAliasAndIsReadableWithConfigGet() {
        assertEquals("VIEW", project.tableType("configured_alias"));
        assertEquals(null, project.tableType("configured"));
        assertEquals("view", project.value("select materialized from configured_alias"));
    }

    @Test
    void thisIsTheModelsOwnRelation() {
        assertEquals(List.of(List.of("self_aware", "main")), project.rows("select * from self_aware"));
    }

    @Test
    void varAndEnvVarHaveValuesAndDefaults() {
        assertEquals(List.of(List.of("hello", "default", "env default")), project.rows("select * from variables"));
    }

    @Test
    void isIncrementalIsFalseForATable() {
        assertEquals("full", project.value("select mode from incremental_check"));
    }

    @Test
    void runQueryUnderExecuteSeesTheBuiltParent() {
        assertEquals("3", project.value("select n from row_count"));
    }

    @Test
    void runQueryResultColumnsAndRowsAreReadable(@TempDir Path own) {
        TestProject p = TestProject.in(own).dbtProject()
                .file("models/payments.sql", "select * from (values (1, 1050), (2, 200)) as t(id, amount_cents)")
                .file("models/queried.sql", """
                        -- depends_on: {{ ref('payments') }}
                        {% if execute %}
                            {% set result = run_query("select max(amount_cents) as m from " ~ ref('payments')) %}
                            {% set biggest = result.columns[0].values()[0] %}
                            {% set first = result.rows[0][0] %}
                            {% set names = result.column_names | join(',') %}
                        {% else %}
                            {% set biggest = -1 %}{% set first = -1 %}{% set names = '' %}
                        {% endif %}
                        select {{ biggest }} as biggest, {{ first }} as first, '{{ names }}' as names
                        """);
        p.runOk("build");
        assertEquals(List.of(List.of("1050", "1050", "m")), p.rows("select * from queried"));
    }

    @Test
    void aProjectMacroIsCallable() {
        assertEquals(List.of(List.of("1", "10.50"), List.of("2", "2.00"), List.of("3", "0.99")),
                project.rows("select id, amount from dollars order by id"));
    }

    @Test
    void setAndForLoopsGenerateColumns() {
        assertEquals(List.of("card_cents", "coupon_cents"), project.columns("select * from by_method"));
        assertEquals(List.of(List.of("1149", "200")), project.rows("select * from by_method"));
    }

    @Test
    void generateSchemaNameOverrideDecidesTheSchema(@TempDir Path own) {
        TestProject p = TestProject.in(own).dbtProject()
                .file("macros/generate_schema_name.sql", """
                        {% macro generate_schema_name(custom_schema_name, node) -%}
                            {%- if custom_schema_name is none -%}
                                {{ target.schema }}
                            {%- else -%}
                                {{ custom_schema_name | trim }}
                            {%- endif -%}
                        {%- endmacro %}
                        """)
                .file("models/plain.sql", "select 1 as id")
                .file("models/reporting_model.sql", "{{ config(schema='reporting') }}\nselect 1 as id");

        p.runOk("build");

        assertEquals(List.of("main.plain", "reporting.reporting_model"), p.relations());
    }
}
