package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * clone with --state: a project built by target "prod" into schema main, cloned by target
 * "dev" into schema dev of the same DuckDB file, as dbt-duckdb clones: views on the state's
 * relations, existing relations left alone unless --full-refresh.
 */
class CloneIT {
    @TempDir
    Path dir;

    @TempDir
    Path prodState;

    TestProject project;

    @BeforeEach
    void buildProd() {
        project = TestProject.in(dir).dbtProject()
                .file("profiles.yml", """
                        proj:
                          target: dev
                          outputs:
                            dev: {type: duckdb, path: wh.duckdb, schema: dev}
                            prod: {type: duckdb, path: wh.duckdb, schema: main}
                        """)
                .file("seeds/amounts.csv", "id,amount\n1,10\n2,20\n")
                .file("models/doubled.sql", "{{ config(materialized='table') }} select id, amount * 2 as amount "
                        + "from {{ ref('amounts') }}")
                .file("models/helper.sql", "{{ config(materialized='ephemeral') }} select 1 as one")
                .file("models/total.sql", "select sum(amount) as total from {{ ref('doubled') }}, {{ ref('helper') }}")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: doubled
                            columns:
                              - name: id
                                data_tests: [not_null]
                        """)
                .file("snapshots/snap.sql", """
                        {% snapshot snap %}
                        {{ config(unique_key='id', strategy='check', check_cols='all') }}
                        select * from {{ ref('amounts') }}
                        {% endsnapshot %}
                        """)
                .database("wh.duckdb");
        project.runOk("build", "--target", "prod");
        TestProject.copyTree(dir.resolve("target"), prodState);
    }

    private Map<String, String> messages() {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode results = project.json("target/run_results.json").path("results");
        for (JsonNode r : results) {
            out.put(r.path("unique_id").asText(), r.path("status").asText() + " " + r.path("message").asText());
        }
        return out;
    }

    @Test
    void modelsSeedsAndSnapshotsBecomeViewsOnTheStatesRelations() {
        project.runOk("clone", "--state", prodState.toString()).assertOutContains("PASS=4", "TOTAL=4");

        assertEquals("VIEW", project.tableType("dev.doubled"));
        assertEquals("VIEW", project.tableType("dev.amounts"));
        assertEquals(List.of(List.of("60")), project.rows("select total from dev.total"));
        assertEquals(List.of(List.of("2", "40")), project.rows("select id, amount from dev.doubled where id = 2"));
        // the snapshot's relation is configured into dev's schema too, so it is cloned there
        assertEquals("VIEW", project.tableType("dev.snap"));
        // no test and no ephemeral model is cloned
        assertEquals(Map.of("model.proj.doubled", "success OK", "model.proj.total", "success OK",
                "seed.proj.amounts", "success OK", "snapshot.proj.snap", "success OK"), messages());
        assertEquals("clone", project.json("target/run_results.json").path("args").path("which").asText());
    }

    @Test
    void anExistingRelationIsLeftAloneUnlessFullRefresh() {
        project.writeSql("create schema dev", "create table dev.doubled as select 99 as id, 0 as amount");

        project.runOk("clone", "--state", prodState.toString(), "--select", "doubled")
                .assertOutContains("Relation \"wh\".\"dev\".\"doubled\" already exists");
        assertEquals(Map.of("model.proj.doubled", "success No-op"), messages());
        assertEquals("BASE TABLE", project.tableType("dev.doubled"));

        project.runOk("clone", "--state", prodState.toString(), "--select", "doubled", "--full-refresh");
        assertEquals(Map.of("model.proj.doubled", "success OK"), messages());
        assertEquals("VIEW", project.tableType("dev.doubled"));
        assertEquals(List.of(List.of("1"), List.of("2")), project.rows("select id from dev.doubled order by id"));
    }

    @Test
    void theStatesOwnRelationIsKeptEvenWithFullRefresh() {
        project.runOk("clone", "--state", prodState.toString(), "--target", "prod", "--select", "doubled",
                "--full-refresh").assertOutContains("Relation \"wh\".\"main\".\"doubled\" already exists");

        assertEquals(Map.of("model.proj.doubled", "success No-op"), messages());
        assertEquals("BASE TABLE", project.tableType("main.doubled"));
        assertEquals(List.of(List.of("2")), project.rows("select count(*) from main.doubled"));
    }

    @Test
    void aNodeTheStateDoesNotHaveIsANoOp() {
        project.file("models/fresh.sql", "select 1 as id");

        project.runOk("clone", "--state", prodState.toString(), "--select", "fresh")
                .assertOutContains("No relation found in state manifest for model.proj.fresh");

        assertEquals(Map.of("model.proj.fresh", "success No-op"), messages());
        assertEquals(null, project.tableType("dev.fresh"));
    }

    @Test
    void aStateRelationThatIsGoneFailsThatNodeOnly() {
        project.writeSql("drop table main.doubled");

        project.run("clone", "--state", prodState.toString(), "--select", "doubled", "amounts").assertExit(1)
                .assertOutContains("Failure in model doubled (models/doubled.sql)", "ERROR=1");

        assertEquals("error", project.json("target/run_results.json").path("results").findValues("status").stream()
                .map(JsonNode::asText).filter("error"::equals).findFirst().orElse(null));
        assertEquals("success OK", messages().get("seed.proj.amounts"));
    }

    @Test
    void cloneNeedsState() {
        project.run("clone").assertExit(2).assertErrContains("clone needs --state DIR");
    }
}
