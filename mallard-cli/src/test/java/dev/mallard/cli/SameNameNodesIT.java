package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seed and a model of one name (some versions of dbt-expectations' integration tests have
 * data/data_test.csv beside models/data_test.sql): dbt 1.11 only warns
 * (DuplicateNameDistinctNodeTypesDeprecation), builds both, and ref() reads the seed, also
 * for the tests of the model's properties. Two models of one name stay an error. Expected
 * values come from dbt 1.11.16 with dbt-duckdb 1.11.1 on the same files.
 */
class SameNameNodesIT {
    @TempDir
    Path dir;

    @Test
    void aSeedAndAModelMayShareANameAndRefReadsTheSeed() {
        TestProject project = TestProject.in(dir).dbtProject("models:\n  +schema: other\n")
                .file("seeds/x.csv", "a,b\n1,2\n")
                .file("models/x.sql", "select 10 as a, 20 as c")
                .file("models/y.sql", "select * from {{ ref('x') }}")
                .file("models/s.yml", """
                        version: 2
                        models:
                          - name: x
                            columns:
                              - name: b
                                data_tests: [not_null]
                        """);
        project.runOk("build").assertOutputContains("Found resources with the same name 'x' in package 'proj': "
                + "'model.proj.x' and\n'seed.proj.x'"); // wrapped at 80 columns, as dbt's deprecation
        assertEquals(List.of(List.of("1", "2")), project.rows("select a, b from main_other.y"));
        assertEquals(List.of(List.of("10", "20")), project.rows("select a, c from main_other.x"));
        List<String> tests = new java.util.ArrayList<>();
        project.json("target/run_results.json").get("results").forEach(r -> {
            if (r.get("unique_id").asText().startsWith("test.proj.not_null_x_b.")) {
                tests.add(r.get("status").asText());
            }
        });
        assertEquals(List.of("pass"), tests); // column b is the seed's: the test reads the seed
    }

    @Test
    void twoModelsOfOneNameAreStillAnError() {
        TestProject project = TestProject.in(dir).dbtProject()
                .file("models/x.sql", "select 1 as a")
                .file("models/sub/x.sql", "select 2 as a");
        project.run("build").assertFailed().assertOutputContains("two resources are named 'x'");
    }
}
