package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a failed node's SQL error is said to be: a line of the model's file, never one of a YAML file. */
class SqlErrorPlacesIT {
    @TempDir
    Path dir;

    @Test
    void aUnitTestsSqlErrorNamesItsYamlFileWithoutTheCompiledSqlsLine() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/src.sql", "select 1 as id, 'a' as name")
                // the engine's error points at line 6 of the compiled SQL
                .file("models/counted.sql", "select\n  id,\n\n\n\n  count(distinct id, name) over () as n\nfrom {{ ref('src') }}\n")
                .file("models/unit.yml", """
                        unit_tests:
                          - name: counts
                            model: counted
                            given:
                              - input: ref('src')
                                rows:
                                  - {id: 1, name: a}
                            expect:
                              rows:
                                - {id: 1, n: 1}
                        """);
        p.runOk("run", "-s", "src");
        CommandResult r = p.run("test", "-s", "counted").assertFailed();
        String out = r.out();
        assertTrue(out.contains("models/unit.yml: "), out);
        assertFalse(out.matches("(?s).*models/unit\\.yml:\\d+.*"), out);
    }

    @Test
    void aFailedNodeOpensWithDbtsKindOfErrorThenNamesItsFileAndLine() {
        // dbt-core 1.11.16: "Runtime Error in model broken (models/broken.sql)" for what DuckDB refused,
        // "Compilation Error in model ..." for a template's own error
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/broken.sql", "select 1 as id\nselect nope")
                .file("models/raises.sql", "{% if execute %}{{ exceptions.raise_compiler_error('no good') }}{% endif %}");
        String out = p.run("run").assertFailed().out();
        assertTrue(out.contains("  Runtime Error in model broken (models/broken.sql)\n  models/broken.sql:2: "), out);
        assertTrue(out.contains("  Compilation Error in model raises (models/raises.sql)\n"), out);
        String message = p.json("target/run_results.json").path("results").findValuesAsText("message").stream()
                .filter(m -> m.contains("broken")).findFirst().orElseThrow();
        assertTrue(message.startsWith("Runtime Error in model broken (models/broken.sql)\n"), message);
    }

    @Test
    void anIncrementalModelOutOfSyncUnderOnSchemaChangeFailIsACompilationErrorAsInDbt() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/m.sql", """
                        {{ config(materialized='incremental', on_schema_change='fail') }}
                        {% if var('phase', 1) == 1 %}select 1 as id, 'a' as a{% else %}select 2 as id, 3 as c{% endif %}
                        """);
        p.runOk("run");
        String out = p.run("run", "--vars", "phase: 2").assertFailed().out();
        assertTrue(out.contains("  Compilation Error in model m (models/m.sql)\n"), out);
    }
}
