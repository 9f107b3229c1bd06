package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code {% materialization %}} blocks of a project or a package build models with dbt's context. */
class CustomMaterializationIT {
    private static final String TAGGED_TABLE = """
            {% materialization tagged_table, adapter='duckdb' %}
              {%- set target_relation = this.incorporate(type='table') -%}
              {%- set existing = load_cached_relation(this) -%}
              {{ run_hooks(pre_hooks, inside_transaction=False) }}
              {{ run_hooks(pre_hooks, inside_transaction=True) }}
              {%- if existing is not none -%}{{ adapter.drop_relation(existing) }}{%- endif -%}
              {% call statement('main') -%}
                {{ get_create_table_as_sql(False, target_relation,
                     "select *, '" ~ config.get('tag_value', 'none') ~ "' as tag from (" ~ sql ~ ")") }}
              {%- endcall %}
              {{ run_hooks(post_hooks, inside_transaction=True) }}
              {{ adapter.commit() }}
              {{ run_hooks(post_hooks, inside_transaction=False) }}
              {{ return({'relations': [target_relation]}) }}
            {% endmaterialization %}
            """;

    @Test
    void aProjectsMaterializationBuildsTheModelWithHooksAndConfig(@TempDir Path dir) {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/tagged.sql", TAGGED_TABLE)
                .file("models/tagged.sql", """
                        {{ config(materialized='tagged_table', tag_value='hello',
                                  post_hook="insert into {{ this }} values (99, 'post')") }}
                        select 1 as id
                        """);
        p.run("build").assertOk();
        assertEquals("BASE TABLE", p.tableType("tagged"));
        assertEquals("1:hello,99:post", p.value("select string_agg(id || ':' || tag, ',' order by id) from tagged"));
        // a second run replaces the table
        p.run("build").assertOk();
        assertEquals("2", p.value("select count(*) from tagged"));
    }

    @Test
    void aPackagesMaterializationIsUsableFromTheProject(@TempDir Path dir) {
        TestProject.in(dir.resolve("mats")).named("mats").dbtProject().file("macros/tagged.sql", TAGGED_TABLE);
        TestProject p = TestProject.in(dir.resolve("app")).dbtProject()
                .file("packages.yml", "packages:\n  - local: ../mats\n")
                .file("models/tagged.sql", "{{ config(materialized='tagged_table') }}\nselect 7 as id");
        p.run("deps").assertOk();
        p.run("build").assertOk();
        assertEquals("7:none", p.value("select id || ':' || tag from tagged"));
    }

    @Test
    void aDefaultMaterializationDoesNotReplaceABuiltInOneButADuckdbOneOfTheProjectDoes(@TempDir Path dir) {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/table.sql", """
                        {% materialization table, default %}
                          {% call statement('main') %}create table {{ this }} as select 'default' as who{% endcall %}
                          {{ return({'relations': [this]}) }}
                        {% endmaterialization %}
                        """)
                .file("models/t.sql", "{{ config(materialized='table') }}\nselect 'built-in' as who");
        p.run("build").assertOk();
        assertEquals("built-in", p.value("select who from t"));
        p.file("macros/table.sql", """
                {% materialization table, adapter='duckdb' %}
                  {% call statement('main') %}create or replace table {{ this }} as select 'project' as who{% endcall %}
                  {{ return({'relations': [this]}) }}
                {% endmaterialization %}
                """);
        p.run("build").assertOk();
        assertEquals("project", p.value("select who from t"));
    }

    @Test
    void aMaterializationThatReturnsNoRelationsFailsTheModel(@TempDir Path dir) {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/bad.sql", """
                        {% materialization bad, default %}
                          {% call statement('main') %}create table {{ this }} as select 1 as x{% endcall %}
                        {% endmaterialization %}
                        """)
                .file("models/m.sql", "{{ config(materialized='bad') }}\nselect 1");
        p.run("build").assertExit(1).assertOutContains("returned no {'relations'");
    }
}
