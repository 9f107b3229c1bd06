package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's own copy of a macro dbt's built-in strategies call (get_delete_insert_merge_sql,
 * get_incremental_append_sql, ...) is the one dbt runs on incremental runs, as public projects
 * that patch dbt's DELETE rely on. dbt 1.11.16 gives the same rows and the same error.
 */
class OverriddenIncrementalMacrosIT {
    @TempDir
    Path dir;

    @Test
    void theProjectsDeleteInsertMacroRunsForTheDefaultStrategy() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/merge.sql", """
                        {% macro get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
                        delete from {{ target }};
                        {{ get_insert_into_sql(target, source, dest_columns) }}
                        {%- endmacro %}
                        """)
                .file("models/inc.sql", """
                        {{ config(materialized='incremental', unique_key='id') }}
                        select 1 as id, {{ 2 if is_incremental() else 1 }} as v
                        {% if not is_incremental() %} union all select 3, 3 {% endif %}
                        """);
        p.runOk("build");
        assertEquals(List.of(List.of("1", "1"), List.of("3", "3")), p.rows("select * from inc order by 1"));
        p.runOk("build");
        // the override deletes every row, not only those of the batch's keys
        assertEquals(List.of(List.of("1", "2")), p.rows("select * from inc order by 1"));
    }

    @Test
    void theProjectsAppendMacroRunsForTheAppendStrategy() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/append.sql", """
                        {% macro get_incremental_append_sql(arg_dict) -%}
                        insert into {{ arg_dict['target_relation'] }} select id * 10, v from {{ arg_dict['temp_relation'] }}
                        {%- endmacro %}
                        """)
                .file("models/app.sql", """
                        {{ config(materialized='incremental', incremental_strategy='append') }}
                        select {{ 2 if is_incremental() else 1 }} as id, 'x' as v
                        """);
        p.runOk("build");
        p.runOk("build");
        assertEquals(List.of(List.of("1", "x"), List.of("20", "x")), p.rows("select * from app order by 1"));
    }

    @Test
    void anOverrideWithDbtsOlderSignatureFailsTheIncrementalRunAsInDbt() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/merge.sql", """
                        {% macro get_delete_insert_merge_sql(target, source, unique_key, dest_columns) -%}
                        delete from {{ target }};
                        {{ get_insert_into_sql(target, source, dest_columns) }}
                        {%- endmacro %}
                        """)
                .file("models/inc.sql", "{{ config(materialized='incremental', unique_key='id') }}\nselect 1 as id");
        p.runOk("build");
        CommandResult r = p.run("build").assertExit(1);
        assertTrue(r.out().contains("macro 'get_delete_insert_merge_sql' takes not more than 4 argument(s)"), r.out());
        assertEquals(List.of(List.of("1")), p.rows("select * from inc"));
    }
}
