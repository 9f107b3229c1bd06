package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt unit tests: a model run on given rows instead of its inputs and compared with the
 * expected rows. {@code test} runs them with the data tests, {@code build} runs a model's
 * unit tests before the model and skips the model when one fails, {@code run} ignores them.
 * The outcomes below match dbt-core 1.11 on the same project.
 */
class UnitTestsIT {
    @TempDir
    Path dir;

    TestProject project;

    private static final String PASSING = """
              - name: totals_per_customer
                model: customer_totals
                given:
                  - input: ref('stg_orders')
                    rows:
                      - {customer_id: 1, amount: 10}
                      - {customer_id: 1, amount: 5}
                      - {customer_id: 2, amount: 7}
                expect:
                  rows:
                    - {customer_id: 2, total: 7, n_orders: 1}
                    - {customer_id: 1, total: 15, n_orders: 2}
            """;

    private static final String FAILING = """
              - name: totals_wrong
                model: customer_totals
                given:
                  - input: ref('stg_orders')
                    format: csv
                    rows: |
                      customer_id,amount
                      1,10
                      2,7
                expect:
                  format: csv
                  rows: |
                    customer_id,total
                    1,10
                    2,8
            """;

    @BeforeEach
    void shop() {
        project = TestProject.in(dir).dbtProject("""
                vars:
                  threshold: 100
                """)
                .file("seeds/raw_orders.csv", """
                        id,customer_id,amount,status
                        1,10,50.5,placed
                        2,10,150,shipped
                        3,20,200,placed
                        """)
                .file("models/stg_orders.sql",
                        "select id, customer_id, amount, upper(status) as status from {{ ref('raw_orders') }}")
                .file("models/customer_totals.sql", """
                        select customer_id, sum(amount) as total, count(*) as n_orders
                        from {{ ref('stg_orders') }}
                        group by 1
                        """)
                .file("models/downstream.sql", "select * from {{ ref('customer_totals') }}")
                .file("models/big_orders.sql",
                        "select id, amount from {{ ref('stg_orders') }} where amount > {{ var('threshold') }}")
                .file("models/latest_orders.sql", """
                        {{ config(materialized='table') }}
                        select id, amount from {{ ref('stg_orders') }}
                        {% if is_incremental() %}
                        where id > (select max(id) from {{ this }})
                        {% endif %}
                        """)
                .file("models/sources.yml", """
                        sources:
                          - name: raw
                            schema: main
                            tables:
                              - name: raw_orders
                        """);
    }

    private TestProject unitTests(String... entries) {
        return project.file("models/unit_tests.yml", "unit_tests:\n" + String.join("", entries));
    }

    @Test
    void testRunsPassingAndFailingUnitTestsAndShowsTheDifferingRows() {
        unitTests(PASSING, FAILING);
        project.runOk("build", "--exclude", "customer_totals+");
        CommandResult r = project.run("test").assertExit(1);
        r.assertOutContains("START unit_test customer_totals::totals_per_customer",
                "PASS customer_totals::totals_per_customer", "FAIL 1 customer_totals::totals_wrong",
                "Failure in unit_test totals_wrong (models/unit_tests.yml)", "actual differs from expected:",
                "@@,customer_id,total", "  ,1          ,10.0", "→ ,2          ,8.0→7.0",
                "compiled code at target/compiled/proj/models/unit_tests.yml/models/totals_wrong.sql",
                "Done. PASS=1 WARN=0 ERROR=1 SKIP=0 NO-OP=0 TOTAL=2");
        assertTrue(project.exists("target/compiled/proj/models/unit_tests.yml/models/totals_wrong.sql"));
    }

    @Test
    void buildRunsAModelsUnitTestsFirstAndSkipsTheModelAndItsChildrenWhenOneFails() {
        unitTests(PASSING, FAILING);
        CommandResult r = project.run("build").assertExit(1);
        List<String> lines = r.outLines();
        assertTrue(index(lines, "FAIL 1 customer_totals::totals_wrong") < index(lines, "SKIP relation main.customer_totals"),
                r.transcript());
        assertTrue(index(lines, "OK created sql view model main.stg_orders")
                < index(lines, "START unit_test customer_totals::totals_per_customer"), r.transcript());
        r.assertOutContains("SKIP relation main.downstream", "OK created sql table model main.latest_orders");
        assertNull(project.tableType("customer_totals"));
        assertNull(project.tableType("downstream"));
        assertEquals("VIEW", project.tableType("stg_orders"));

        JsonNode results = project.json("target/run_results.json").get("results");
        assertEquals("fail", result(results, "unit_test.proj.customer_totals.totals_wrong").get("status").asText());
        assertEquals(1, result(results, "unit_test.proj.customer_totals.totals_wrong").get("failures").asInt());
        assertEquals("pass", result(results, "unit_test.proj.customer_totals.totals_per_customer").get("status").asText());
        assertEquals("skipped", result(results, "model.proj.customer_totals").get("status").asText());
        assertEquals("skipped", result(results, "model.proj.downstream").get("status").asText());
    }

    @Test
    void aPassingUnitTestLetsBuildGoOn() {
        unitTests(PASSING);
        project.runOk("build").assertOutContains("PASS customer_totals::totals_per_customer",
                "OK created sql view model main.customer_totals");
        assertEquals("VIEW", project.tableType("downstream"));
    }

    @Test
    void runDoesNotRunUnitTests() {
        unitTests(FAILING);
        CommandResult r = project.runOk("build", "--exclude", "customer_totals+");
        assertFalse(r.out().contains("unit_test"), r.transcript());
        r = project.runOk("run");
        assertFalse(r.out().contains("unit_test"), r.transcript());
        assertEquals("VIEW", project.tableType("customer_totals"));
    }

    @Test
    void sqlRowsAndSourceInputs() {
        project.file("models/raw_source_orders.sql", "select id, status from {{ source('raw', 'raw_orders') }}");
        unitTests("""
                  - name: statuses_from_source
                    model: raw_source_orders
                    given:
                      - input: source('raw', 'raw_orders')
                        format: sql
                        rows: |
                          select 1 as id, 5 as customer_id, 1.5 as amount, 'placed' as status
                    expect:
                      format: sql
                      rows: |
                        select 1 as id, 'placed' as status
                  - name: upper_status
                    model: stg_orders
                    given:
                      - input: ref('raw_orders')
                        rows:
                          - {id: 1, status: placed}
                          - {id: 2}
                    expect:
                      rows:
                        - {id: 2, status: null}
                        - {id: 1, status: PLACED}
                """);
        project.runOk("seed");
        project.runOk("test").assertOutContains("PASS raw_source_orders::statuses_from_source",
                "PASS stg_orders::upper_status", "Done. PASS=2 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2");
        String compiled = project.read("target/compiled/proj/models/unit_tests.yml/models/upper_status.sql");
        assertTrue(compiled.contains("with __dbt__cte__raw_orders as ("), compiled);
        assertTrue(compiled.contains("cast('placed' as VARCHAR) as \"status\""), compiled);
        assertTrue(compiled.contains("from __dbt__cte__raw_orders"), compiled);
        String fromSource = project.read("target/compiled/proj/models/unit_tests.yml/models/statuses_from_source.sql");
        assertTrue(fromSource.contains("from __dbt__cte__raw__raw_orders"), fromSource);
    }

    @Test
    void overridesOfIsIncrementalVarsAndEnvVars() {
        project.file("models/regions.sql",
                "select id, '{{ env_var(\"MALLARD_UT_REGION\", \"eu\") }}' as region from {{ ref('stg_orders') }}");
        unitTests("""
                  - name: only_new_rows
                    model: latest_orders
                    overrides:
                      macros:
                        is_incremental: true
                    given:
                      - input: ref('stg_orders')
                        rows: [{id: 1, amount: 5}, {id: 2, amount: 50}, {id: 3, amount: 60}]
                      - input: this
                        rows: [{id: 1, amount: 5}]
                    expect:
                      rows: [{id: 2, amount: 50}, {id: 3, amount: 60}]
                  - name: all_rows
                    model: latest_orders
                    overrides:
                      macros:
                        is_incremental: false
                    given:
                      - input: ref('stg_orders')
                        rows: [{id: 1, amount: 5}]
                    expect:
                      rows: [{id: 1, amount: 5}]
                  - name: region_from_env
                    model: regions
                    overrides:
                      env_vars:
                        MALLARD_UT_REGION: us
                    given:
                      - input: ref('stg_orders')
                        rows: [{id: 1}]
                    expect:
                      rows: [{id: 1, region: us}]
                  - name: lower_threshold
                    model: big_orders
                    overrides:
                      vars:
                        threshold: 10
                    given:
                      - input: ref('stg_orders')
                        rows: [{id: 1, amount: 5}, {id: 2, amount: 50}]
                    expect:
                      rows: [{id: 2}]
                """);
        project.runOk("build", "--resource-type", "model", "seed");
        project.runOk("test").assertOutContains("PASS latest_orders::only_new_rows", "PASS latest_orders::all_rows",
                "PASS big_orders::lower_threshold", "PASS regions::region_from_env");
    }

    @Test
    void unitTestsAreSelectedByNameByTheirModelAndByResourceType() {
        unitTests(PASSING, FAILING);
        project.runOk("build", "--exclude", "customer_totals+");
        project.runOk("test", "--select", "totals_per_customer").assertOutContains("Done. PASS=1 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=1");
        project.run("test", "--select", "customer_totals").assertExit(1)
                .assertOutContains("TOTAL=2");
        project.run("test", "--resource-type", "unit_test").assertExit(1).assertOutContains("TOTAL=2");
        project.runOk("test", "--resource-type", "test").assertOutContains("Nothing to do");
        CommandResult ls = project.runOk("ls", "--resource-type", "unit_test");
        assertEquals(List.of("unit_test:proj.totals_per_customer", "unit_test:proj.totals_wrong"), ls.outLines().stream()
                .filter(l -> l.startsWith("unit_test:")).toList());
    }

    @Test
    void manifestListsUnitTestsAndRunResultsTheirOutcome() {
        unitTests(PASSING, FAILING);
        project.runOk("build", "--exclude", "customer_totals+");
        project.run("test").assertExit(1);
        JsonNode manifest = project.json("target/manifest.json");
        JsonNode unit = manifest.get("unit_tests").get("unit_test.proj.customer_totals.totals_wrong");
        assertEquals("unit_test", unit.get("resource_type").asText());
        assertEquals("customer_totals", unit.get("model").asText());
        assertEquals("models/unit_tests.yml", unit.get("original_file_path").asText());
        assertEquals("[\"proj\",\"customer_totals\",\"totals_wrong\"]", unit.get("fqn").toString());
        assertEquals("[\"model.proj.customer_totals\"]", unit.get("depends_on").get("nodes").toString());
        assertEquals("ref('stg_orders')", unit.get("given").get(0).get("input").asText());
        assertEquals("csv", unit.get("given").get(0).get("format").asText());
        assertEquals("1", unit.get("given").get(0).get("rows").get(0).get("customer_id").asText());
        assertFalse(manifest.get("nodes").has("unit_test.proj.customer_totals.totals_wrong"));
        List<String> children = new ArrayList<>();
        manifest.get("child_map").get("model.proj.customer_totals").forEach(c -> children.add(c.asText()));
        assertEquals(List.of("model.proj.downstream", "unit_test.proj.customer_totals.totals_per_customer",
                "unit_test.proj.customer_totals.totals_wrong"), children);

        JsonNode failed = result(project.json("target/run_results.json").get("results"),
                "unit_test.proj.customer_totals.totals_wrong");
        assertEquals("fail", failed.get("status").asText());
        assertTrue(failed.get("message").asText().contains("→ ,2          ,8.0→7.0"), failed.toString());
        assertTrue(failed.get("compiled_code").asText().contains("__dbt__cte__stg_orders"), failed.toString());
    }

    @Test
    void anUnknownModelIsAProjectErrorNamingTheYamlFile() {
        unitTests("""
                  - name: t
                    model: customer_totalz
                    given: []
                    expect: {rows: []}
                """);
        project.run("test").assertExit(2).assertNoJavaInternals()
                .assertOutputContains("models/unit_tests.yml", "unable to find model 'proj.customer_totalz'");
    }

    @Test
    void anInputTheModelDoesNotReadIsIgnoredAsDbtDoes() {
        unitTests("""
                  - name: t
                    model: customer_totals
                    given:
                      - input: ref('big_orders')
                        rows: []
                    expect: {rows: []}
                """);
        // the extra input is accepted at parse time (exit 2 would be a project error); the unit
        // test then fails when it runs, as in dbt, because nothing is built yet
        project.run("test").assertExit(1).assertNoJavaInternals().assertOutputContains("unit test 't'");
    }

    @Test
    void badCsvRowsAreAnErrorNamingTheYamlFile() {
        unitTests("""
                  - name: t
                    model: customer_totals
                    given:
                      - input: ref('stg_orders')
                        format: csv
                        rows: |
                          customer_id,amount
                          1,10,99
                    expect: {rows: []}
                """);
        project.run("test").assertExit(2).assertNoJavaInternals().assertOutputContains("models/unit_tests.yml",
                "CSV row 2 has 3 values but the header [customer_id, amount] names 2 columns");
    }

    @Test
    void anExpectedColumnTheModelDoesNotHaveFailsTheUnitTest() {
        unitTests("""
                  - name: t
                    model: customer_totals
                    given:
                      - input: ref('stg_orders')
                        rows: [{customer_id: 1, amount: 10}]
                    expect:
                      rows: [{customer_id: 1, revenue: 10}]
                """);
        project.runOk("build", "--exclude", "customer_totals+");
        project.run("test").assertExit(1).assertNoJavaInternals().assertOutContains("ERROR customer_totals::t",
                "Failure in unit_test t (models/unit_tests.yml)", "invalid column name: 'revenue'",
                "Accepted columns for expected output are: [customer_id, total, n_orders]");
    }

    @Test
    void anInputThatIsNotBuiltYetErrorsLikeDbt() {
        unitTests(PASSING);
        project.run("test").assertExit(1).assertOutContains("ERROR customer_totals::totals_per_customer",
                "because the relation doesn't exist");
    }

    private static int index(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no line contains '" + fragment + "' in\n" + String.join("\n", lines));
    }

    private static JsonNode result(JsonNode results, String id) {
        for (JsonNode r : results) {
            if (r.get("unique_id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + id + " in " + results);
    }
}
