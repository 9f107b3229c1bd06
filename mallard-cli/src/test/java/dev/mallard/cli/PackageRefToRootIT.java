package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package's node whose unqualified ref() reaches a root project node: dbt 1.11 warns once
 * per such ref (event I077, its text as dbt writes it), unless the behaviour flag
 * require_ref_searches_node_package_before_root is set; the flag also makes the ref find the
 * package's own node of that name before the root's.
 */
class PackageRefToRootIT {
    private static final String WARNING = "[WARNING]: The node 'theirs'in package 'helper' depends on the root project"
            + " node 'model.proj.shared'.This may lead to unexpected cycles downstream. Please set the"
            + " 'require_ref_prefers_node_package_to_root' behavior change flag to True to avoid this issue.For more"
            + " information, see the documentation at"
            + " https://docs.getdbt.com/reference/global-configs/behavior-changes#require_ref_prefers_node_package_to_root";

    @TempDir
    Path dir;

    private TestProject project(String flags) {
        return TestProject.in(dir).dbtProject(flags)
                .file("models/shared.sql", "select 'root' as owner\n")
                .file("dbt_packages/helper/dbt_project.yml", "name: 'helper'\nversion: '1.0.0'\nconfig-version: 2\n")
                .file("dbt_packages/helper/models/shared.sql", "{{ config(alias='helper_shared') }}\nselect 'helper' as owner\n")
                .file("dbt_packages/helper/models/theirs.sql", "select * from {{ ref('shared') }}\n")
                .file("dbt_packages/helper/models/mine.sql", "select * from {{ ref('helper', 'shared') }}\n");
    }

    @Test
    void aPackagesRefToARootNodeIsWarnedAbout() {
        TestProject p = project("");

        p.runOk("run").assertOutContains(WARNING);

        assertEquals("root", p.value("select owner from theirs"));
    }

    @Test
    void theFlagMakesTheRefPreferThePackagesOwnNodeWithoutWarning() {
        TestProject p = project("""
                flags:
                  require_ref_searches_node_package_before_root: true
                """);

        String out = p.runOk("run").out();

        assertFalse(out.contains("depends on the root project node"), out);
        assertEquals("helper", p.value("select owner from theirs"));
    }
}
