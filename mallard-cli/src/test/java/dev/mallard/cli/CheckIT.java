package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mallard check: the model half (not built, changed since the last build). */
class CheckIT {
    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/b.sql", "select id from {{ ref('a') }}")
                .file("models/eph.sql", "{{ config(materialized='ephemeral') }} select 1 as x")
                .file("seeds/s.csv", "k\n1\n");
    }

    @Test
    void beforeAnyBuildEveryNodeIsReportedAsNotBuilt() {
        TestProject p = project();
        CommandResult r = p.run("check").assertExit(1);
        r.assertOutContains("Drift check found 4 problems:", "not built", "model a (models/a.sql)",
                "model b (models/b.sql)", "seed s (seeds/s.csv)", "no build record");
        assertFalse(r.out().contains("eph"), "an ephemeral model is never built\n" + r.transcript());
        r.assertNoJavaInternals();
    }

    @Test
    void afterABuildThereIsNoDriftUntilAModelChanges() {
        TestProject p = project();
        p.runOk("build");
        p.runOk("check").assertOutContains("No drift");
        p.file("models/b.sql", "select id, 2 as two from {{ ref('a') }}");
        p.run("check").assertExit(1).assertOutContains("Drift check found 1 problem:",
                "model b (models/b.sql) changed since it was last built");
        p.runOk("run", "--select", "b");
        p.runOk("check").assertOutContains("No drift");
    }

    @Test
    void aChangedConfigAndADroppedRelationAreBothListed() {
        TestProject p = project();
        p.runOk("build");
        p.file("models/a.sql", "{{ config(materialized='table') }} select 1 as id");
        p.writeSql("drop view b");
        p.run("check").assertExit(1).assertOutContains("Drift check found 2 problems:",
                "model a (models/a.sql) changed since it was last built", "model b (models/b.sql) has no relation");
    }

    @Test
    void aFailedRebuildStaysChanged() {
        TestProject p = project();
        p.runOk("build");
        p.file("models/b.sql", "select no_such_column from {{ ref('a') }}");
        p.run("run").assertFailed();
        p.run("check").assertExit(1).assertOutContains("model b (models/b.sql) changed since it was last built");
    }
}
