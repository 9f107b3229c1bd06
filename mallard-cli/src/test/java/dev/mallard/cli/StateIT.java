package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --state with the state: and result: methods: compare with a copy of an earlier run's target/. */
class StateIT {
    @TempDir
    Path dir;

    @TempDir
    Path state;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("seeds/raw_orders.csv", "id,amount\n1,10\n2,20\n")
                .file("models/stg_orders.sql", "select * from {{ ref('raw_orders') }}")
                .file("models/orders.sql", "select id, amount * 2 as amount from {{ ref('stg_orders') }}")
                .file("models/report.sql", "select sum(amount) as total from {{ ref('orders') }}")
                .file("models/other.sql", "select 1 as x");
    }

    private void saveState(TestProject p) {
        TestProject.copyTree(p.dir().resolve("target"), state);
    }

    private static List<String> ls(TestProject p, String... args) {
        List<String> all = new ArrayList<>(List.of("--output", "name"));
        all.addAll(List.of(args));
        // the listed names; log lines (dbt's "No nodes selected!" warning) carry a time
        return p.runOk("ls", all.toArray(String[]::new)).out().lines()
                .filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d  .*")).sorted().toList();
    }

    @Test
    void stateModifiedPlusBuildsTheEditedModelAndWhatIsDownstream() {
        TestProject p = project();
        p.runOk("build");
        saveState(p);
        assertEquals(List.of(), ls(p, "--select", "state:modified", "--state", state.toString()));

        p.file("models/orders.sql", "select id, amount * 3 as amount from {{ ref('stg_orders') }}");

        assertEquals(List.of("orders"), ls(p, "--select", "state:modified", "--state", state.toString()));
        assertEquals(List.of("orders", "report"), ls(p, "--select", "state:modified+", "--state", state.toString()));
        CommandResult build = p.runOk("build", "--select", "state:modified+", "--state", state.toString());
        build.assertOutContains("TOTAL=2");
        assertEquals("90", p.value("select total from report"));
    }

    @Test
    void configAndRelationChangesAreModificationsToo() {
        TestProject p = project();
        p.runOk("parse");
        saveState(p);

        p.dbtProject("""
                models:
                  proj:
                    stg_orders: {+materialized: table}
                    other: {+alias: other_x}
                """).file("seeds/raw_orders.csv", "id,amount\n1,10\n2,20\n3,30\n");

        assertEquals(List.of("other", "raw_orders", "stg_orders"),
                ls(p, "--select", "state:modified", "--state", state.toString()));
        assertEquals(List.of("stg_orders"), ls(p, "--select", "state:modified.configs", "--state", state.toString()));
        assertEquals(List.of("other"), ls(p, "--select", "state:modified.relation", "--state", state.toString()));
        assertEquals(List.of("raw_orders"), ls(p, "--select", "state:modified.body", "--state", state.toString()));
    }

    @Test
    void stateNewSelectsModelsTheStateDidNotHave() {
        TestProject p = project();
        p.runOk("parse");
        saveState(p);

        p.file("models/customers.sql", "select 1 as id");

        assertEquals(List.of("customers"), ls(p, "--select", "state:new", "--state", state.toString()));
        assertEquals(List.of("orders", "other", "raw_orders", "report", "stg_orders"),
                ls(p, "--select", "state:old", "--state", state.toString()));
        p.runOk("run", "--select", "state:new", "--state", state.toString()).assertOutContains("TOTAL=1");
        assertEquals(List.of("main.customers"), p.relations());
    }

    @Test
    void resultErrorSelectsWhatFailedInTheStatesRun() {
        TestProject p = project().file("models/orders.sql", "select id, amount from no_such_table");
        p.run("build").assertExit(1);
        saveState(p);

        assertEquals(List.of("orders"), ls(p, "--select", "result:error", "--state", state.toString()));
        assertEquals(List.of("report"), ls(p, "--select", "result:skipped", "--state", state.toString()));
        assertEquals(List.of("other", "raw_orders", "stg_orders"),
                ls(p, "--select", "result:success", "--state", state.toString()));

        p.file("models/orders.sql", "select id, amount * 2 as amount from {{ ref('stg_orders') }}");
        p.runOk("build", "--select", "result:error+", "--state", state.toString()).assertOutContains("TOTAL=2");
        assertEquals("60", p.value("select total from report"));
    }

    @Test
    void stateMethodsWithoutStateOrWithAnEmptyStateAreUsageErrors(@TempDir Path empty) {
        TestProject p = project();

        p.run("ls", "--select", "state:modified").assertExit(2).assertNoJavaInternals()
                .assertErrContains("selector 'state:modified' compares with a previous run, but no --state was given");
        p.run("ls", "--select", "result:error", "--state", empty.toString()).assertExit(2)
                .assertErrContains("holds no run_results.json");
        p.run("ls", "--select", "state:new", "--state", empty.resolve("missing").toString()).assertExit(2)
                .assertErrContains("is not a folder");
    }
}
