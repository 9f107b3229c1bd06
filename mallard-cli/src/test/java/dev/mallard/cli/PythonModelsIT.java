package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dbt Python model is a node of the DAG (its dbt.ref/dbt.source/dbt.config calls are read),
 * so the rest of the project parses and builds; running it fails that node alone and skips
 * its children. dbt 1.11.16 with dbt-duckdb 1.11.1 (without pandas) ends the same way.
 */
class PythonModelsIT {
    @TempDir
    Path dir;

    @Test
    void aPythonModelIsParsedAndOnlyItAndItsChildrenFail() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/base.sql", "select 1 as id")
                .file("models/py_m.py", """
                        def model(dbt, session):
                            dbt.config(materialized="table", tags=["py"])
                            return dbt.ref("base").df()
                        """)
                .file("models/after.sql", "select * from {{ ref('py_m') }}")
                .file("models/other.sql", "select 2 as id");
        p.run("build").assertExit(1).assertOutContains("Python model 'py_m' cannot run");
        List<String> statuses = new ArrayList<>();
        p.json("target/run_results.json").get("results").forEach(r -> statuses.add(
                r.get("unique_id").asText() + "=" + r.get("status").asText()));
        assertEquals(List.of("model.proj.after=skipped", "model.proj.base=success", "model.proj.other=success",
                "model.proj.py_m=error"), statuses.stream().sorted().toList());
        JsonNode node = p.json("target/manifest.json").get("nodes").get("model.proj.py_m");
        assertEquals("python", node.get("language").asText());
        assertEquals("[\"model.proj.base\"]", node.get("depends_on").get("nodes").toString());
        assertEquals("[\"py\"]", node.get("tags").toString());
    }
}
