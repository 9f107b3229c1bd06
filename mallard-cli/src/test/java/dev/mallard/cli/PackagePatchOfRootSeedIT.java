package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package's properties for a seed it ships disabled (the root project overrides the seed
 * with its own, as dbt-project-evaluator's exceptions seed is overridden) apply, in dbt 1.11,
 * to the enabled seed of that name: dbt looks the patched name up in the package first, then
 * in every project. The root's seed then loads with the package's column_types.
 */
class PackagePatchOfRootSeedIT {
    @TempDir
    Path dir;

    @Test
    void thePackagesPropertiesPatchTheRootsSeedOfThatName() {
        TestProject p = TestProject.in(dir).dbtProject("""
                        seeds:
                          helper:
                            exc:
                              +enabled: false
                        """)
                .file("seeds/exc.csv", "n,label\n1,a\n2,b\n")
                .file("dbt_packages/helper/dbt_project.yml", "name: 'helper'\nversion: '1.0.0'\nconfig-version: 2\n")
                .file("dbt_packages/helper/seeds/exc.csv", "n,label\n")
                .file("dbt_packages/helper/seeds/seeds.yml", """
                        version: 2
                        seeds:
                          - name: exc
                            description: "Exceptions"
                            config:
                              column_types:
                                n: varchar
                        """);

        p.runOk("seed");

        assertEquals(List.of(List.of("n", "VARCHAR"), List.of("label", "VARCHAR")), p.rows(
                "select column_name, data_type from information_schema.columns where table_name = 'exc' order by ordinal_position"));
        JsonNode seed = p.json("target/manifest.json").path("nodes").path("seed.proj.exc");
        assertEquals("helper://seeds/seeds.yml", seed.path("patch_path").asText());
        assertEquals("Exceptions", seed.path("description").asText());
        assertEquals("varchar", seed.path("config").path("column_types").path("n").asText());
    }
}
