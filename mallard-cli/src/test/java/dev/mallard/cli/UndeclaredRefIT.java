package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ref() that only runs with execute=true (inside {@code {% if execute %}}) is no dependency,
 * so dbt stops the model with "unable to infer all dependencies" rather than read a table that
 * may not be built yet; a {@code -- depends_on:} hint declares it. Expected values come from
 * dbt 1.11.16 with dbt-duckdb 1.11.1 on the same files.
 */
class UndeclaredRefIT {
    @TempDir
    Path dir;

    @Test
    void aRefOnlyAtRunTimeIsAnErrorUnlessDeclared() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/b.sql", "select {% if execute %}(select count(*) from {{ ref('a') }})"
                        + "{% else %}0{% endif %} as n")
                .file("models/c.sql", "-- depends_on: {{ ref('a') }}\n"
                        + "select {% if execute %}(select count(*) from {{ ref('a') }}){% else %}0{% endif %} as n")
                .file("models/d.sql", "select * from {{ ref('b') }}");
        p.run("build").assertExit(1).assertOutputContains("dbt was unable to infer all dependencies for the model \"b\".",
                "-- depends_on: {{ ref('a') }}");
        List<String> statuses = new ArrayList<>();
        p.json("target/run_results.json").get("results").forEach(r -> statuses.add(
                r.get("unique_id").asText() + "=" + r.get("status").asText()));
        assertEquals(List.of("model.proj.a=success", "model.proj.b=error", "model.proj.c=success",
                "model.proj.d=skipped"), statuses.stream().sorted().toList());
        assertEquals(List.of(List.of("1")), p.rows("select n from c"));
    }
}
