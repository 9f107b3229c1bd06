package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model hooks in every place dbt accepts them, their transaction forms, and on-run-end's results. */
class HooksIT {
    @TempDir
    Path dir;

    private static final String LOG = """
            on-run-start:
              - "create sequence if not exists hook_seq"
              - "create table if not exists hook_log (n integer default nextval('hook_seq'), step varchar)"
            """;

    private List<String> log(TestProject p) {
        return p.rows("select step from hook_log order by n").stream().map(r -> r.get(0)).toList();
    }

    @Test
    void hooksFromTheProjectThePropertiesAndConfigRunInDbtsOrderWithThisRendered() {
        TestProject p = TestProject.in(dir).dbtProject(LOG + """
                models:
                  proj:
                    +pre-hook: "insert into hook_log (step) values ('project pre {{ this.identifier }}')"
                    +post-hook:
                      - "insert into hook_log (step) values ('project post ' || (select count(*) from {{ this }}))"
                """)
                .file("models/m.sql", """
                        {{ config(materialized='table',
                                  pre_hook="insert into hook_log (step) values ('config pre')",
                                  post_hook=["insert into hook_log (step) values ('config post 1')",
                                             "insert into hook_log (step) values ('config post 2 {{ this }}')"]) }}
                        select 1 as id union all select 2
                        """)
                .file("models/m.yml", """
                        models:
                          - name: m
                            config:
                              post_hook: "insert into hook_log (step) values ('yaml post')"
                        """);

        p.runOk("run");

        assertEquals(List.of("project pre m", "config pre", "project post 2", "yaml post", "config post 1",
                "config post 2 \"proj\".\"main\".\"m\""), log(p));
    }

    @Test
    void aRefInAHookIsADependencyAsInDbt() {
        // dbt renders hooks at parse time: ref('src') of the post-hook puts src before m in the DAG
        TestProject p = TestProject.in(dir).dbtProject("""
                models:
                  proj:
                    +post-hook: "{{ 'insert into ' ~ this ~ ' select * from ' ~ ref('src') if this.name == 'm' }}"
                """)
                .file("models/m.sql", """
                        {{ config(materialized='table', pre_hook="select '{{ source('raw', 'events') }}' as s") }}
                        select 1 as id
                        """)
                .file("models/src.sql", "{{ config(materialized='table') }} select 2 as id")
                .file("models/raw.yml", """
                        sources:
                          - name: raw
                            schema: main
                            tables: [{name: events}]
                        """);

        p.runOk("parse");
        assertEquals("[\"source.proj.raw.events\",\"model.proj.src\"]", p.json("target/manifest.json").get("nodes")
                .get("model.proj.m").get("depends_on").get("nodes").toString());
        p.runOk("build");
        assertEquals(List.of(List.of("1"), List.of("2")), p.rows("select id from m order by id"));
    }

    @Test
    void hooksOutsideTheTransactionRunBeforeAndAfterTheOthers() {
        TestProject p = TestProject.in(dir).dbtProject(LOG)
                .file("models/m.sql", """
                        {{ config(materialized='table',
                                  pre_hook=["insert into hook_log (step) values ('pre inside')",
                                            before_begin("insert into hook_log (step) values ('pre before begin')")],
                                  post_hook=[after_commit("insert into hook_log (step) values ('post after commit')"),
                                             {'sql': "insert into hook_log (step) values ('post dict outside')", 'transaction': false},
                                             {'sql': "insert into hook_log (step) values ('post dict inside')", 'transaction': true},
                                             "insert into hook_log (step) values ('post inside')"]) }}
                        select 1 as id
                        """);

        p.runOk("run");

        assertEquals(List.of("pre before begin", "pre inside", "post dict inside", "post inside",
                "post after commit", "post dict outside"), log(p));
    }

    @Test
    void theDictFormWorksInPropertiesYamlAndTheProjectFile() {
        TestProject p = TestProject.in(dir).dbtProject(LOG + """
                models:
                  proj:
                    +post-hook:
                      - sql: "insert into hook_log (step) values ('project after commit')"
                        transaction: false
                """)
                .file("models/m.sql", "{{ config(materialized='table') }}\nselect 1 as id")
                .file("models/m.yml", """
                        models:
                          - name: m
                            config:
                              pre_hook:
                                - sql: "insert into hook_log (step) values ('yaml pre {{ this.identifier }}')"
                              post_hook:
                                - "insert into hook_log (step) values ('yaml post')"
                        """);

        p.runOk("run");

        assertEquals(List.of("yaml pre m", "yaml post", "project after commit"), log(p));
    }

    @Test
    void aViewModelRunsItsHooksToo() {
        TestProject p = TestProject.in(dir).dbtProject(LOG)
                .file("models/v.sql", """
                        {{ config(materialized='view', post_hook="insert into hook_log (step) values ('view {{ this.name }}')") }}
                        select 1 as id
                        """);

        p.runOk("run");

        assertEquals(List.of("view v"), log(p));
    }

    @Test
    void onRunEndSeesResultsAndSchemasAsDbtProvidesThem() {
        TestProject p = TestProject.in(dir).dbtProject("""
                on-run-end:
                  - "create or replace table run_log as select * from (values {% for r in results %}('{{ r.node.name }}', '{{ r.node.unique_id }}', '{{ r.status }}', '{{ r.node.config.materialized }}', {{ r.execution_time > 0 }}, {{ 'true' if r.message else 'false' }}){{ ',' if not loop.last }}{% endfor %}) t(name, id, status, materialized, timed, has_message)"
                  - "create or replace table schema_log as select '{{ schemas | join(',') }}' as schemas"
                """)
                .file("models/good.sql", "{{ config(materialized='table') }}\nselect 1 as id")
                .file("models/bad.sql", "select * from missing_table")
                .file("models/after_bad.sql", "select * from {{ ref('bad') }}");

        p.run("run").assertExit(1);

        // as in dbt, a skipped node's result has no message
        assertEquals(List.of(
                        List.of("after_bad", "model.proj.after_bad", "skipped", "view", "false", "false"),
                        List.of("bad", "model.proj.bad", "error", "view", "true", "true"),
                        List.of("good", "model.proj.good", "success", "table", "true", "true")),
                p.rows("select * from run_log order by name"));
        assertEquals("main", p.value("select schemas from schema_log"));
    }

    @Test
    void aFailingHookFailsItsModelAndNamesIt() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/m.sql", "{{ config(materialized='table', post_hook='insert into nowhere values (1)') }}\nselect 1 as id");

        CommandResult r = p.run("run").assertExit(1);

        r.assertOutContains("Failure in model m (models/m.sql)", "nowhere");
        assertTrue(p.rows("select * from duckdb_tables() where table_name = 'm'").isEmpty(),
                "a post-hook inside the transaction that fails rolls the build back");
    }
}
