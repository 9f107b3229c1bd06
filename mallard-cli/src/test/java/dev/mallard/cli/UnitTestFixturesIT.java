package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt unit test fixture files: {@code fixture: name} with {@code format: csv} or {@code sql}
 * reads {@code <test-path>/fixtures/**}{@code /name.csv} (or .sql), which are not singular
 * tests. What dbt-core 1.11 does for the same project was checked with the oracle.
 */
class UnitTestFixturesIT {
    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("models/src.sql", "select 1 as id, 'x' as name")
                .file("models/m.sql", "select id, upper(name) as uname from {{ ref('src') }}")
                .file("tests/fixtures/src_rows.csv", "id,name\n1,a\n2,\n")
                .file("tests/fixtures/sub/m_expected.csv", "id,uname\n1,A\n2,\n")
                .file("tests/fixtures/src_sql.sql", "select 1 as id, 'b' as name\n")
                .file("models/s.yml", """
                        version: 2
                        unit_tests:
                          - name: ut_csv
                            model: m
                            given:
                              - input: ref('src')
                                format: csv
                                fixture: src_rows
                            expect:
                              format: csv
                              fixture: m_expected
                          - name: ut_sql
                            model: m
                            given:
                              - input: ref('src')
                                format: sql
                                fixture: src_sql
                            expect:
                              rows:
                                - {id: 1, uname: B}
                        """);
    }

    @Test
    void csvAndSqlFixtureFilesGiveTheRowsAndAreNoSingularTests() {
        TestProject p = project();
        p.runOk("build");
        JsonNode results = p.json("target/run_results.json").get("results");
        List<String> statuses = new ArrayList<>();
        results.forEach(r -> statuses.add(r.get("unique_id").asText() + "=" + r.get("status").asText()));
        assertEquals(List.of("model.proj.m=success", "model.proj.src=success", "unit_test.proj.m.ut_csv=pass",
                "unit_test.proj.m.ut_sql=pass"), statuses.stream().sorted().toList());
        JsonNode csv = p.json("target/manifest.json").get("unit_tests").get("unit_test.proj.m.ut_csv");
        assertEquals("src_rows", csv.get("given").get(0).get("fixture").asText());
        assertEquals("[{\"id\":\"1\",\"name\":\"a\"},{\"id\":\"2\",\"name\":null}]",
                csv.get("given").get(0).get("rows").toString());
        assertEquals("m_expected", csv.get("expect").get("fixture").asText());
        JsonNode sql = p.json("target/manifest.json").get("unit_tests").get("unit_test.proj.m.ut_sql");
        assertEquals("select 1 as id, 'b' as name", sql.get("given").get(0).get("rows").asText());
    }

    @Test
    void aMissingFixtureFileIsAnErrorNamingIt() {
        TestProject p = project();
        p.delete("tests/fixtures/src_sql.sql");
        CommandResult r = p.run("parse");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("could not find fixture file src_sql.sql"), r.err());
    }
}
