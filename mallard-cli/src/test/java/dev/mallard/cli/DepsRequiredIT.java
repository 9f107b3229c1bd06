package dev.mallard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that load a project check, as dbt does, that its packages are installed and its dbt version fits. */
class DepsRequiredIT {
    @TempDir
    Path tmp;

    private TestProject project() {
        return TestProject.in(tmp.resolve("proj")).dbtProject();
    }

    private void packageDir(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dbt_project.yml"), "name: '" + name + "'\nversion: '1.0.0'\nconfig-version: 2\n");
    }

    @Test
    void parseStopsWithDbtsAdviceWhenPackagesAreNotInstalled() throws Exception {
        packageDir(tmp.resolve("proj/a"), "pkg_a");
        TestProject p = project().file("packages.yml", "packages:\n  - local: a\n")
                .file("models/m.sql", "select 1 as x");

        p.run("parse").assertExit(2)
                .assertErrContains("1 package(s) specified in packages.yml, but only 0", "(missing: pkg_a)",
                        "Run \"mallard deps\"")
                .assertNoJavaInternals();
        p.runOk("deps");
        p.runOk("parse");
        p.runOk("clean");
    }

    @Test
    void parseNamesTheMissingPackageWhenTheLockKnowsIt() throws Exception {
        packageDir(tmp.resolve("proj/a"), "pkg_a");
        TestProject p = project().file("packages.yml", "packages:\n  - local: a\n");
        p.runOk("deps", "--lock");

        p.run("build").assertExit(2).assertErrContains("missing: pkg_a", "mallard deps");
    }

    @Test
    void requireDbtVersionIsCheckedAgainstTheDbtVersionMallardFollows() {
        TestProject ok = TestProject.in(tmp.resolve("ok")).dbtProject("require-dbt-version: \">=1.0.0,<2.0.0\"\n");
        ok.runOk("parse");
        TestProject okList = TestProject.in(tmp.resolve("ok2")).dbtProject("require-dbt-version: [\">=1.5.0\", \"<2.0.0\"]\n");
        okList.runOk("parse");

        TestProject tooNew = TestProject.in(tmp.resolve("new")).dbtProject("require-dbt-version: \">=2.0.0\"\n");
        tooNew.run("parse").assertExit(2)
                .assertErrContains("dbt_project.yml:5", "compatible with dbt 1.11.0", "'proj'", ">=2.0.0")
                .assertNoJavaInternals();
    }
}
