package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** selectors.yml and --selector, including the default selector, seen through ls and build. */
class SelectorsIT {
    @TempDir
    Path dir;

    private TestProject project(String selectorsYml) {
        return TestProject.in(dir).dbtProject()
                .file("seeds/raw_orders.csv", "id,amount\n1,10\n2,20\n")
                .file("models/staging/stg_orders.sql", "select * from {{ ref('raw_orders') }}")
                .file("models/marts/orders.sql", "{{ config(tags=['nightly']) }} select * from {{ ref('stg_orders') }}")
                .file("models/marts/report.sql", "select sum(amount) as total from {{ ref('orders') }}")
                .file("models/scratch.sql", "select 1 as x")
                .file("selectors.yml", selectorsYml);
    }

    private static List<String> ls(TestProject p, String... args) {
        List<String> all = new ArrayList<>(List.of("--output", "name"));
        all.addAll(List.of(args));
        return p.runOk("ls", all.toArray(String[]::new)).out().lines().sorted().toList();
    }

    @Test
    void aNamedSelectorSelectsWhatItsDefinitionSays() {
        TestProject p = project("""
                selectors:
                  - name: nightly_and_downstream
                    definition:
                      method: tag
                      value: nightly
                      children: true
                  - name: pipeline
                    definition:
                      union:
                        - method: selector
                          value: nightly_and_downstream
                        - +stg_orders
                        - exclude: [report]
                """);

        assertEquals(List.of("orders", "report"), ls(p, "--selector", "nightly_and_downstream"));
        assertEquals(List.of("orders", "raw_orders", "stg_orders"), ls(p, "--selector", "pipeline"));

        p.runOk("build", "--selector", "pipeline").assertOutContains("TOTAL=3");
        assertEquals(List.of("main.orders", "main.raw_orders", "main.stg_orders"), p.relations());
    }

    @Test
    void theDefaultSelectorAppliesOnlyWithoutSelectOrSelector() {
        TestProject p = project("""
                selectors:
                  - name: everything_but_scratch
                    default: true
                    definition:
                      union:
                        - "fqn:*"
                        - exclude: [scratch]
                  - name: just_scratch
                    definition: scratch
                """);

        assertEquals(List.of("orders", "raw_orders", "report", "stg_orders"), ls(p));
        assertEquals(List.of("scratch"), ls(p, "--select", "scratch"));
        assertEquals(List.of("scratch"), ls(p, "--selector", "just_scratch"));

        p.runOk("build").assertOutContains("Using default selector everything_but_scratch", "TOTAL=4");
        assertEquals(List.of("main.orders", "main.raw_orders", "main.report", "main.stg_orders"), p.relations());
        assertEquals("build", p.json("target/run_results.json").path("args").path("which").asText());
    }

    @Test
    void anUnknownSelectorIsAUsageErrorNamingTheKnownOnes() {
        TestProject p = project("""
                selectors:
                  - name: nightly
                    definition: tag:nightly
                """);

        p.run("build", "--selector", "nighlty").assertExit(2).assertNoJavaInternals()
                .assertErrContains("no selector named 'nighlty' in selectors.yml", "did you mean 'nightly'?");
        TestProject.in(dir).delete("selectors.yml");
        p.run("ls", "--selector", "nightly").assertExit(2).assertErrContains("the project has no selectors.yml");
    }

    @Test
    void aMalformedSelectorsFileNamesItsFileAndLine() {
        TestProject p = project("""
                selectors:
                  - name: fine
                    definition: orders
                  - name: broken
                    definition:
                      union: orders
                """);

        p.run("ls").assertExit(2).assertNoJavaInternals()
                .assertErrContains("selectors.yml:4: selector 'broken': 'union' must be a list");
        project("selectors:\n  - name: x\n    definition: [orders\n").run("ls").assertExit(2)
                .assertErrContains("selectors.yml:4: invalid YAML");
    }
}
