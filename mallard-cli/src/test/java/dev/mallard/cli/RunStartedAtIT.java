package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt's {@code run_started_at} is a datetime (aware, pytz UTC) in models and hooks at run time:
 * {@code run_started_at.strftime(...)} works wherever a project writes it (dbt-core 1.11.16 builds
 * this project), and every node of one invocation sees the same instant.
 */
class RunStartedAtIT {
    @TempDir
    Path dir;

    @Test
    void runStartedAtIsTheSameDatetimeInModelsAndTheirHooks() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/stamped.sql", """
                        {{ config(materialized='table', post_hook="create table hooked as select '"
                            ~ "{{ run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f') }}' as at") }}
                        select '{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as at,
                               '{{ run_started_at.tzinfo }}' as tz,
                               '{{ run_started_at.strftime("%Y-%m-%d") }}' as day
                        """)
                .file("models/later.sql", """
                        select '{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as at
                        from {{ ref('stamped') }}
                        """);
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        p.runOk("build");
        LocalDate after = LocalDate.now(ZoneOffset.UTC);
        List<String> row = p.rows("select \"at\", tz, day from stamped").get(0);
        assertEquals("UTC", row.get(1));
        String day = row.get(2);
        assertEquals(true, day.equals(before.toString()) || day.equals(after.toString()), day);
        assertEquals(row.get(0), p.value("select \"at\" from hooked"));
        assertEquals(row.get(0), p.value("select \"at\" from later"));
    }
}
