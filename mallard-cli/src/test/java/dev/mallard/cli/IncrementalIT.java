package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental models over two runs: the source changes between runs (a seed), and the
 * second run folds the new rows into the existing table with each strategy.
 */
class IncrementalIT {
    @TempDir
    Path dir;

    private TestProject project(String modelSql) {
        return TestProject.in(dir).dbtProject()
                .file("seeds/src.csv", "id,kind,v\n1,a,10\n2,a,20\n")
                .file("models/inc.sql", modelSql);
    }

    private static void secondBatch(TestProject p) {
        p.file("seeds/src.csv", "id,kind,v\n2,a,21\n3,a,30\n");
    }

    private static List<List<String>> rows(String... rows) {
        return java.util.Arrays.stream(rows).map(r -> List.of(r.split(","))).toList();
    }

    @Test
    void appendInsertsEveryNewRow() {
        TestProject p = project("{{ config(materialized='incremental', incremental_strategy='append') }}\n"
                + "select id, v from {{ ref('src') }}");
        p.runOk("build");
        secondBatch(p);
        p.runOk("build");
        assertEquals(rows("1,10", "2,20", "2,21", "3,30"), p.rows("select id, v from inc order by id, v"));
        assertEquals("BASE TABLE", p.tableType("inc"));
    }

    @Test
    void deleteInsertIsTheDefaultWithAUniqueKeyAndReplacesMatchingRows() {
        TestProject p = project("{{ config(materialized='incremental', unique_key='id') }}\n"
                + "select id, v from {{ ref('src') }}");
        p.runOk("build");
        secondBatch(p);
        p.runOk("build");
        assertEquals(rows("1,10", "2,21", "3,30"), p.rows("select id, v from inc order by id"));
        assertEquals(true, p.read("target/run/proj/models/inc.sql").contains("delete from"));
    }

    @Test
    void withoutAUniqueKeyTheDefaultOnlyInserts() {
        TestProject p = project("{{ config(materialized='incremental') }}\nselect id, v from {{ ref('src') }}");
        p.runOk("build");
        secondBatch(p);
        p.runOk("build");
        assertEquals("4", p.value("select count(*) from inc"));
    }

    @Test
    void mergeUpdatesMatchedRowsAndInsertsTheRest() {
        TestProject p = project("{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id') }}\n"
                + "select id, v from {{ ref('src') }}");
        p.runOk("build");
        secondBatch(p);
        p.runOk("build");
        assertEquals(rows("1,10", "2,21", "3,30"), p.rows("select id, v from inc order by id"));
    }

    @Test
    void compositeKeysMatchOnEveryColumnWithEachStrategy() {
        for (String strategy : List.of("delete+insert", "merge")) {
            Path sub = dir.resolve(strategy.replace('+', '_'));
            TestProject p = TestProject.in(sub).dbtProject()
                    .file("seeds/src.csv", "id,kind,v\n1,a,10\n1,b,11\n")
                    .file("models/inc.sql", "{{ config(materialized='incremental', incremental_strategy='" + strategy
                            + "', unique_key=['id', 'kind']) }}\nselect id, kind, v from {{ ref('src') }}");
            p.runOk("build");
            p.file("seeds/src.csv", "id,kind,v\n1,b,12\n2,a,20\n");
            p.runOk("build");
            assertEquals(rows("1,a,10", "1,b,12", "2,a,20"), p.rows("select id, kind, v from inc order by id, kind"),
                    strategy);
        }
    }

    @Test
    void incrementalPredicatesNarrowWhatDeleteAndMergeMatch() {
        for (String strategy : List.of("delete+insert", "merge")) {
            Path sub = dir.resolve(strategy.replace('+', '_'));
            String target = strategy.equals("merge") ? "DBT_INTERNAL_DEST" : "inc";
            TestProject p = TestProject.in(sub).dbtProject()
                    .file("seeds/src.csv", "id,kind,v\n1,a,10\n2,b,20\n")
                    .file("models/inc.sql", "{{ config(materialized='incremental', incremental_strategy='" + strategy
                            + "', unique_key='id', incremental_predicates=[\"" + target + ".kind = 'a'\"]) }}\n"
                            + "select id, kind, v from {{ ref('src') }}");
            p.runOk("build");
            p.file("seeds/src.csv", "id,kind,v\n1,a,11\n2,b,21\n");
            p.runOk("build");
            // kind 'b' rows are outside the predicate: not replaced, so the new row is added beside the old one
            assertEquals(rows("1,a,11", "2,b,20", "2,b,21"), p.rows("select id, kind, v from inc order by id, v"),
                    strategy);
        }
    }

    @Test
    void isIncrementalFiltersWithThisOnLaterRunsOnly() {
        TestProject p = project("""
                {{ config(materialized='incremental', unique_key='id') }}
                select id, v from {{ ref('src') }}
                {% if is_incremental() %}
                where id > (select max(id) from {{ this }})
                {% endif %}
                """);
        p.runOk("build");
        assertEquals("2", p.value("select count(*) from inc"));
        secondBatch(p);
        p.runOk("build");
        // id 2 is not newer than the max id already loaded, so its new value is filtered out
        assertEquals(rows("1,10", "2,20", "3,30"), p.rows("select id, v from inc order by id"));
        assertEquals(true, p.read("target/compiled/proj/models/inc.sql").contains("\"main\".\"inc\""));
    }

    @Test
    void fullRefreshFlagRebuildsTheTable() {
        TestProject p = project("{{ config(materialized='incremental', incremental_strategy='append') }}\n"
                + "select id, v from {{ ref('src') }}");
        p.runOk("build");
        secondBatch(p);
        p.runOk("build", "--full-refresh");
        assertEquals(rows("2,21", "3,30"), p.rows("select id, v from inc order by id"));
    }

    @Test
    void fullRefreshConfigRebuildsEveryTimeAndFalseWinsOverTheFlag() {
        TestProject p = project("{{ config(materialized='incremental', incremental_strategy='append', full_refresh=true) }}\n"
                + "select id, v from {{ ref('src') }}");
        p.runOk("build");
        p.runOk("build");
        assertEquals("2", p.value("select count(*) from inc"));

        p.file("models/inc.sql", "{{ config(materialized='incremental', incremental_strategy='append', full_refresh=false) }}\n"
                + "select id, v from {{ ref('src') }}");
        p.runOk("build", "--full-refresh");
        assertEquals("4", p.value("select count(*) from inc"));
    }

    @Test
    void anExistingViewIsReplacedByATable() {
        TestProject p = project("{{ config(materialized='view') }}\nselect id, v from {{ ref('src') }}");
        p.runOk("build");
        assertEquals("VIEW", p.tableType("inc"));
        p.file("models/inc.sql", "{{ config(materialized='incremental') }}\nselect id, v from {{ ref('src') }}");
        p.runOk("build");
        assertEquals("BASE TABLE", p.tableType("inc"));
        assertEquals("2", p.value("select count(*) from inc"));
    }

    private TestProject schemaChange(String mode) {
        TestProject p = project("{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='"
                + mode + "') }}\nselect id, kind, v from {{ ref('src') }}");
        p.runOk("build");
        p.file("seeds/src.csv", "id,v,extra\n3,30.5,x\n");
        p.file("models/inc.sql", "{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='"
                + mode + "') }}\nselect id, v, extra from {{ ref('src') }}");
        return p;
    }

    @Test
    void onSchemaChangeIgnoreInsertsTheTableColumnsOnly() {
        TestProject p = project("{{ config(materialized='incremental', incremental_strategy='append') }}\n"
                + "select id, v from {{ ref('src') }}");
        p.runOk("build");
        p.file("models/inc.sql", "{{ config(materialized='incremental', incremental_strategy='append') }}\n"
                + "select id, v, 'x' as extra from {{ ref('src') }}");
        p.runOk("build");
        assertEquals(List.of("id", "v"), p.columns("select * from inc"));
        assertEquals("4", p.value("select count(*) from inc"));
    }

    @Test
    void onSchemaChangeFailNamesTheModelAndColumnsAndChangesNothing() {
        TestProject p = schemaChange("fail");
        p.run("build").assertFailed().assertOutputContains("inc", "extra", "kind", "on_schema_change");
        assertEquals(List.of("id", "kind", "v"), p.columns("select * from inc"));
        assertEquals(rows("1,a,10", "2,a,20"), p.rows("select id, kind, v from inc order by id"));
    }

    @Test
    void onSchemaChangeAppendNewColumnsAddsThem() {
        TestProject p = schemaChange("append_new_columns");
        p.runOk("build");
        assertEquals(List.of("id", "kind", "v", "extra"), p.columns("select * from inc"));
        assertEquals(rows("1,a,10,NULL", "2,a,20,NULL", "3,NULL,30,x"),
                p.rows("select id, coalesce(kind, 'NULL'), v, coalesce(extra, 'NULL') from inc order by id"));
    }

    @Test
    void onSchemaChangeSyncAllColumnsAddsDropsAndRetypesAsDbtDoes() {
        TestProject p = schemaChange("sync_all_columns");
        p.runOk("build");
        // kind is dropped, extra added, v changes from BIGINT to DOUBLE and moves last as in dbt
        assertEquals(List.of("id", "extra", "v"), p.columns("select * from inc"));
        assertEquals("DOUBLE", p.value("select data_type from information_schema.columns "
                + "where table_name = 'inc' and column_name = 'v'"));
        assertEquals(rows("1,NULL,10.0", "2,NULL,20.0", "3,x,30.5"),
                p.rows("select id, coalesce(extra, 'NULL'), v from inc order by id"));
    }

    @Test
    void aFailingMergeLeavesTheTableExactlyAsBefore() {
        TestProject p = project("{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id', "
                + "on_schema_change='sync_all_columns') }}\nselect id, v from {{ ref('src') }}");
        p.runOk("build");
        // two new rows for the same key: DuckDB's MERGE refuses to update one row twice
        p.file("seeds/src.csv", "id,kind,v\n2,a,21\n2,a,22\n3,a,30\n");
        p.file("models/inc.sql", "{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id', "
                + "on_schema_change='sync_all_columns') }}\nselect id, v, kind from {{ ref('src') }}");
        p.run("build").assertFailed();
        assertEquals(List.of("id", "v"), p.columns("select * from inc"));
        assertEquals(rows("1,10", "2,20"), p.rows("select id, v from inc order by id"));
        assertEquals(List.of("main.inc", "main.src"), p.relations());
    }

    @Test
    void aFailingAppendLeavesTheTableExactlyAsBefore() {
        TestProject p = project("{{ config(materialized='incremental', incremental_strategy='append') }}\n"
                + "select id, v from {{ ref('src') }}");
        p.runOk("build");
        p.file("models/inc.sql", "{{ config(materialized='incremental', incremental_strategy='append') }}\n"
                + "select id, case when id = 2 then 'not a number' else v::varchar end as v from {{ ref('src') }}");
        p.run("build").assertFailed();
        assertEquals(rows("1,10", "2,20"), p.rows("select id, v from inc order by id"));
    }

    @Test
    void mergeOptionsBeyondTheDefaultClausesAreRefusedNotIgnored() {
        TestProject p = project("{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id', "
                + "merge_update_columns=['v']) }}\nselect id, v from {{ ref('src') }}");
        p.run("build").assertFailed().assertOutputContains("merge_update_columns", "not supported yet");
    }

    @Test
    void anUnknownStrategyNamesTheSupportedOnes() {
        TestProject p = project("{{ config(materialized='incremental', incremental_strategy='insert_overwrite') }}\n"
                + "select id, v from {{ ref('src') }}");
        p.run("build").assertFailed().assertOutputContains("insert_overwrite", "append, delete+insert, merge");
    }

    @Test
    void aKeyWrittenAsAListOfOneAliasesTheTableAsDbtDuckdbDoes() {
        TestProject p = project("{{ config(materialized='incremental', unique_key=['id'], "
                + "incremental_predicates=[\"DBT_INCREMENTAL_TARGET.kind = 'a'\"]) }}\n"
                + "select id, kind, v from {{ ref('src') }}");
        p.runOk("build");
        secondBatch(p);
        p.runOk("build");
        assertEquals(rows("1,a,10", "2,a,21", "3,a,30"), p.rows("select id, kind, v from inc order by id"));
    }
}
