package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** view, table, ephemeral; custom schemas; rebuilding and switching kinds; failures keep old data. */
class MaterializationsIT {
    @TempDir
    Path dir;

    @Test
    void viewAndTableModelsCreateAViewAndATable() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/as_view.sql", "{{ config(materialized='view') }}\nselect 1 as id")
                .file("models/as_table.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('as_view') }}");

        p.runOk("build");

        assertEquals("VIEW", p.tableType("as_view"));
        assertEquals("BASE TABLE", p.tableType("as_table"));
        assertEquals("1", p.value("select id from as_table"));
    }

    @Test
    void aChainOfEphemeralsIsInjectedAsCtesAndCreatesNoRelation() {
        TestProject p = TestProject.in(dir).dbtProject("""
                models:
                  proj:
                    eph:
                      +materialized: ephemeral
                """)
                .file("models/eph/eph_numbers.sql", "select * from range(1, 6) as t(n)")
                .file("models/eph/eph_even.sql", "select n from {{ ref('eph_numbers') }} where n % 2 = 0")
                .file("models/evens.sql", """
                        {{ config(materialized='table') }}
                        with doubled as (select n * 2 as n2 from {{ ref('eph_even') }})
                        select n2 from doubled order by n2
                        """);

        p.runOk("build").assertOutContains("PASS=1 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=1");

        assertEquals(List.of(List.of("4"), List.of("8")), p.rows("select * from evens order by 1"));
        assertEquals(List.of("main.evens"), p.relations(), "ephemeral models are not built");
        String compiled = p.read("target/compiled/proj/models/evens.sql");
        int numbers = compiled.indexOf("__dbt__cte__eph_numbers as (");
        int even = compiled.indexOf("__dbt__cte__eph_even as (");
        assertTrue(numbers >= 0 && even > numbers, "eph_numbers is defined before eph_even, which uses it:\n" + compiled);
    }

    @Test
    void aCustomSchemaIsAppendedToTheTargetSchemaAsDbtDoes() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/finance/revenue.sql", "{{ config(materialized='table', schema='finance') }}\nselect 1 as x");

        p.runOk("build");

        assertEquals(List.of("main_finance.revenue"), p.relations());
        assertEquals("1", p.value("select count(*) from information_schema.schemata where schema_name = 'main_finance'"));
    }

    @Test
    void aTableCanBeRebuiltAndLeavesNoTemporaryRelations() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/t.sql", "{{ config(materialized='table') }}\nselect 1 as id");

        p.runOk("build");
        p.file("models/t.sql", "{{ config(materialized='table') }}\nselect 2 as id");
        p.runOk("build");
        p.runOk("build");

        assertEquals("2", p.value("select id from t"));
        assertEquals(List.of("main.t"), p.relations());
    }

    @Test
    void aModelCanSwitchFromTableToViewAndBack() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/m.sql", "{{ config(materialized='table') }}\nselect 1 as id");
        p.runOk("build");
        assertEquals("BASE TABLE", p.tableType("m"));

        p.file("models/m.sql", "{{ config(materialized='view') }}\nselect 2 as id");
        p.runOk("build");
        assertEquals("VIEW", p.tableType("m"));
        assertEquals("2", p.value("select id from m"));

        p.file("models/m.sql", "{{ config(materialized='table') }}\nselect 3 as id");
        p.runOk("build");
        assertEquals("BASE TABLE", p.tableType("m"));
        assertEquals("3", p.value("select id from m"));
        assertEquals(List.of("main.m"), p.relations());
    }

    @Test
    void aFailingTableModelKeepsThePreviousRowsAndExitsOne() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/t.sql", "{{ config(materialized='table') }}\nselect * from (values (1), (2)) as v(id)");
        p.runOk("build");

        p.file("models/t.sql", "{{ config(materialized='table') }}\nselect id, 1 / 0 as boom from no_such_table");
        p.run("build").assertExit(1).assertOutContains("ERROR=1");

        assertEquals(List.of(List.of("1"), List.of("2")), p.rows("select id from t order by id"));
        assertEquals(List.of("main.t"), p.relations(), "no temporary relation is left behind");
    }

    @Test
    void aFailingViewModelKeepsThePreviousView() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/v.sql", "select 1 as id");
        p.runOk("build");

        p.file("models/v.sql", "select * from no_such_table");
        p.run("build").assertExit(1);

        assertEquals("VIEW", p.tableType("v"));
        assertEquals("1", p.value("select id from v"));
    }
}
