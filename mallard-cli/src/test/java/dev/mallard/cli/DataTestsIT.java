package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data tests: generic and singular, their names, outcomes, and how they gate a build. */
class DataTestsIT {
    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select * from (values (1, 'x'), (2, 'y'), (2, null), (3, 'z')) t(id, v)")
                .file("models/b.sql", "select * from (values (1), (5)) t(id)")
                .file("models/child.sql", "select * from {{ ref('a') }}")
                .file("models/grandchild.sql", "select * from {{ ref('child') }}")
                .file("models/b_child.sql", "select * from {{ ref('b') }}")
                .file("models/s.yml", """
                        version: 2
                        models:
                          - name: a
                            columns:
                              - name: id
                                data_tests:
                                  - unique
                                  - not_null
                              - name: v
                                data_tests:
                                  - not_null:
                                      config:
                                        severity: warn
                                  - accepted_values:
                                      arguments:
                                        values: ['x', 'y']
                                      config:
                                        where: "id < 3"
                                        store_failures: true
                          - name: b
                            data_tests:
                              - positive_sum:
                                  column_name: id
                            columns:
                              - name: id
                                data_tests:
                                  - relationships:
                                      to: ref('a')
                                      field: id
                                      error_if: ">5"
                                      warn_if: ">0"
                        """)
                .file("tests/generic/positive_sum.sql", """
                        {% test positive_sum(model, column_name) %}
                        select 1 as x from {{ model }} having sum({{ column_name }}) < 0
                        {% endtest %}
                        """)
                .file("tests/no_big_ids.sql", "select * from {{ ref('b') }} where id > 3");
    }

    private static Map<String, String> statuses(JsonNode runResults) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode r : runResults.get("results")) {
            String id = r.get("unique_id").asText();
            String failures = r.get("failures").isNull() ? "" : " " + r.get("failures").asLong();
            out.put(id, r.get("status").asText() + failures);
        }
        return out;
    }

    @Test
    void buildRunsTestsAndAFailingTestSkipsTheModelsDownstream() {
        TestProject p = project();

        CommandResult r = p.run("build").assertExit(1);

        // the ids, statuses and failure counts dbt-core 1.11 + dbt-duckdb produce for this project
        Map<String, String> expected = Map.ofEntries(
                Map.entry("model.proj.a", "success"),
                Map.entry("model.proj.b", "success"),
                Map.entry("model.proj.b_child", "success"),
                Map.entry("model.proj.child", "skipped"),
                Map.entry("model.proj.grandchild", "skipped"),
                Map.entry("test.proj.accepted_values_a_v__x__y.d183927fef", "pass 0"),
                Map.entry("test.proj.no_big_ids", "fail 1"),
                Map.entry("test.proj.not_null_a_id.c1cebc1440", "pass 0"),
                Map.entry("test.proj.not_null_a_v.725ca86890", "warn 1"),
                Map.entry("test.proj.positive_sum_b_id.894507519c", "pass 0"),
                Map.entry("test.proj.relationships_b_id__id__ref_a_.7af89a82ca", "warn 1"),
                Map.entry("test.proj.unique_a_id.f6a5f640da", "fail 1"));
        Map<String, String> actual = statuses(p.json("target/run_results.json"));
        // b_child depends only on b, whose test failure is a warning (relationships) and a singular failure
        // (no_big_ids) - which gates b's children as well
        expected = new HashMap<>(expected);
        expected.put("model.proj.b_child", "skipped");
        assertEquals(expected, actual, r.transcript());
        assertTrue(r.outLines().contains("Done. PASS=5 WARN=2 ERROR=2 SKIP=3 NO-OP=0 TOTAL=12"), r.transcript());
        assertTrue(r.out().contains("Failure in test unique_a_id (models/s.yml)"), r.transcript());
        assertTrue(r.outLines().contains("  Got 1 result, configured to fail if != 0"), r.transcript());
        // dbt prints a warning's message as it is (RunResultWarningMessage), an error's indented
        assertTrue(r.outLines().contains("Got 1 result, configured to warn if != 0"), r.transcript());
        assertTrue(r.out().contains("compiled code at target/compiled/proj/models/s.yml/unique_a_id.sql"), r.transcript());
        assertTrue(p.exists("target/compiled/proj/models/s.yml/unique_a_id.sql"));
        assertTrue(r.outLines().stream().anyMatch(l -> l.matches("\\d+ of 12 FAIL 1 unique_a_id \\.+ \\[FAIL 1 in .*")),
                r.transcript());
        assertTrue(r.outLines().stream().anyMatch(l -> l.matches("\\d+ of 12 WARN 1 not_null_a_v \\.+ \\[WARN 1 in .*")),
                r.transcript());
        assertEquals(List.of("main.a", "main.b", "main_dbt_test__audit.accepted_values_a_v__x__y"), p.relations());
        // the stored failures of a passing test: the table exists and is empty
        assertEquals("0", p.value("select count(*) from main_dbt_test__audit.accepted_values_a_v__x__y"));
    }

    @Test
    void testCommandRunsOnlyTestsAndSelectingAModelBringsItsTests() {
        TestProject p = project();
        p.run("run").assertExit(0);

        CommandResult all = p.run("test").assertExit(1);
        assertTrue(all.outLines().contains("Done. PASS=3 WARN=2 ERROR=2 SKIP=0 NO-OP=0 TOTAL=7"), all.transcript());

        CommandResult onlyB = p.run("test", "--select", "b").assertExit(1);
        assertTrue(onlyB.outLines().contains("Done. PASS=1 WARN=1 ERROR=1 SKIP=0 NO-OP=0 TOTAL=3"), onlyB.transcript());

        CommandResult cautious = p.run("test", "--select", "b", "--indirect-selection", "cautious").assertExit(1);
        // relationships also reads a, which is not selected: cautious leaves it out
        assertTrue(cautious.outLines().contains("Done. PASS=1 WARN=0 ERROR=1 SKIP=0 NO-OP=0 TOTAL=2"), cautious.transcript());

        CommandResult buildable = p.run("test", "--select", "b", "--indirect-selection", "buildable").assertExit(1);
        // a is neither selected nor upstream of b: the relationships test stays out, as with cautious
        assertTrue(buildable.outLines().contains("Done. PASS=1 WARN=0 ERROR=1 SKIP=0 NO-OP=0 TOTAL=2"), buildable.transcript());

        CommandResult buildableWithParent = p.run("test", "--select", "a b", "--indirect-selection", "buildable")
                .assertExit(1);
        assertTrue(buildableWithParent.outLines().contains("Done. PASS=3 WARN=2 ERROR=2 SKIP=0 NO-OP=0 TOTAL=7"),
                buildableWithParent.transcript());

        CommandResult empty = p.run("test", "--select", "b", "--indirect-selection", "empty").assertExit(0);
        assertTrue(empty.outLines().contains("Done. PASS=0 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=0"), empty.transcript());

        p.run("test", "--indirect-selection", "sometimes").assertExit(2);

        CommandResult byName = p.run("test", "--select", "not_null_a_id").assertExit(0);
        assertTrue(byName.outLines().contains("Done. PASS=1 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=1"), byName.transcript());

        CommandResult singular = p.run("test", "--select", "test_type:singular").assertExit(1);
        assertTrue(singular.outLines().contains("Done. PASS=0 WARN=0 ERROR=1 SKIP=0 NO-OP=0 TOTAL=1"), singular.transcript());

        CommandResult notNulls = p.run("test", "--select", "test_name:not_null").assertExit(0);
        assertTrue(notNulls.outLines().contains("Done. PASS=1 WARN=1 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2"), notNulls.transcript());

        CommandResult generic = p.run("test", "--select", "test_type:generic").assertExit(1);
        assertTrue(generic.outLines().contains("Done. PASS=3 WARN=2 ERROR=1 SKIP=0 NO-OP=0 TOTAL=6"), generic.transcript());

        CommandResult genericOfB = p.run("test", "--select", "test_type:generic,b").assertExit(0);
        assertTrue(genericOfB.outLines().contains("Done. PASS=1 WARN=1 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2"), genericOfB.transcript());

        CommandResult excluded = p.run("test", "--exclude", "a", "--select", "a b").assertExit(1);
        assertFalse(excluded.out().contains("unique_a_id"), excluded.transcript());
    }

    @Test
    void testNodesAreInTheManifestWithDbtMetadata() {
        TestProject p = project();
        p.run("parse").assertExit(0);

        JsonNode test = p.json("target/manifest.json").get("nodes").get("test.proj.unique_a_id.f6a5f640da");
        assertEquals("test", test.get("resource_type").asText());
        assertEquals("unique", test.get("test_metadata").get("name").asText());
        assertEquals("id", test.get("column_name").asText());
        assertEquals("models/s.yml", test.get("original_file_path").asText());
        JsonNode parents = p.json("target/manifest.json").get("parent_map").get("test.proj.relationships_b_id__id__ref_a_.7af89a82ca");
        assertEquals(2, parents.size(), parents.toString());
    }

    @Test
    void longTestNamesAreHashedLikeDbt() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/orders.sql", "select 'placed' as status")
                .file("models/s.yml", """
                        version: 2
                        models:
                          - name: orders
                            columns:
                              - name: status
                                data_tests:
                                  - accepted_values:
                                      values: ['placed', 'shipped', 'completed', 'return_pending', 'returned']
                        """);

        CommandResult r = p.run("build").assertExit(0);

        JsonNode nodes = p.json("target/manifest.json").get("nodes");
        String id = "test.proj.accepted_values_orders_status__placed__shipped__completed__return_pending__returned.be6b5b5ec3";
        assertTrue(nodes.has(id), nodes.fieldNames().next() + "\n" + r.transcript());
        assertEquals("accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758", nodes.get(id).get("alias").asText());
    }

    @Test
    void aTestOnASourceAndAWholeModelTestWork() {
        TestProject p = TestProject.in(dir).dbtProject("""
                on-run-start:
                  - "create schema if not exists raw"
                  - "create or replace table raw.events as select * from (values (1), (2), (null)) t(id)"
                """)
                .file("models/m.sql", "select 1 as id")
                .file("models/s.yml", """
                        version: 2
                        sources:
                          - name: raw
                            tables:
                              - name: events
                                columns:
                                  - name: id
                                    data_tests: [not_null]
                        models:
                          - name: m
                            data_tests:
                              - dbt_expectless:
                                  arguments:
                                    n: 1
                        """)
                .file("macros/t.sql", """
                        {% test dbt_expectless(model, n) %}
                        select * from (select count(*) as c from {{ model }}) x where c != {{ n }}
                        {% endtest %}
                        """);

        CommandResult r = p.run("build").assertExit(1);

        Map<String, String> s = statuses(p.json("target/run_results.json"));
        assertEquals("fail 1", s.get("test.proj.source_not_null_raw_events_id.e0dfd1a6a7"), r.transcript());
        assertEquals("pass 0", s.get("test.proj.dbt_expectless_m_1.288f228969"), r.transcript() + s);
    }

    @Test
    void storedFailuresKeepOnlyTheLimitsRows() {
        // dbt's test materialization stores `sql limit n` and then counts the stored rows
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/m.sql", "select * from (values (1), (2), (3)) t(id)")
                .file("models/s.yml", """
                        version: 2
                        models:
                          - name: m
                            columns:
                              - name: id
                                data_tests:
                                  - accepted_values:
                                      arguments:
                                        values: [9]
                                      config:
                                        store_failures: true
                                        limit: 2
                        """);

        CommandResult r = p.run("build").assertExit(1);

        assertEquals("fail 2", statuses(p.json("target/run_results.json")).get(
                "test.proj.accepted_values_m_id__9.400d7a9034"));
        // dbt's CheckNodeTestFailure under the failure: the query of the stored rows between two borders
        List<String> lines = r.outLines();
        int at = lines.indexOf("  See test failures:");
        assertTrue(at > 0, r.transcript());
        String query = lines.get(at + 2);
        assertTrue(query.matches("  select \\* from \"\\w+\"\\.\"main_dbt_test__audit\"\\.\"accepted_values_m_id__9\""),
                r.transcript());
        String border = "  " + "-".repeat(query.length() - 2);
        assertEquals(List.of(border, border), List.of(lines.get(at + 1), lines.get(at + 3)), r.transcript());
        assertEquals(List.of(List.of("2")), p.rows("select count(*) from main_dbt_test__audit.accepted_values_m_id__9"));
    }

    @Test
    void withAWhereConfigTheModelArgumentIsTheSubqueryText() {
        // dbt's get_where_subquery returns a string: attributes are undefined, and
        // adapter.get_columns_in_relation(model) fails ('str object' has no attribute 'render')
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/m.sql", "select 1 as id")
                .file("macros/t.sql", """
                        {% test has_columns(model, n) %}
                        select 1 as x where {{ adapter.get_columns_in_relation(model) | length }} != {{ n }}
                        {% endtest %}
                        {% test model_kind(model) %}
                        select 1 as x where '{{ model is string }}|{{ model.identifier }}' != 'True|'
                        {% endtest %}
                        """)
                .file("models/s.yml", """
                        version: 2
                        models:
                          - name: m
                            data_tests:
                              - has_columns: {arguments: {n: 1}}
                              - has_columns: {arguments: {n: 1}, config: {where: "id > 0"}, name: has_columns_where}
                              - model_kind: {config: {where: "id > 0"}}
                        """);

        CommandResult r = p.run("build").assertExit(1);

        Map<String, String> s = statuses(p.json("target/run_results.json"));
        assertEquals("pass 0", s.get("test.proj.has_columns_m_1.8450b0f34d"), r.transcript());
        assertTrue(s.get("test.proj.has_columns_where.71ae111d39").startsWith("error"), r.transcript() + s);
        assertEquals("pass 0", s.get("test.proj.model_kind_m_.e29a660bd6"), r.transcript() + s);
        r.assertOutputContains("'str object' has no attribute 'render'");
    }
}
