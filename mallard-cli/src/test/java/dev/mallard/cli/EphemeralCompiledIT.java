package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiled code around ephemeral models, byte for byte as dbt-core 1.11.16 + dbt-duckdb wrote it for this
 * project: a file's leading and trailing whitespace is not part of its compiled code, the CTEs are spaced as
 * dbt spaces them, and each ephemeral model read gets a compiled file of its own.
 */
class EphemeralCompiledIT {
    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("models/e1.sql", "{{ config(materialized='ephemeral') }} select 1 as id")
                .file("models/e2.sql", "{{ config(materialized='ephemeral') }}\nselect id from {{ ref('e1') }}\n")
                .file("models/m2.sql", "with x as (select * from {{ ref('e2') }})\nselect * from x\n")
                .file("models/m5.sql", "\n\n  WITH a as (select 1 as id) select * from a join {{ ref('e1') }} using (id)")
                .file("models/m7.sql", "\n\n  select 1 as id\n\n\n");
    }

    @Test
    void buildWritesWhatDbtCompiles() {
        TestProject p = project();
        p.runOk("build");
        assertDbtText(p);
    }

    @Test
    void compileWritesWhatDbtCompiles() {
        TestProject p = project();
        p.runOk("compile");
        assertDbtText(p);
        assertEquals("\nwith __dbt__cte__e1 as (\n select 1 as id\n) select id from __dbt__cte__e1",
                p.json("target/manifest.json").get("nodes").get("model." + p.name() + ".e2").get("compiled_code").asText());
    }

    private static void assertDbtText(TestProject p) {
        String compiled = "target/compiled/" + p.name() + "/models/";
        assertEquals(" select 1 as id", p.read(compiled + "e1.sql"));
        assertEquals("\nwith __dbt__cte__e1 as (\n select 1 as id\n) select id from __dbt__cte__e1", p.read(compiled + "e2.sql"));
        assertEquals("with  __dbt__cte__e1 as (\n select 1 as id\n),  __dbt__cte__e2 as (\n\nselect id from __dbt__cte__e1\n),"
                + " x as (select * from __dbt__cte__e2)\nselect * from x", p.read(compiled + "m2.sql"));
        assertEquals("WITH  __dbt__cte__e1 as (\n select 1 as id\n), a as (select 1 as id) select * from a join"
                + " __dbt__cte__e1 using (id)", p.read(compiled + "m5.sql"));
        assertEquals("select 1 as id", p.read(compiled + "m7.sql"));
    }
}
