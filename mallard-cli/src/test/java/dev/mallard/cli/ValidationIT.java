package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation as dbt-core 1.11 does it: what dbt refuses, Mallard refuses with the file (and
 * line); what dbt only warns about, Mallard warns about, naming the file, and goes on.
 */
class ValidationIT {
    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject().file("models/m.sql", "select 1 as id");
    }

    @Test
    void twoMacrosOfOneNameInTheProjectAreRefusedNamingBothFiles() {
        TestProject p = project()
                .file("macros/a.sql", "{% macro pick() %}1{% endmacro %}\n")
                .file("macros/b.sql", "\n{% macro pick() %}2{% endmacro %}\n")
                .file("models/n.sql", "select {{ pick() }} as v");

        p.run("build").assertExit(2).assertNoJavaInternals()
                .assertErrContains("two macros named 'pick'", "project 'proj'", "macros/a.sql:1", "macros/b.sql:2");
        assertTrue(!p.exists("target/proj.duckdb") || p.relations().isEmpty(), "nothing was built");
    }

    @Test
    void twoMacrosOfOneNameInOneFileAreRefusedToo() {
        project().file("macros/a.sql", "{% macro pick() %}1{% endmacro %}\n{% macro pick() %}2{% endmacro %}\n")
                .run("parse").assertExit(2).assertErrContains("two macros named 'pick'", "macros/a.sql:2");
    }

    @Test
    void aProjectMacroOverridesDbtsOwnMacroOfTheSameName() {
        TestProject p = project()
                .file("macros/overrides.sql", """
                        {% macro current_timestamp() %}'overridden'{% endmacro %}
                        {% test not_null(model, column_name) %}select 1 where false{% endtest %}
                        """)
                .file("models/n.sql", "select {{ current_timestamp() }} as v, cast(null as int) as id")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: n
                            columns:
                              - name: id
                                data_tests: [not_null]
                        """);
        p.runOk("build");
        assertEquals(List.of(List.of("overridden")), p.rows("select v from n"));
    }

    @Test
    void anUnknownTopLevelKeyInDbtProjectYmlIsRefusedWithItsLine() {
        project().dbtProject("""
                migrations:
                  path: migrations
                modles:
                  proj:
                    +materialized: table
                """).run("build").assertExit(2).assertNoJavaInternals()
                .assertErrContains("dbt_project.yml:7", "unknown top-level key 'modles'", "did you mean 'models'");
    }

    @Test
    void dbtsOwnKeysAndMallardsMigrationsAreAccepted() {
        project().dbtProject("""
                migrations:
                  path: migrations
                query-comment: mallard
                restrict-access: false
                clean-targets: [target]
                """).runOk("parse");
    }

    @Test
    void threadsThatAreNotAnIntegerAreRefused() {
        project().file("profiles.yml", profile("threads: abc")).run("parse").assertExit(2).assertNoJavaInternals()
                .assertErrContains("profiles.yml:7", "profile 'proj', target 'dev'", "threads: 'abc' is not an integer");
    }

    @Test
    void aSchemaThatIsNotAStringIsRefusedWithItsLine() {
        project().file("profiles.yml", profile("threads: 1\n      schema: [a, b]")).run("parse").assertExit(2)
                .assertErrContains("profiles.yml:8", "schema: [a, b] is not a string");
    }

    @Test
    void anUnknownAdapterTypeIsRefusedBeforeParsing() {
        project().file("profiles.yml", profile("threads: 1").replace("type: duckdb", "type: duckdbx"))
                .run("parse").assertExit(2).assertErrContains("could not find adapter type 'duckdbx'");
    }

    @Test
    void aProfileNameMissingFromAnExistingProfilesYmlIsRefused() {
        TestProject p = project().file("profiles.yml", profile("threads: 1").replace("proj:", "other:"));
        p.run("build").assertExit(2).assertNoJavaInternals()
                .assertErrContains("profiles.yml", "could not find profile named 'proj'", "other");
        assertTrue(!p.exists("target/proj.duckdb"), "nothing was built into the default file");
    }

    @Test
    void duplicateYamlKeysAreWarnedAboutWithFileAndLineAndTheRunGoesOn() {
        TestProject p = project().dbtProject("""
                models:
                  proj:
                    +materialized: view
                    +materialized: table
                """).file("models/schema.yml", """
                version: 2
                models:
                  - name: m
                    description: first
                    description: second
                """);
        // dbt's DuplicateYAMLKeysDeprecation: the root dbt_project.yml named by its absolute path
        p.runOk("build").assertOutContains(
                "Duplicate key '+materialized' in \"<unicode string>\", line 8, column 5 in file\n`"
                        + dir.toAbsolutePath().normalize().resolve("dbt_project.yml") + "`",
                "- DuplicateYAMLKeysDeprecation: 2 occurrences");
        CommandResult all = p.runOk("parse", "--no-partial-parse", "--show-all-deprecations");
        all.assertOutContains("Duplicate key 'description' in \"<unicode string>\", line 5, column 5 in file\n"
                + "`models/schema.yml`");
        assertEquals("BASE TABLE", p.rows("select table_type from information_schema.tables where table_name = 'm'")
                .get(0).get(0));
    }

    @Test
    void duplicateKeysInProfilesPackagesAndSelectorsYmlAreWarnedAboutToo() {
        TestProject p = project()
                .file("profiles.yml", profile("threads: 1\n      threads: 2"))
                .file("packages.yml", "packages: []\npackages: []\n")
                .file("selectors.yml", """
                        selectors:
                          - name: mine
                            definition: m
                            definition: 'm'
                        """);
        CommandResult r = p.runOk("ls", "--selector", "mine").assertErrContains(
                "Duplicate key 'threads' in file `" + dir.resolve("profiles.yml") + "`, line 8",
                "Duplicate key 'packages' in file `packages.yml`, line 2",
                "Duplicate key 'definition' in file `selectors.yml`, line 4").assertOutContains("proj.m");
        assertTrue(!r.out().contains("WARNING"), "ls keeps its list on stdout clean\n" + r.transcript());
    }

    @Test
    void propertiesForAMissingNodeAndUnknownPropertyKeysAreWarnedAboutAndTheRunGoesOn() {
        TestProject p = project().file("models/schema.yml", """
                version: 2
                models:
                  - name: m
                    colums:
                      - name: id
                        data_tests: [not_null, unique]
                  - name: nosuch
                    description: gone
                sources:
                  - name: raw
                    tables:
                      - name: t
                        columns:
                          - name: c
                            tets: [not_null]
                """);
        p.runOk("build").assertOutContains(
                "Custom key `colums` found at `models[0]` in file `models/schema.yml`, line 4",
                "Custom key `tets` found at `sources[0].tables[0].columns[0]` in file `models/schema.yml`, line 15",
                "Did not find matching node for patch with name 'nosuch' in the 'models' section of file "
                        + "'models/schema.yml'");
    }

    @Test
    void aBillionLaughsDbtProjectYmlIsRefusedInsteadOfExhaustingMemory() {
        StringBuilder yaml = new StringBuilder("vars:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        String previous = "a";
        for (String n : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
            yaml.append("  ").append(n).append(": &").append(n).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
            previous = n;
        }
        project().dbtProject(yaml.toString()).run("parse").assertExit(2).assertNoJavaInternals()
                .assertErrContains("dbt_project.yml", "aliases expand to more than");
    }

    @Test
    void aModelThatIsNotUtf8IsNamedWithTheLineOfItsFirstBadByte() throws IOException {
        TestProject p = project();
        Files.write(dir.resolve("models/latin.sql"),
                "select 1 as id\n-- caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        p.run("build").assertExit(2).assertNoJavaInternals().assertErrContains("models/latin.sql:2", "not UTF-8");
    }

    @Test
    void aSeedThatIsNotUtf8IsNamedWithTheLineOfItsFirstBadByte() throws IOException {
        TestProject p = project();
        Files.createDirectories(dir.resolve("seeds"));
        Files.write(dir.resolve("seeds/people.csv"), "id,name\n1,Ada\n2,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        p.run("seed").assertExit(1).assertNoJavaInternals().assertOutputContains("seeds/people.csv:3", "not UTF-8");
    }

    @Test
    void aModelLargerThan20MbLeavesTheArtifactsReadableForLaterCommands() {
        String padding = ("-- " + "x".repeat(97) + "\n").repeat(210_000); // 21 MB
        TestProject p = project().file("models/big.sql", "select 1 as id\n" + padding);
        p.runOk("build");
        p.runOk("build"); // merges with the previous manifest.json
        p.runOk("retry");
        p.runOk("ls", "--select", "state:modified", "--state", dir.resolve("target").toString());
        assertEquals(List.of(List.of("1")), p.rows("select id from big"));
    }

    private static String profile(String threadsLine) {
        return """
                proj:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: target/proj.duckdb
                      %s
                """.formatted(threadsLine);
    }
}
