package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt model versions: given a model with {@code versions:} in its properties, each version is
 * its own node, built as {@code <name>_v<v>} (or its alias), read by {@code ref('m')} (the
 * latest) or {@code ref('m', v=...)}, tested per version and selected as dbt selects them.
 * What dbt-core 1.11 does for the same project was checked with the oracle.
 */
class ModelVersionsIT {
    @TempDir
    static Path dir;

    static TestProject project;
    static CommandResult build;

    @BeforeAll
    static void buildProject() {
        project = TestProject.in(dir).dbtProject("""
                models:
                  proj:
                    +materialized: table
                """)
                .file("models/stg.sql", "select 1 as id, 'a' as name, 10 as amount union all select 2, 'b', 20")
                .file("models/dim_v1.sql", "select id, name, amount from {{ ref('stg') }}")
                .file("models/dim_v2.sql", "select id, name from {{ ref('stg') }}")
                .file("models/dim_three.sql", "select id, name, amount * 2 as amount2 from {{ ref('stg') }}")
                .file("models/cons_latest.sql", "select * from {{ ref('dim') }}")
                .file("models/tests.yml", """
                        version: 2
                        models:
                          - name: cons_latest
                            columns:
                              - name: id
                                data_tests:
                                  - relationships:
                                      to: ref('dim', v=1)
                                      field: id
                        """)
                .file("models/cons_v1.sql", "select * from {{ ref('dim', v=1) }}"
                        + " union all select * from {{ ref('dim', version='1') }}")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: dim
                            description: the dim
                            latest_version: 2
                            config:
                              tags: [d]
                              post-hook: "create or replace view {{ this.schema }}.hook_{{ this.identifier }} as select '{{ model.version }}/{{ model.latest_version }}' as seen"
                            columns:
                              - name: id
                                description: the id
                                data_tests: [unique, not_null]
                              - name: name
                              - name: amount
                                data_tests: [not_null]
                            versions:
                              - v: 1
                                deprecation_date: 2020-01-01
                                config:
                                  alias: dim_old
                              - v: 2
                                columns:
                                  - include: all
                                    exclude: [amount]
                              - v: 3
                                defined_in: dim_three
                                description: three
                                columns:
                                  - include: [id, name]
                                  - name: amount2
                                    data_tests: [not_null]
                        unit_tests:
                          - name: ut_all
                            model: dim
                            given:
                              - input: ref('stg')
                                rows:
                                  - {id: 1, name: a, amount: 5}
                            expect:
                              rows:
                                - {id: 1}
                          - name: ut_two
                            model: dim
                            versions:
                              include: [2]
                            given:
                              - input: ref('stg')
                                rows:
                                  - {id: 1, name: a, amount: 5}
                            expect:
                              rows:
                                - {id: 1, name: a}
                        exposures:
                          - name: legacy_dashboard
                            type: dashboard
                            owner: {email: a@b.c}
                            depends_on:
                              - ref('dim', v=1)
                        """);
        build = project.runOk("build");
    }

    @Test
    void eachVersionIsBuiltAsNameVAndItsAliasWins() {
        List<String> relations = project.relations();
        assertTrue(relations.containsAll(List.of("main.dim_old", "main.dim_v2", "main.dim_v3")), relations.toString());
        assertTrue(!relations.contains("main.dim") && !relations.contains("main.dim_three")
                && !relations.contains("main.dim_v1"), relations.toString());
        assertEquals(List.of("id", "name"), project.columns("select * from dim_v2"));
        assertEquals(List.of(List.of("2")), project.rows("select count(*) from cons_latest"));
    }

    @Test
    void refWithoutAVersionReadsTheLatestAndAPinnedOneItsVersion() {
        JsonNode nodes = project.json("target/manifest.json").get("nodes");
        assertEquals("[\"model.proj.dim.v2\"]", nodes.get("model.proj.cons_latest").get("depends_on").get("nodes").toString());
        assertEquals("[\"model.proj.dim.v1\"]", nodes.get("model.proj.cons_v1").get("depends_on").get("nodes").toString());
        // dbt keeps each ref's version as written: an int and a string are two refs
        assertEquals("[{\"name\":\"dim\",\"package\":null,\"version\":1},{\"name\":\"dim\",\"package\":null,\"version\":\"1\"}]",
                nodes.get("model.proj.cons_v1").get("refs").toString());
        assertEquals(List.of(List.of("4")), project.rows("select count(*) from cons_v1"));
    }

    @Test
    void theManifestHasDbtsVersionFields() {
        JsonNode nodes = project.json("target/manifest.json").get("nodes");
        JsonNode v1 = nodes.get("model.proj.dim.v1");
        assertEquals("dim", v1.get("name").asText());
        assertEquals(1, v1.get("version").asInt());
        assertEquals(2, v1.get("latest_version").asInt());
        assertEquals("2020-01-01T00:00:00+00:00", v1.get("deprecation_date").asText());
        assertEquals("[\"proj\",\"dim\",\"v1\"]", v1.get("fqn").toString());
        assertEquals("dim_old", v1.get("alias").asText());
        JsonNode v3 = nodes.get("model.proj.dim.v3");
        assertEquals("models/dim_three.sql", v3.get("original_file_path").asText());
        assertEquals("three", v3.get("description").asText());
        assertEquals(List.of("id", "name", "amount2"), fieldNames(v3.get("columns")));
        assertEquals(List.of("id", "name"), fieldNames(nodes.get("model.proj.dim.v2").get("columns")));
        assertTrue(nodes.get("model.proj.stg").get("version").isNull());
    }

    @Test
    void columnTestsAreMadePerVersionWithDbtsNamesAndIds() {
        JsonNode nodes = project.json("target/manifest.json").get("nodes");
        // ids as dbt-core 1.11 gives them for this project
        for (String id : List.of("test.proj.unique_dim_v1_id.2f98b9f679", "test.proj.not_null_dim_v1_amount.8f5a923d42",
                "test.proj.unique_dim_v2_id.fb0fd31dac", "test.proj.not_null_dim_v3_amount2.463e82f8ae")) {
            assertTrue(nodes.has(id), id + " in " + fieldNames(nodes));
        }
        assertTrue(!nodes.has("test.proj.not_null_dim_v2_amount.0000000000"));
        JsonNode test = nodes.get("test.proj.unique_dim_v1_id.2f98b9f679");
        assertEquals("model.proj.dim.v1", test.get("attached_node").asText());
        assertEquals("{{ get_where_subquery(ref('dim', version='1')) }}",
                test.get("test_metadata").get("kwargs").get("model").asText());
        assertTrue(build.out().contains("PASS=19"), build.out());
        // a test's ref('dim', v=1) argument is an edge to that version
        JsonNode relationships = nodes.get("test.proj.relationships_cons_latest_id__id__ref_dim_v_1_.341a69f091");
        assertEquals("[\"model.proj.dim.v1\",\"model.proj.cons_latest\"]",
                relationships.get("depends_on").get("nodes").toString());
    }

    @Test
    void aUnitTestRunsOnEveryVersionItsVersionsKeep() {
        JsonNode tests = project.json("target/manifest.json").get("unit_tests");
        assertEquals(List.of("unit_test.proj.dim.ut_all_v1", "unit_test.proj.dim.ut_all_v2", "unit_test.proj.dim.ut_all_v3",
                "unit_test.proj.dim.ut_two_v2"), fieldNames(tests).stream().sorted().toList());
        JsonNode two = tests.get("unit_test.proj.dim.ut_two_v2");
        assertEquals("ut_two", two.get("name").asText());
        assertEquals(2, two.get("version").asInt());
        assertEquals("{\"include\":[2],\"exclude\":null}", two.get("versions").toString());
        assertEquals("[\"model.proj.dim.v3\"]", tests.get("unit_test.proj.dim.ut_all_v3").get("depends_on").get("nodes")
                .toString());
    }

    @Test
    void anExposureMayDependOnAPinnedVersion() {
        JsonNode exposure = project.json("target/manifest.json").get("exposures").get("exposure.proj.legacy_dashboard");
        assertEquals("[\"model.proj.dim.v1\"]", exposure.get("depends_on").get("nodes").toString());
        assertEquals(1, exposure.get("refs").get(0).get("version").asInt());
    }

    @Test
    void anUnpinnedRefToAModelWithAPrereleaseGetsDbtsNotice() {
        assertTrue(build.out().contains("While compiling 'cons_latest':\nFound an unpinned reference to versioned model"
                + " 'dim' in project 'proj'.\nResolving to latest version: dim.v2\nA prerelease version 3 is available."),
                build.out());
        assertTrue(build.out().contains("  Pin to  v2: {{ ref('proj', 'dim', v='2') }}"), build.out());
    }

    @Test
    void hooksSeeTheModelsVersionFields() {
        assertEquals(List.of(List.of("2/2")), project.rows("select seen from hook_dim_v2"));
        assertEquals(List.of(List.of("1/2")), project.rows("select seen from hook_dim_old"));
    }

    @Test
    void aPassedDeprecationDateIsWarnedAboutForTheVersionAndItsReaders() {
        assertTrue(build.out().contains("Model dim.v1 has passed its deprecation date of 2020-01-01T00:00:00+00:00"),
                build.out());
        assertTrue(build.out().contains("While compiling 'cons_v1': Found a reference to dim.v1, which was deprecated"
                + " on '2020-01-01T00:00:00+00:00'. A new version of 'dim' is available. Migrate now: "
                + "{{ ref('proj', 'dim', v='2') }}."), build.out());
    }

    @Test
    void selectionByNameVersionAndVersionMethodIsDbts() {
        assertEquals(List.of("dim.v1", "dim.v2", "dim.v3"), ls("--select", "dim", "--resource-type", "model"));
        assertEquals(List.of("dim.v2"), ls("--select", "dim.v2", "--resource-type", "model"));
        assertEquals(List.of("dim.v1"), ls("--select", "dim_v1", "--resource-type", "model"));
        assertEquals(List.of(), ls("--select", "dim_three", "--resource-type", "model"));
        assertEquals(List.of("cons_latest", "dim.v2"), ls("--select", "dim.v2+", "--resource-type", "model"));
        assertEquals(List.of("dim.v2"), ls("--select", "version:latest", "--resource-type", "model"));
        assertEquals(List.of("dim.v3"), ls("--select", "version:prerelease", "--resource-type", "model"));
        assertEquals(List.of("dim.v1"), ls("--select", "version:old", "--resource-type", "model"));
        assertEquals(List.of("cons_latest", "cons_v1", "stg"), ls("--select", "version:none", "--resource-type", "model"));
        List<String> paths = project.runOk("ls", "--select", "dim.v1").out().lines().sorted().toList();
        assertEquals(List.of("proj.dim.v1", "proj.not_null_dim_v1_amount", "proj.not_null_dim_v1_id",
                "proj.relationships_cons_latest_id__id__ref_dim_v_1_",
                "proj.unique_dim_v1_id", "unit_test:proj.ut_all_v1"), paths);
    }

    private static List<String> ls(String... selection) {
        List<String> args = new ArrayList<>(List.of("--output", "name", "--quiet"));
        args.addAll(List.of(selection));
        return project.runOk("ls", args.toArray(String[]::new)).out().lines().filter(l -> !l.isBlank()).sorted()
                .toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aUnitTestMayGiveRowsForAPinnedVersion() {
        TestProject p = TestProject.in(dir.resolve("pinned")).dbtProject()
                .file("models/m_v1.sql", "select 1 as id, 'a' as name")
                .file("models/m_v2.sql", "select 1 as id, 'a' as name, 10 as score")
                .file("models/reader.sql", "select id, score * 2 as double_score from {{ ref('m', v=2) }}")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: m
                            latest_version: 1
                            versions:
                              - v: 1
                              - v: 2
                        unit_tests:
                          - name: ut_reader
                            model: reader
                            given:
                              - input: ref('m', v=2)
                                rows:
                                  - {id: 1, score: 3}
                                  - {id: 2, score: 5}
                            expect:
                              rows:
                                - {id: 1, double_score: 6}
                                - {id: 2, double_score: 10}
                        """);
        p.runOk("build");
        JsonNode results = p.json("target/run_results.json").get("results");
        List<String> statuses = new ArrayList<>();
        results.forEach(r -> statuses.add(r.get("unique_id").asText() + "=" + r.get("status").asText()));
        assertTrue(statuses.contains("unit_test.proj.reader.ut_reader=pass"), statuses.toString());
    }

    @Test
    void anUnversionedModelsDeprecationDateIsWarnedAboutAndKept() {
        TestProject p = TestProject.in(dir.resolve("deprecated")).dbtProject()
                .file("models/old_model.sql", "select 1 as id")
                .file("models/reader.sql", "select id from {{ ref('old_model') }}")
                .file("models/soon.sql", "select 1 as id")
                .file("models/soon_reader.sql", "select id from {{ ref('soon') }}")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: old_model
                            deprecation_date: 2020-01-01
                          - name: soon
                            deprecation_date: 2999-12-31 10:00:00
                        """);
        CommandResult r = p.runOk("build");
        assertTrue(r.out().contains("[WARNING]: Model old_model has passed its deprecation date of"
                + " 2020-01-01T00:00:00+00:00. This model should be disabled or removed."), r.out());
        assertTrue(r.out().contains("[WARNING]: While compiling 'reader': Found a reference to old_model, which was"
                + " deprecated on '2020-01-01T00:00:00+00:00'. "), r.out());
        assertTrue(r.out().contains("[WARNING]: While compiling 'soon_reader': Found a reference to soon, which is"
                + " slated for deprecation on '2999-12-31T10:00:00+00:00'. "), r.out());
        assertTrue(!r.out().contains("Model soon has passed"), r.out());
        JsonNode nodes = p.json("target/manifest.json").get("nodes");
        assertEquals("2020-01-01T00:00:00+00:00", nodes.get("model.proj.old_model").get("deprecation_date").asText());
        assertTrue(nodes.get("model.proj.reader").get("deprecation_date").isNull());
    }

    @Test
    void anUnknownVersionOrAnUnversionedTwinIsAnErrorNamingTheFile() {
        TestProject bad = TestProject.in(dir.resolve("bad")).dbtProject()
                .file("models/m_v1.sql", "select 1 as id")
                .file("models/reader.sql", "select * from {{ ref('m', v=7) }}")
                .file("models/schema.yml", "version: 2\nmodels:\n  - name: m\n    versions:\n      - v: 1\n");
        CommandResult r = bad.run("parse");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("models/reader.sql:1: model 'reader' depends on a node named 'm' with version '7'"
                + " which was not found"), r.err());
        bad.file("models/m_seven.sql", "select 7 as id").file("models/schema.yml", "version: 2\nmodels:\n  - name: m\n"
                + "    versions:\n      - v: 1\n      - v: 7\n        defined_in: m_seven\n"
                + "        config: {enabled: false}\n");
        r = bad.run("parse");
        assertTrue(r.err().contains("depends on a node named 'm' with version '7' which is disabled"), r.err());
        bad.delete("models/m_seven.sql").file("models/schema.yml", "version: 2\nmodels:\n  - name: m\n    versions:\n"
                + "      - v: 1\n");
        bad.file("models/reader.sql", "select * from {{ ref('m') }}").file("models/m.sql", "select 2 as id");
        r = bad.run("parse");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("models/m.sql: dbt found versioned and unversioned models with the name \"m\""),
                r.err());
        bad.delete("models/m.sql").file("models/schema.yml",
                "version: 2\nmodels:\n  - name: m\n    versions:\n      - v: 1\n      - v: 1\n");
        r = bad.run("parse");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("models/schema.yml: Found duplicate version: '1' in versions list of model 'm'"),
                r.err());
    }
}
