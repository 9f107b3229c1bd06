package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run does around failures: skipping descendants, the summary line, exit codes. */
class ExecutionIT {
    @TempDir
    Path dir;

    @Test
    void descendantsOfAFailedNodeAreSkippedAndTheSummaryCountsThem() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/root_bad.sql", "select * from nowhere")
                .file("models/child.sql", "select * from {{ ref('root_bad') }}")
                .file("models/grandchild.sql", "select * from {{ ref('child') }}")
                .file("models/independent.sql", "select 1 as id");

        CommandResult r = p.run("build").assertExit(1);

        List<String> lines = r.outLines();
        assertTrue(lines.contains("Done. PASS=1 WARN=0 ERROR=1 SKIP=2 NO-OP=0 TOTAL=4"), r.transcript());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\d of 4 SKIP relation main\\.child \\.+ \\[SKIP]")),
                r.transcript());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\d of 4 SKIP relation main\\.grandchild \\.+ \\[SKIP]")),
                r.transcript());
        assertTrue(lines.contains("Failure in model root_bad (models/root_bad.sql)"), r.transcript());
        // dbt 1.11's headline and, for a model that compiled and then failed in the database, its compiled file
        assertTrue(lines.contains("Completed with 1 error, 0 partial successes, and 0 warnings:"), r.transcript());
        assertTrue(lines.contains("  compiled code at target/compiled/proj/models/root_bad.sql"), r.transcript());
        assertEquals(List.of("main.independent"), p.relations());
    }

    @Test
    void anOptionGivenTwiceTakesItsLastValueAsInDbt() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select {{ var('n') }} as n");

        p.run("run", "--vars", "{n: 1}", "--vars", "{n: 2}").assertExit(0);

        assertEquals("2", p.value("select n from a"));
    }

    @Test
    void manyThreadsCanBuildIntoTheSameNewCustomSchemas() {
        TestProject p = TestProject.in(dir).dbtProject("""
                models:
                  proj:
                    +materialized: table
                """);
        for (int schema = 1; schema <= 4; schema++) {
            for (int model = 1; model <= 8; model++) {
                p.file("models/s" + schema + "_m" + model + ".sql",
                        "{{ config(schema='s" + schema + "') }}\nselect " + model + " as id");
            }
        }

        // the first wave of workers all want the same missing schema; twice to make a lucky pass unlikely
        for (int round = 0; round < 2; round++) {
            p.runOk("clean");
            p.runOk("build", "--threads", "8").assertOutContains("PASS=32 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=32");
        }
        assertEquals("8", p.value("select count(*) from information_schema.tables where table_schema = 'main_s4'"));
    }

    @Test
    void aSuccessfulRunExitsZeroWithACleanSummary() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/b.sql", "select * from {{ ref('a') }}");

        CommandResult r = p.runOk("build");

        assertTrue(r.outLines().contains("Done. PASS=2 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2"), r.transcript());
        assertTrue(r.outLines().contains("Completed successfully"), r.transcript());
        assertEquals("", r.err());
    }

    @Test
    void anUnknownFlagIsAUsageErrorWithExitCodeTwo() {
        TestProject p = TestProject.in(dir).dbtProject().file("models/a.sql", "select 1 as id");

        p.run("build", "--no-such-flag").assertExit(2).assertNoJavaInternals().assertErrContains("--no-such-flag");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithExitCodeTwo() {
        TestProject.execute("frobnicate").assertExit(2).assertNoJavaInternals().assertErrContains("frobnicate");
    }

    @Test
    void aFolderWithoutDbtProjectYmlIsAnErrorWithExitCodeTwo() {
        TestProject p = TestProject.in(dir);

        p.run("build").assertExit(2).assertNoJavaInternals().assertErrContains("no dbt_project.yml");
    }

    @Test
    void badVarsAreAUsageErrorWithExitCodeTwo() {
        TestProject p = TestProject.in(dir).dbtProject().file("models/a.sql", "select 1 as id");

        p.run("build", "--vars", "[not, a, dict]").assertExit(2).assertNoJavaInternals().assertErrContains("--vars");
    }
}
