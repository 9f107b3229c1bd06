package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots: first build, later runs with updates, inserts and deletes, as dbt-duckdb does them. */
class SnapshotsIT {
    @TempDir
    Path dir;

    private static final String RUN1 = """
            id,name,updated_at
            1,a,2024-01-01 00:00:00
            2,b,2024-01-01 00:00:00
            3,c,2024-01-01 00:00:00
            """;
    /** id 1 changed, id 4 added. */
    private static final String RUN2 = """
            id,name,updated_at
            1,a2,2024-02-01 00:00:00
            2,b,2024-01-01 00:00:00
            3,c,2024-01-01 00:00:00
            4,d,2024-02-01 00:00:00
            """;
    /** id 3 deleted. */
    private static final String RUN3 = """
            id,name,updated_at
            1,a2,2024-02-01 00:00:00
            2,b,2024-01-01 00:00:00
            4,d,2024-02-01 00:00:00
            """;

    private TestProject project(String config) {
        return TestProject.in(dir).dbtProject()
                .file("seeds/src.csv", RUN1)
                .file("snapshots/snap.sql", "{% snapshot snap %}\n{{ config(" + config + ") }}\n"
                        + "select id, name, cast(updated_at as timestamp) as updated_at from {{ ref('src') }}\n"
                        + "{% endsnapshot %}\n");
    }

    private static String timestampConfig(String extra) {
        return "target_schema='snapshots', unique_key='id', strategy='timestamp', updated_at='updated_at'" + extra;
    }

    private static List<String> row(String... values) {
        return java.util.Arrays.asList(values);
    }

    @Test
    void timestampStrategyKeepsHistoryOverThreeRuns() {
        TestProject p = project(timestampConfig(""));
        p.runOk("build").assertOutContains("PASS=2 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2");
        assertEquals(List.of("id", "name", "updated_at", "dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to"),
                p.columns("select * from snapshots.snap"));
        assertEquals("true", p.value("select bool_and(dbt_scd_id = md5(cast(id as varchar) || '|' || "
                + "cast(updated_at as varchar))) from snapshots.snap"));

        p.file("seeds/src.csv", RUN2).runOk("build");
        p.file("seeds/src.csv", RUN3).runOk("build");

        assertEquals(List.of(
                row("1", "a", "2024-01-01 00:00:00", "2024-01-01 00:00:00", "2024-02-01 00:00:00"),
                row("1", "a2", "2024-02-01 00:00:00", "2024-02-01 00:00:00", null),
                row("2", "b", "2024-01-01 00:00:00", "2024-01-01 00:00:00", null),
                row("3", "c", "2024-01-01 00:00:00", "2024-01-01 00:00:00", null),
                row("4", "d", "2024-02-01 00:00:00", "2024-02-01 00:00:00", null)),
                p.rows("select id, name, dbt_updated_at::varchar, dbt_valid_from::varchar, dbt_valid_to::varchar "
                        + "from snapshots.snap order by id, dbt_valid_from"));
    }

    @Test
    void checkStrategyComparesTheCheckedColumns() {
        TestProject p = project("target_schema='snapshots', unique_key='id', strategy='check', check_cols=['name']");
        p.runOk("build");
        p.file("seeds/src.csv", RUN2.replace("2,b,2024-01-01", "2,b,2030-01-01")).runOk("build");
        p.file("seeds/src.csv", RUN3).runOk("snapshot");

        // only the name of 1 changed (2's updated_at is not a checked column); 4 is new
        assertEquals(List.of(row("1", "a", "false"), row("1", "a2", "true"), row("2", "b", "true"),
                        row("3", "c", "true"), row("4", "d", "true")),
                p.rows("select id, name, dbt_valid_to is null from snapshots.snap order by id, dbt_valid_from"));
        assertEquals("true", p.value("select (select dbt_valid_to from snapshots.snap where name = 'a') = "
                + "(select dbt_valid_from from snapshots.snap where name = 'a2')"));
        assertEquals("true", p.value("select count(distinct dbt_valid_from) = 2 from snapshots.snap"));
    }

    @Test
    void checkAllComparesEveryColumn() {
        TestProject p = project("target_schema='snapshots', unique_key='id', strategy='check', check_cols='all'");
        p.runOk("build");
        p.file("seeds/src.csv", RUN2).runOk("build");
        assertEquals("5", p.value("select count(*) from snapshots.snap"));
        assertEquals("4", p.value("select count(*) from snapshots.snap where dbt_valid_to is null"));
    }

    @Test
    void hardDeletesInvalidateClosesTheDeletedRow() {
        TestProject p = project(timestampConfig(", hard_deletes='invalidate'"));
        p.runOk("build");
        p.file("seeds/src.csv", RUN3).runOk("build");
        // RUN3 also changes 1 and adds 4; 3 is gone and closed
        assertEquals(List.of(row("1", "false"), row("1", "true"), row("2", "true"), row("3", "false"), row("4", "true")),
                p.rows("select id, dbt_valid_to is null from snapshots.snap order by id, dbt_valid_from"));
    }

    @Test
    void legacyInvalidateHardDeletesIsTheSame() {
        TestProject p = project(timestampConfig(", invalidate_hard_deletes=true"));
        p.runOk("build");
        p.file("seeds/src.csv", RUN3).runOk("build");
        assertEquals("false", p.value("select dbt_valid_to is null from snapshots.snap where id = 3"));
    }

    @Test
    void hardDeletesIgnoreKeepsTheDeletedRowCurrent() {
        TestProject p = project(timestampConfig(", hard_deletes='ignore'"));
        p.runOk("build");
        p.file("seeds/src.csv", RUN3).runOk("build");
        assertEquals("true", p.value("select dbt_valid_to is null from snapshots.snap where id = 3"));
    }

    @Test
    void hardDeletesNewRecordAddsADeletedRowAndReopensOnReturn() {
        TestProject p = project(timestampConfig(", hard_deletes='new_record'"));
        p.runOk("build");
        assertTrue(p.columns("select * from snapshots.snap").contains("dbt_is_deleted"));
        p.file("seeds/src.csv", RUN3).runOk("build");
        assertEquals(List.of(row("c", "False", "false"), row("c", "True", "true")),
                p.rows("select name, dbt_is_deleted, dbt_valid_to is null from snapshots.snap where id = 3 "
                        + "order by dbt_valid_from"));
        p.runOk("build");
        assertEquals("2", p.value("select count(*) from snapshots.snap where id = 3"), "deleted twice is one record");
        p.file("seeds/src.csv", RUN1).runOk("build");
        assertEquals(List.of(row("False", "false"), row("False", "true"), row("True", "false")),
                p.rows("select dbt_is_deleted, dbt_valid_to is null from snapshots.snap where id = 3 order by 1, 2"));
    }

    @Test
    void metaColumnNamesAndValidToCurrentAreHonoured() {
        TestProject p = project(timestampConfig(", snapshot_meta_column_names={'dbt_valid_from': 'valid_from', "
                + "'dbt_valid_to': 'valid_to', 'dbt_scd_id': 'scd_id', 'dbt_updated_at': 'changed_at'}, "
                + "dbt_valid_to_current=\"'9999-12-31'::timestamp\""));
        p.runOk("build");
        p.file("seeds/src.csv", RUN2).runOk("build");
        assertEquals(List.of("id", "name", "updated_at", "scd_id", "changed_at", "valid_from", "valid_to"),
                p.columns("select * from snapshots.snap"));
        assertEquals(List.of(row("1", "a", "2024-02-01 00:00:00"), row("1", "a2", "9999-12-31 00:00:00")),
                p.rows("select id, name, valid_to::varchar from snapshots.snap where id = 1 order by valid_from"));
    }

    @Test
    void aYamlSnapshotReadsItsRelationAndCarriesTests() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("seeds/src.csv", RUN1)
                .file("snapshots/snapshots.yml", """
                        snapshots:
                          - name: src_history
                            relation: ref('src')
                            config:
                              unique_key: [id, name]
                              strategy: check
                              check_cols: all
                            columns:
                              - name: id
                                data_tests: [not_null]
                        """);
        p.runOk("build").assertOutContains("PASS=3 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=3");
        p.file("seeds/src.csv", RUN2).runOk("build");
        assertEquals("5", p.value("select count(*) from main.src_history"));
        // (1, a2) is a new key; with hard_deletes ignore, (1, a) stays current
        assertEquals("5", p.value("select count(*) from main.src_history where dbt_valid_to is null"));
        JsonNode node = p.json("target/manifest.json").get("nodes").get("snapshot.proj.src_history");
        assertEquals("snapshot", node.get("resource_type").asText());
    }

    @Test
    void buildRunsASnapshotBeforeTheModelThatReadsIt() {
        TestProject p = project(timestampConfig("")).file("models/current.sql",
                "{{ config(materialized='table') }}\nselect id, name from {{ ref('snap') }} where dbt_valid_to is null");
        p.runOk("build");
        p.file("seeds/src.csv", RUN2).runOk("build");
        assertEquals(List.of(row("1", "a2"), row("2", "b"), row("3", "c"), row("4", "d")),
                p.rows("select * from current order by id"));
        JsonNode results = p.json("target/run_results.json").get("results");
        boolean found = false;
        for (JsonNode r : results) {
            if (r.get("unique_id").asText().equals("snapshot.proj.snap")) {
                found = true;
                assertEquals("success", r.get("status").asText());
            }
        }
        assertTrue(found, "run_results has the snapshot");
        p.runOk("snapshot", "--select", "snap").assertOutContains("TOTAL=1");
    }

    @Test
    void aFailedRunLeavesTheSnapshotTableUnchanged() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("seeds/src.csv", "id,code,updated_at\n1,10,2024-01-01 00:00:00\n2,20,2024-01-01 00:00:00\n")
                .file("snapshots/snap.sql", "{% snapshot snap %}\n{{ config(" + timestampConfig("") + ") }}\n"
                        + "select id, code, cast(updated_at as timestamp) as updated_at from {{ ref('src') }}\n"
                        + "{% endsnapshot %}\n");
        p.runOk("build");
        List<List<String>> before = p.rows("select * from snapshots.snap order by id");
        // the new version's code is text: closing the old row works, inserting the new one fails
        p.file("seeds/src.csv", "id,code,updated_at\n1,ten,2024-02-01 00:00:00\n2,20,2024-01-01 00:00:00\n");
        CommandResult r = p.run("build");
        assertEquals(1, r.exitCode());
        assertEquals(before, p.rows("select * from snapshots.snap order by id"));
    }

    @Test
    void aSnapshotWithoutAStrategyIsRefusedWithItsFile() {
        TestProject p = project("unique_key='id'");
        CommandResult r = p.run("snapshot");
        assertEquals(2, r.exitCode());
        r.assertOutputContains("snapshots/snap.sql");
        r.assertOutputContains("has no 'strategy'");
    }

    @Test
    void aTableWithoutTheMetaColumnsIsRefusedAndKept() {
        TestProject p = project(timestampConfig(""));
        p.runOk("build");
        p.file("snapshots/snap.sql", p.read("snapshots/snap.sql").replace("updated_at='updated_at'",
                "updated_at='updated_at', snapshot_meta_column_names={'dbt_valid_to': 'valid_to'}"));
        p.file("seeds/src.csv", RUN2);
        CommandResult r = p.run("snapshot");
        assertEquals(1, r.exitCode());
        r.assertOutputContains("is not a snapshot table", "valid_to");
        assertEquals("3", p.value("select count(*) from snapshots.snap"));
    }

    @Test
    void projectConfigTreesConfigureSnapshotsAndYamlSnapshotsReadSources() {
        TestProject p = TestProject.in(dir).dbtProject("""
                on-run-start:
                  - "create schema if not exists raw"
                  - "create or replace table raw.people as select * from (values (1, 'x', timestamp '2024-01-01'),
                     (2, 'y', timestamp '2024-01-01')) t(id, name, changed)"
                snapshots:
                  proj:
                    +target_schema: hist
                    +strategy: timestamp
                    +unique_key: id
                    +updated_at: changed
                """)
                .file("models/sources.yml", """
                        sources:
                          - name: raw
                            tables: [{name: people}]
                        """)
                .file("snapshots/people.yml", """
                        snapshots:
                          - name: people_history
                            relation: source('raw', 'people')
                          - name: people_ignored
                            relation: source('raw', 'people')
                        """);

        p.runOk("snapshot", "--exclude", "people_ignored").assertOutContains("TOTAL=3");

        assertEquals(List.of(row("1", "x", null), row("2", "y", null)),
                p.rows("select id, name, dbt_valid_to from hist.people_history order by id"));
        assertEquals(List.of("hist.people_history"), p.relations().stream().filter(r -> r.startsWith("hist.")).toList());
    }
}
