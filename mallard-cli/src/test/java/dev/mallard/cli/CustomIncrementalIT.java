package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt's custom incremental strategies: {@code incremental_strategy='truncate_insert'} calls the
 * project's {@code get_incremental_truncate_insert_sql(arg_dict)} on incremental runs and runs
 * the statements it returns. dbt 1.11.16 gives the same rows for the same project.
 */
class CustomIncrementalIT {
    @TempDir
    Path dir;

    @Test
    void aProjectMacroImplementsTheStrategy() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/strategy.sql", """
                        {% macro get_incremental_truncate_insert_sql(arg_dict) %}
                          {% set cols = arg_dict["dest_columns"] | map(attribute="name") | join(", ") %}
                          delete from {{ arg_dict["target_relation"] }};
                          insert into {{ arg_dict["target_relation"] }} ({{ cols }})
                          select {{ cols }} from {{ arg_dict["temp_relation"] }}
                          {%- if arg_dict["unique_key"] == 'id' and arg_dict["incremental_predicates"] is none %}
                          where true{% endif %}
                        {% endmacro %}
                        """)
                .file("models/inc.sql", """
                        {{ config(materialized='incremental', incremental_strategy='truncate_insert', unique_key='id') }}
                        select 1 as id, {{ 2 if is_incremental() else 1 }} as v
                        {% if is_incremental() %} union all select 5, 5 {% endif %}
                        """);
        p.runOk("build");
        assertEquals(List.of(List.of("1", "1")), p.rows("select * from inc order by 1"));
        p.runOk("build");
        assertEquals(List.of(List.of("1", "2"), List.of("5", "5")), p.rows("select * from inc order by 1"));
    }

    @Test
    void aCustomStrategyMayWrapDbtsDeleteInsertMacro() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/strategy.sql", """
                        {% macro get_incremental_logged_sql(arg_dict) %}
                          {{ return(get_incremental_delete_insert_sql(arg_dict)) }}
                        {% endmacro %}
                        """)
                .file("models/inc.sql", """
                        {{ config(materialized='incremental', incremental_strategy='logged', unique_key=['id']) }}
                        select 1 as id, '{{ 'second' if dbt.is_incremental() else 'first' }}' as v
                        {% if is_incremental() %} union all select 7, 'new' {% endif %}
                        """);
        p.runOk("build");
        p.runOk("build");
        assertEquals(List.of(List.of("1", "second"), List.of("7", "new")), p.rows("select * from inc order by 1"));
    }

    @Test
    void aStrategyWithoutItsMacroIsAnErrorNamingTheMacroOnTheFirstRunToo() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/inc.sql", "{{ config(materialized='incremental', incremental_strategy='nope') }}\n"
                        + "select 1 as id");
        CommandResult r = p.run("build").assertExit(1);
        assertTrue(r.out().contains("dbt could not find an incremental strategy macro with the name"
                + " \"get_incremental_nope_sql\""), r.out());
    }
}
