package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt 1.11's deps validates dbt_project.yml's config keys (its other commands skip that check on DuckDB):
 * what dbt-core 1.11.16 said for the same file, in its JSON log, is what Mallard says.
 */
class DepsDeprecationsIT {
    @TempDir
    Path dir;

    @Test
    void configsWithoutTheirPlusAndUnknownConfigsAreDeprecated() throws Exception {
        TestProject p = TestProject.in(dir).dbtProject("""
                models:
                  proj:
                    materialized: table
                    staging:
                      +materialized: view
                      persist_docs:
                        relation: true
                    marts:
                      +external_location: "out/{name}.parquet"
                data_tests:
                  store_failures: true
                """);
        CommandResult r = p.runOk("deps", "--log-format", "json", "--show-all-deprecations");
        List<String> said = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode e = new ObjectMapper().readTree(line);
                String name = e.at("/info/name").asText();
                if (name.endsWith("Deprecation")) {
                    said.add(name + " " + e.at("/data/key").asText() + " " + e.at("/data/key_path").asText());
                    assertEquals(dir.toAbsolutePath().normalize().resolve("dbt_project.yml").toString(),
                            e.at("/data/file").asText());
                }
            }
        }
        // dbt's order within a mapping is Python's set order, which changes from run to run: sections in order,
        // and Mallard's keys in the file's order
        assertEquals(List.of("MissingPlusPrefixDeprecation store_failures store_failures",
                "MissingPlusPrefixDeprecation materialized proj.materialized",
                "CustomKeyInConfigDeprecation relation proj.staging.persist_docs.relation",
                "CustomKeyInConfigDeprecation +external_location proj.marts.+external_location"), said, r.transcript());
        String text = p.runOk("deps").out().replace("\n", " ");
        assertTrue(text.contains("[WARNING][MissingPlusPrefixDeprecation]: Deprecated functionality Missing '+'"
                + " prefix on `store_failures` found at `store_failures` in file `"), text);
        assertTrue(text.contains("Hierarchical config values without a '+' prefix are deprecated in dbt_project.yml."),
                text);
        assertTrue(text.contains("- MissingPlusPrefixDeprecation: 2 occurrences"), text);
        assertTrue(text.contains("- CustomKeyInConfigDeprecation: 2 occurrences"), text);
    }
}
