package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long chain of views written as dbt models usually are (import CTE, rename, join,
 * aggregate): DuckDB binds each view through the whole chain, recursing on the calling
 * thread. On the JVM's default thread stack the process died with SIGSEGV (exit 139) at
 * the 46th view of this chain; dbt-duckdb builds it. Run in a process of its own, through
 * {@code Main.main}, as a user runs it.
 */
class DeepViewChainIT {
    private static final int DEPTH = 70;

    @Test
    void aLongChainOfViewsBuildsInsteadOfCrashingTheProcess(@TempDir Path dir) throws Exception {
        TestProject p = TestProject.in(dir).dbtProject("models:\n  proj:\n    +materialized: view\n")
                .file("models/m_0.sql", "select 1 as id, 10 as amount");
        for (int i = 1; i <= DEPTH; i++) {
            p.file("models/m_" + i + ".sql", """
                    with upstream as (select * from {{ ref('m_%d') }}),
                    renamed as (select id, amount + 1 as amount from upstream where id > 0),
                    joined as (select r.id, r.amount from renamed r join upstream u using (id)),
                    final as (select id, max(amount) as amount from joined group by id)
                    select final.id, final.amount from final left join renamed using (id)
                    """.formatted(i - 1));
        }
        // the test reads a table: binding the chain itself on this test's thread could crash the test's JVM
        p.file("models/chain_end.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('m_" + DEPTH + "') }}");
        CommandResult build = CliProcess.run(dir, Map.of(), "build", "--threads", "2");
        build.assertOk();
        assertEquals(String.valueOf(10 + DEPTH), p.value("select amount from chain_end"));
        assertEquals(true, Files.exists(dir.resolve("target/run_results.json")));
    }
}
