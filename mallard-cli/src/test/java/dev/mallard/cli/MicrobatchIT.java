package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microbatch models: a seed of events with an event_time, a lookup seed without one, and a
 * model that rebuilds one day per batch from the events of that day.
 */
class MicrobatchIT {
    private static final String MODEL = "{{ config(materialized='incremental', incremental_strategy='microbatch', "
            + "event_time='d', batch_size='day', begin='%s') }}\n"
            + "select e.id, e.d, e.v, k.label, {{ is_incremental() }} as inc from {{ ref('events') }} e "
            + "join {{ ref('kinds') }} k on e.kind = k.kind";

    @TempDir
    Path dir;

    private TestProject project(String begin, String events) {
        return TestProject.in(dir).dbtProject()
                .file("seeds/events.csv", "id,d,kind,v\n" + events)
                .file("seeds/kinds.csv", "kind,label\na,alpha\nb,beta\n")
                .file("seeds/props.yml", "version: 2\nseeds:\n  - name: events\n    config:\n      event_time: d\n"
                        + "      column_types:\n        d: date\n")
                .file("models/mb.sql", String.format(MODEL, begin));
    }

    private static List<List<String>> rows(String... rows) {
        return java.util.Arrays.stream(rows).map(r -> List.of(r.split(","))).toList();
    }

    @Test
    void anExplicitWindowBuildsOneBatchPerDayFromInputsFilteredByTheirEventTime() {
        TestProject p = project("2024-01-01", "1,2024-01-01,a,10\n2,2024-01-02,b,20\n3,2024-01-03,a,30\n"
                + "4,2024-01-05,a,50\n");
        p.runOk("build", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04")
                .assertOutputContains("OK 3 batches");
        // the day after the window is not read; kinds has no event_time and is read whole in every batch
        assertEquals(rows("1,2024-01-01,10,alpha,false", "2,2024-01-02,20,beta,true", "3,2024-01-03,30,alpha,true"),
                p.rows("select id, d, v, label, inc from mb order by id"));
        String run = p.read("target/run/proj/models/mb.sql");
        assertTrue(run.contains("where d >= '2024-01-03 00:00:00+00:00' and d < '2024-01-04 00:00:00+00:00'"), run);
    }

    @Test
    void anExplicitWindowReplacesOnlyItsOwnDays() {
        TestProject p = project("2024-01-01", "1,2024-01-01,a,10\n2,2024-01-02,b,20\n3,2024-01-03,a,30\n");
        p.runOk("build", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04");
        p.file("seeds/events.csv", "id,d,kind,v\n1,2024-01-01,a,11\n2,2024-01-02,b,21\n5,2024-01-02,a,25\n"
                + "3,2024-01-03,a,31\n");
        p.runOk("build", "--event-time-start", "2024-01-02", "--event-time-end", "2024-01-03")
                .assertOutputContains("OK 1 batch");
        assertEquals(rows("1,2024-01-01,10", "2,2024-01-02,21", "3,2024-01-03,30", "5,2024-01-02,25"),
                p.rows("select id, d, v from mb order by id"));
    }

    @Test
    void aLaterRunReprocessesTheCurrentBatchAndLookbackBatchesOnly() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TestProject p = project(today.minusDays(9).toString(), "1," + today.minusDays(5) + ",a,10\n2,"
                + today.minusDays(1) + ",a,20\n3," + today + ",b,30\n");
        p.runOk("build").assertOutputContains("OK 10 batches");
        p.file("seeds/events.csv", "id,d,kind,v\n1," + today.minusDays(5) + ",a,11\n2," + today.minusDays(1)
                + ",a,21\n3," + today + ",b,31\n");
        // lookback 1: yesterday and today are rebuilt, five days ago is not
        p.runOk("build").assertOutputContains("OK 2 batches");
        assertEquals(rows("1,10,true", "2,21,true", "3,31,true"), p.rows("select id, v, inc from mb order by id"));
        p.runOk("build", "--full-refresh").assertOutputContains("OK 10 batches");
        assertEquals(rows("1,11", "2,21", "3,31"), p.rows("select id, v from mb order by id"));
    }

    @Test
    void theWindowFlagsGoTogether() {
        TestProject p = project("2024-01-01", "1,2024-01-01,a,10\n");
        p.run("build", "--event-time-end", "2024-01-04").assertFailed()
                .assertOutputContains("--event-time-end was given without --event-time-start");
        p.run("build", "--event-time-start", "2024-01-04", "--event-time-end", "2024-01-01").assertFailed()
                .assertOutputContains("--event-time-start must be before --event-time-end");
    }

    @Test
    void aMicrobatchModelNeedsABatchSizeAndNoUniqueKey() {
        TestProject p = project("2024-01-01", "1,2024-01-01,a,10\n");
        p.file("models/mb.sql", "{{ config(materialized='incremental', incremental_strategy='microbatch', "
                + "event_time='d', begin='2024-01-01') }}\nselect * from {{ ref('events') }}");
        p.run("build").assertFailed().assertOutputContains("requires a 'batch_size' config");
        p.file("models/mb.sql", "{{ config(materialized='incremental', incremental_strategy='microbatch', "
                + "event_time='d', batch_size='day', begin='2024-01-01', unique_key='id') }}\n"
                + "select * from {{ ref('events') }}");
        p.run("build").assertFailed().assertOutputContains("does not support 'unique_key'");
    }

    @Test
    void aFailedBatchKeepsItsWindowAndTheOthersStillRun() {
        TestProject p = project("2024-01-01", "1,2024-01-01,a,10\n2,2024-01-02,b,20\n3,2024-01-03,a,30\n");
        p.file("models/mb.sql", "{{ config(materialized='incremental', incremental_strategy='microbatch', "
                + "event_time='d', batch_size='day', begin='2024-01-01') }}\n"
                + "select id, d, case when v = 21 then error('bad row') else v end as v from {{ ref('events') }}");
        p.runOk("build", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04");
        p.file("seeds/events.csv", "id,d,kind,v\n1,2024-01-01,a,11\n2,2024-01-02,b,21\n3,2024-01-03,a,31\n");
        p.run("build", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04").assertFailed()
                .assertOutputContains("1 of 3 batches failed",
                        "2024-01-02 00:00:00+00:00 .. 2024-01-03 00:00:00+00:00", "bad row");
        assertEquals(rows("1,11", "2,20", "3,31"), p.rows("select id, v from mb order by id"));
    }

    @Test
    void sourcesWithAnEventTimeAreFilteredAndTheBatchIsInTheModelContext() {
        TestProject p = project("2024-01-01", "1,2024-01-01,a,10\n2,2024-01-02,b,20\n3,2024-01-03,a,30\n")
                .file("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    schema: main\n    tables:\n"
                        + "      - name: events\n        config:\n          event_time: d\n")
                .file("models/mb.sql", "{{ config(materialized='incremental', incremental_strategy='microbatch', "
                        + "event_time='d', batch_size='day', begin='2024-01-01') }}\n"
                        + "select id, d, '{{ model.batch.event_time_start }}' as batch_start "
                        + "from {{ source('raw', 'events') }}");
        p.runOk("seed");
        p.runOk("run", "--event-time-start", "2024-01-02", "--event-time-end", "2024-01-04");
        assertEquals(rows("2,2024-01-02 00:00:00+00:00", "3,2024-01-03 00:00:00+00:00"),
                p.rows("select id, batch_start from mb order by id"));
        assertTrue(p.read("target/compiled/proj/models/mb.sql").contains(
                "where d >= '2024-01-03 00:00:00+00:00' and d < '2024-01-04 00:00:00+00:00')"));
    }
}
