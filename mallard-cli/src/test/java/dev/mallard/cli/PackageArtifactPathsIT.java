package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt writes a node's compiled and run SQL below target/compiled/&lt;its package&gt;/ and
 * target/run/&lt;its package&gt;/, so a package's models and the tests its YAML declares land
 * under the package's name, not the root project's (dbt 1.11, as manifest.json's compiled_path).
 */
class PackageArtifactPathsIT {
    @TempDir
    Path dir;

    @Test
    void aPackagesNodesAreWrittenBelowThePackagesName() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/mine.sql", "select 1 as id\n")
                .file("dbt_packages/helper/dbt_project.yml", "name: 'helper'\nversion: '1.0.0'\nconfig-version: 2\n")
                .file("dbt_packages/helper/models/theirs.sql", "select 2 as id\n")
                .file("dbt_packages/helper/models/theirs.yml", """
                        version: 2
                        models:
                          - name: theirs
                            columns:
                              - name: id
                                data_tests: [not_null]
                        """);

        p.runOk("build");

        assertTrue(p.exists("target/compiled/proj/models/mine.sql"));
        assertTrue(p.exists("target/compiled/helper/models/theirs.sql"));
        assertTrue(p.exists("target/run/helper/models/theirs.sql"));
        assertTrue(p.exists("target/compiled/helper/models/theirs.yml/not_null_theirs_id.sql"));
        assertFalse(p.exists("target/compiled/proj/models/theirs.sql"));
    }
}
