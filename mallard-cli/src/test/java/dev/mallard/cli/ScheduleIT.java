package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mallard schedule list / run / status over schedules.yml, with the history table in the target DuckDB. */
class ScheduleIT {
    @TempDir
    Path dir;

    private TestProject project(String schedules) {
        return TestProject.in(dir).dbtProject()
                .file("models/orders.sql", "{{ config(materialized='table') }} select 1 as id")
                .file("models/broken.sql", "{{ config(materialized='table', enabled=var('broken', false)) }} "
                        + "select * from no_such_table")
                .file("schedules.yml", schedules);
    }

    @Test
    void listChecksEveryScheduleAndNamesEachBadLine() {
        TestProject p = project("""
                schedules:
                  - name: nightly
                    cron: "0 3 * * *"
                    timezone: Europe/Berlin
                    steps: ["run", "test --select orders"]
                    retries: 2
                """);
        CommandResult ok = p.runOk("schedule", "list");
        assertTrue(ok.out().contains("nightly") && ok.out().contains("0 3 * * * (Europe/Berlin)"), ok.all());
        assertTrue(ok.out().contains("run; test --select orders"), ok.all());

        p.file("schedules.yml", """
                schedules:
                  - name: nightly
                    cron: "0 27 * * *"
                    timezone: Europe/Gotham
                    steps: ["run", "frobnicate --all"]
                  - name: hourly
                    cron: "0 * * * *"
                    steps: ["build"]
                    retries: -1
                """);
        CommandResult bad = p.run("schedule", "list");
        assertEquals(2, bad.exitCode(), bad.all());
        String all = bad.all();
        assertTrue(all.contains("schedules.yml:3: schedule 'nightly': invalid cron '0 27 * * *'"), all);
        assertTrue(all.contains("schedules.yml:4: schedule 'nightly': unknown timezone 'Europe/Gotham'"), all);
        assertTrue(all.contains("schedules.yml:5: schedule 'nightly': unknown command 'frobnicate'"), all);
        assertTrue(all.contains("schedules.yml:9: schedule 'hourly': 'retries' must be"), all);
        assertFalse(all.contains("\tat "), "no stack trace: " + all);
    }

    @Test
    void runOnceRunsTheStepsAndRecordsTheRunWithItsNodes() {
        TestProject p = project("""
                schedules:
                  - name: nightly
                    cron: "0 3 * * *"
                    steps: ["run --select orders"]
                  - name: failing
                    cron: "0 4 * * *"
                    steps: ["run --vars '{broken: true}' --select broken"]
                    retries: 1
                    retry_backoff: 0
                """);
        p.runOk("schedule", "run", "--once", "nightly");
        assertEquals(List.of(List.of("1")), p.rows("select id from orders"));
        List<List<String>> runs = p.rows("select id, schedule, status, attempts, nodes, error, ended_at >= started_at "
                + "from mallard_schedule_runs order by id");
        assertEquals(List.of(Arrays.asList("1", "nightly", "success", "1", "[\"model.proj.orders\"]", null, "true")),
                runs);

        CommandResult failed = p.run("schedule", "run", "--once", "failing");
        assertEquals(1, failed.exitCode(), failed.all());
        List<String> row = p.rows("select status, attempts, error from mallard_schedule_runs where id = 2").get(0);
        assertEquals("error", row.get(0));
        assertEquals("2", row.get(1), "one retry");
        assertTrue(row.get(2).startsWith("step 1 'run --vars {broken: true} --select broken' exited with code 1: "
                + "model.proj.broken: "), row.get(2));

        CommandResult status = p.runOk("schedule", "status");
        assertTrue(status.out().contains("nightly  0 3 * * * (Z)  next: "), status.all());
        assertTrue(status.out().contains("success"), status.all());
        assertTrue(status.out().contains("error"), status.all());

        assertEquals(2, p.run("schedule", "run", "--once", "weekly").exitCode());
    }

    @Test
    void anEverySecondScheduleRunsRepeatedlyAndNeverOverlapsItself() {
        // each run takes a while (a large cross join), so some fire times come while a run is going
        TestProject p = project("""
                schedules:
                  - name: busy
                    cron: "* * * * * *"
                    steps: ["run --select orders", "run-operation spin"]
                """).file("macros/spin.sql", "{% macro spin() %}{% do run_query('select count(*) from range(4000) a, "
                + "range(4000) b where (a.range * b.range) % 7 = 3') %}{% endmacro %}");
        CommandResult run = p.runOk("schedule", "run", "--stop-after", "4");
        List<List<String>> rows = p.rows("select status, started_at, ended_at from mallard_schedule_runs "
                + "where status <> 'skipped' order by started_at");
        assertTrue(rows.size() >= 2, "runs: " + rows + "\n" + run.all());
        LocalDateTime previousEnd = null;
        for (List<String> r : rows) {
            assertEquals("success", r.get(0), run.all());
            LocalDateTime start = LocalDateTime.parse(r.get(1).replace(' ', 'T'));
            if (previousEnd != null) {
                assertFalse(start.isBefore(previousEnd), "overlapping runs: " + rows);
            }
            previousEnd = LocalDateTime.parse(r.get(2).replace(' ', 'T'));
        }
        long skipped = p.rows("select count(*) from mallard_schedule_runs where status = 'skipped'").stream()
                .mapToLong(r -> Long.parseLong(r.get(0))).sum();
        assertEquals(skipped, run.out().lines().filter(l -> l.contains("was skipped")).count(), run.all());
        assertTrue(p.rows("select 1 from mallard_schedule_runs where status = 'running'").isEmpty(),
                "the last run ends before the scheduler stops");
    }
}
