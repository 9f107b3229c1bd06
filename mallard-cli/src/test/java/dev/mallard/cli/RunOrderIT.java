package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On one thread, nodes that are ready together run as dbt 1.11's graph queue takes them:
 * lowest level first, then lowest unique id (a package's models before the root's seed
 * here), whatever order the project's files were parsed in. run_results.json, and the
 * results an on-run-end hook reads, follow that order (dbt 1.11 ran this project so).
 */
class RunOrderIT {
    @TempDir
    Path dir;

    @Test
    void nodesReadyTogetherRunInDbtsOrder() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("seeds/raw.csv", "id\n1\n")
                .file("models/a_root.sql", "select * from {{ ref('raw') }}\n")
                .file("dbt_packages/helper/dbt_project.yml", "name: 'helper'\nversion: '1.0.0'\nconfig-version: 2\n")
                .file("dbt_packages/helper/models/base_x.sql", "select 2 as id\n")
                .file("dbt_packages/helper/models/stg_y.sql", "select 3 as id\n");

        p.runOk("build", "--threads", "1");

        List<String> order = new ArrayList<>();
        for (JsonNode r : p.json("target/run_results.json").path("results")) {
            order.add(r.path("unique_id").asText());
        }
        assertEquals(List.of("model.helper.base_x", "model.helper.stg_y", "seed.proj.raw", "model.proj.a_root"), order);
    }
}
