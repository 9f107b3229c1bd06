package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --defer with --state: a project with a "prod" and a "dev" DuckDB file (two targets); dev
 * attaches prod read-only in on-run-start, and builds one model against prod's upstream
 * relations, as dbt does in CI.
 */
class DeferIT {
    @TempDir
    Path dir;

    @TempDir
    Path prodState;

    TestProject project;

    @BeforeEach
    void buildProd() {
        String prodFile = dir.resolve("prod.duckdb").toString().replace("'", "''");
        project = TestProject.in(dir).dbtProject("""
                on-run-start:
                  - "{%% if target.name == 'dev' %%}attach if not exists '%s' as prod (read_only){%% endif %%}"
                """.formatted(prodFile))
                .file("profiles.yml", """
                        proj:
                          target: dev
                          outputs:
                            dev: {type: duckdb, path: dev.duckdb}
                            prod: {type: duckdb, path: prod.duckdb}
                        """)
                .file("seeds/amounts.csv", "id,amount\n1,10\n2,20\n")
                .file("models/source_env.sql", "select '{{ target.name }}' as built_in, * from {{ ref('amounts') }}")
                .file("models/totals.sql", "select built_in, sum(amount) as total from {{ ref('source_env') }} group by 1")
                .file("models/report.sql", """
                        {{ config(materialized='table') }}
                        select * from {{ ref('totals') }}
                        """)
                .database("dev.duckdb");
        project.runOk("build", "--target", "prod");
        TestProject.copyTree(dir.resolve("target"), prodState);
    }

    @Test
    void aModelBuildsInAFreshDatabaseAgainstTheStatesRelations() {
        project.run("run", "--select", "report").assertExit(1);

        CommandResult deferred = project.runOk("run", "--select", "report", "--defer", "--state", prodState.toString());

        deferred.assertOutContains("TOTAL=2");
        assertEquals(List.of("main.report"), project.relations());
        assertEquals(List.of(List.of("prod", "30")), project.rows("select built_in, total from report"));
        assertEquals(List.of("\"prod\".\"main\".\"totals\""), project.read("target/compiled/proj/models/report.sql")
                .lines().filter(l -> l.contains("from")).map(l -> l.replaceAll(".*from ", "")).toList());
    }

    @Test
    void relationsThisTargetHasWinUnlessFavorStateIsGiven() {
        project.runOk("build", "--select", "+totals");

        project.runOk("run", "--select", "report", "--defer", "--state", prodState.toString());
        assertEquals("dev", project.value("select built_in from report"));

        project.runOk("run", "--select", "report", "--defer", "--favor-state", "--state", prodState.toString());
        assertEquals("prod", project.value("select built_in from report"));
    }

    @Test
    void compileDefersToo() {
        project.runOk("compile", "--select", "totals", "--defer", "--state", prodState.toString());
        assertEquals(true, project.read("target/compiled/proj/models/totals.sql").contains("\"prod\".\"main\".\"source_env\""));
    }

    @Test
    void deferNeedsState() {
        project.run("run", "--select", "report", "--defer").assertExit(2).assertNoJavaInternals()
                .assertErrContains("--defer needs --state DIR");
    }
}
