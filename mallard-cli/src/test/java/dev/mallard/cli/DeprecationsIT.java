package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt-core 1.11's deprecation warnings and their summary, in dbt's words. Every expected text
 * below is what dbt-core 1.11.16 (dbt-duckdb 1.11.1, --no-use-colors) printed for the same
 * project: each kind of deprecation is shown once, every occurrence is counted, and the
 * command ends with a DeprecationsSummary.
 */
class DeprecationsIT {
    static final String SCHEMA = """
            version: 2
            models:
              - name: m
                columns:
                  - name: id
                    data_tests:
                      - not_null:
                          where: "id > 0"
                      - accepted_values:
                          values: [1, 2]
                  - name: s
                    data_tests:
                      - accepted_values:
                          arguments:
                            values: ['x']
                          config:
                            severity: warn
              - name: n
                columns:
                  - name: id
                    data_tests:
                      - accepted_values:
                          values: [1]
                          severity: warn
            """;
    static final String MOVED_WHERE = """
            [WARNING][PropertyMovedToConfigDeprecation]: Deprecated functionality
            Found `where` as a top-level property of `data_tests.not_null.where` in file
            `models/schema.yml`. The `where` top-level property should be moved into the
            `config` of `data_tests.not_null.where`.
            """;
    static final String MISSING_ON_M = """
            [WARNING][MissingArgumentsPropertyInGenericTestDeprecation]: Deprecated
            functionality
            Found top-level arguments to test `accepted_values` defined on 'm' in package
            'proj' (models/schema.yml). Arguments to generic tests should be nested under
            the `arguments` property.
            """;
    static final String MOVED_SEVERITY = """
            [WARNING][PropertyMovedToConfigDeprecation]: Deprecated functionality
            Found `severity` as a top-level property of
            `data_tests.accepted_values.severity` in file `models/schema.yml`. The
            `severity` top-level property should be moved into the `config` of
            `data_tests.accepted_values.severity`.
            """;
    static final String MISSING_ON_N = """
            [WARNING][MissingArgumentsPropertyInGenericTestDeprecation]: Deprecated
            functionality
            Found top-level arguments to test `accepted_values` defined on 'n' in package
            'proj' (models/schema.yml). Arguments to generic tests should be nested under
            the `arguments` property.
            """;
    static final String COUNTS = """
            [WARNING][DeprecationsSummary]: Deprecated functionality
            Summary of encountered deprecations:
            - PropertyMovedToConfigDeprecation: 2 occurrences
            - MissingArgumentsPropertyInGenericTestDeprecation: 2 occurrences
            """;
    static final String HINT = """
            To see all deprecation instances instead of just the first occurrence of each,
            run command again with the `--show-all-deprecations` flag. You may also need to
            run with `--no-partial-parse` as some deprecations are only encountered during
            parsing.
            """;

    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject().file("models/m.sql", "select 1 as id, 'x' as s")
                .file("models/n.sql", "select 1 as id").file("models/schema.yml", SCHEMA);
    }

    @Test
    void deprecatedFlagsAndProjectPathsAreSaidAsTheCommandStarts() {
        TestProject p = TestProject.in(dir).dbtProject("target-path: build\nlog-path: logs\n")
                .file("models/m.sql", "select 1 as id");
        CommandResult r = p.runOk("ls", "--no-partial-parse", "--models", "m", "--warn-error-options",
                "{include: [NoNodesForSelectionCriteria]}");
        assertEquals("""
                [WARNING][WEOIncludeExcludeDeprecation]: Deprecated functionality
                Found `include` in `warn_error_options` specification. Please use `error`
                instead of `include`.
                [WARNING]: Deprecated functionality
                Usage of `--models`, `--model`, and `-m` is deprecated in favor of `--select` or
                `-s`.
                [WARNING]: Deprecated functionality
                The `target-path` config in `dbt_project.yml` has been deprecated, and will no
                longer be supported in a future version of dbt-core. If you wish to write dbt
                artifacts to a custom directory, please use the --target-path CLI flag or
                DBT_TARGET_PATH env var instead.
                [WARNING][DeprecationsSummary]: Deprecated functionality
                Summary of encountered deprecations:
                - WEOIncludeExcludeDeprecation: 1 occurrence
                - ModelParamUsageDeprecation: 1 occurrence
                - ConfigTargetPathDeprecation: 1 occurrence
                """ + HINT, text(new CommandResult(r.args(), r.exitCode(), r.err(), "")), r.transcript());
        assertEquals("proj.m", r.out().strip(), "ls keeps its list alone on stdout");
        // with every warning an error, the first deprecation stops the command, as in dbt
        p.run("parse", "--warn-error-options", "{include: all}").assertExit(2)
                .assertErrContains("Found `include` in `warn_error_options` specification.");
    }

    @Test
    void aSeedAndAModelOfOneNameAreDbtsUnnamedDeprecation() {
        CommandResult r = project().file("seeds/n.csv", "id\n1\n").runOk("parse", "--no-partial-parse");
        assertTrue(text(r).contains("""
                [WARNING]: Deprecated functionality
                Found resources with the same name 'n' in package 'proj': 'model.proj.n' and
                'seed.proj.n'. Please update one of the resources to have a unique name.
                """), r.transcript());
        assertTrue(text(r).contains("- DuplicateNameDistinctNodeTypesDeprecation: 1 occurrence\n"), r.transcript());
    }

    @Test
    void userConfigInProfilesYmlIsSaidUnwrappedAsDbtSaysIt() {
        CommandResult r = TestProject.in(dir).dbtProject().file("models/m.sql", "select 1 as id")
                .file("profiles.yml", """
                        config:
                          send_anonymous_usage_stats: false
                        proj:
                          target: dev
                          outputs:
                            dev:
                              type: duckdb
                              path: target/proj.duckdb
                        """).runOk("parse", "--no-partial-parse");
        // dbt fires it before it knows the printer width: the blank line stays and the line is not wrapped
        assertTrue(r.out().contains("[WARNING]: Deprecated functionality\n\nUser config should be moved from the"
                + " 'config' key in profiles.yml to the 'flags' key in dbt_project.yml.\n"), r.transcript());
        assertTrue(text(r).contains("- ProjectFlagsMovedDeprecation: 1 occurrence\n"), r.transcript());
    }

    @Test
    void anExposureNameWithSpacesIsDeprecated() {
        CommandResult r = TestProject.in(dir).dbtProject().file("models/m.sql", "select 1 as id")
                .file("models/exposures.yml", """
                        version: 2
                        exposures:
                          - name: "Weekly report"
                            type: dashboard
                            owner: {email: a@b.c}
                            depends_on: [ref('m')]
                          - name: ok-name_1
                            type: dashboard
                            owner: {email: a@b.c}
                        """).runOk("parse", "--no-partial-parse");
        assertEquals("""
                [WARNING]: Deprecated functionality
                Starting in v1.3, the 'name' of an exposure should contain only letters,
                numbers, and underscores. Exposures support a new property, 'label', which may
                contain spaces, capital letters, and special characters. Weekly report does not
                follow this pattern. Please update the 'name', and use the 'label' property for
                a human-friendly title. This will raise an error in a future version of
                dbt-core.
                [WARNING][DeprecationsSummary]: Deprecated functionality
                Summary of encountered deprecations:
                - ExposureNameDeprecation: 1 occurrence
                """ + HINT, text(r), r.transcript());
    }

    /** The output without the clock that starts a line, and without Mallard's own lines (profile note, parse count). */
    static String text(CommandResult r) {
        List<String> lines = new ArrayList<>();
        for (String line : r.out().split("\n", -1)) {
            String bare = line.replaceFirst("^\\d\\d:\\d\\d:\\d\\d  ", "");
            // the deprecations alone: not the lines every command opens with (dbt's own "Running with" too)
            if (!bare.startsWith("Parsed ") && !bare.startsWith("No profile ") && !bare.startsWith("Running with ")
                    && !bare.startsWith("Unable to do partial parsing ") && !bare.isEmpty()) {
                lines.add(bare);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void topLevelTestArgumentsAndConfigsAreWarnedAboutOncePerKindAndCountedInTheSummary() {
        CommandResult r = project().runOk("parse", "--no-partial-parse");
        assertEquals(MOVED_WHERE + MISSING_ON_M + COUNTS + HINT, text(r), r.transcript());
    }

    @Test
    void showAllDeprecationsShowsEveryOccurrenceAndTheSummaryDropsItsHint() {
        CommandResult r = project().runOk("parse", "--no-partial-parse", "--show-all-deprecations");
        assertEquals(MOVED_WHERE + MISSING_ON_M + MOVED_SEVERITY + MISSING_ON_N + COUNTS, text(r), r.transcript());
    }

    @Test
    void argumentsNestedUnderArgumentsAndConfigsUnderConfigAreNotDeprecatedAndNameTheSameTests() {
        TestProject p = project().file("models/schema.yml", SCHEMA
                .replace("where: \"id > 0\"", "config: {where: \"id > 0\"}")
                .replace("values: [1, 2]", "arguments: {values: [1, 2]}")
                .replace("values: [1]\n", "arguments: {values: [1]}\n")
                .replace("severity: warn\n", "config: {severity: warn}\n"));
        CommandResult r = p.runOk("parse", "--no-partial-parse");
        assertFalse(r.all().contains("Deprecat"), r.transcript());
        assertEquals(List.of("proj.accepted_values_m_id__1__2", "proj.accepted_values_m_s__x",
                "proj.accepted_values_n_id__1", "proj.not_null_m_id"),
                p.runOk("ls", "--resource-type", "test").outLines().stream().filter(l -> l.startsWith("proj.")).sorted()
                        .toList());
    }

    @Test
    void aReusedParseSaysNoDeprecationAgainButOneThatParsesAModelAgainSaysItsOwn() throws InterruptedException {
        TestProject p = project();
        settle();
        p.runOk("parse");
        CommandResult again = p.runOk("parse");
        assertFalse(again.all().contains("Deprecat"), "dbt says nothing on an unchanged partial parse\n"
                + again.transcript());
        // dbt parses n's properties again when n.sql changes: the deprecations of n's tests, and only those
        p.file("models/n.sql", "select 1 as id -- changed");
        settle();
        CommandResult patched = p.runOk("parse", "--show-all-deprecations");
        assertEquals(MOVED_SEVERITY + MISSING_ON_N + """
                [WARNING][DeprecationsSummary]: Deprecated functionality
                Summary of encountered deprecations:
                - PropertyMovedToConfigDeprecation: 1 occurrence
                - MissingArgumentsPropertyInGenericTestDeprecation: 1 occurrence
                """, text(patched), patched.transcript());
    }

    /** A file written within the clock's granularity of a parse could pass for unchanged (see UnchangedParseIT). */
    private static void settle() throws InterruptedException {
        Thread.sleep(250);
    }

    @Test
    void withTheFlagOffAnArgumentsKeyIsItselfDeprecated() {
        TestProject p = TestProject.in(dir).dbtProject("flags:\n  require_generic_test_arguments_property: false\n")
                .file("models/m.sql", "select 'x' as s").file("models/schema.yml", """
                        version: 2
                        models:
                          - name: m
                            columns:
                              - name: s
                                data_tests:
                                  - accepted_values:
                                      values: ['x']
                                      severity: warn
                                  - accepted_values:
                                      arguments:
                                        values: ['x', 'y']
                        """);
        String text = text(p.run("parse", "--no-partial-parse"));
        assertTrue(text.startsWith("""
                [WARNING][ArgumentsPropertyInGenericTestDeprecation]: Deprecated functionality
                Found `arguments` property in test definition of `accepted_values` ({'values':
                ['x', 'y']}) without usage of `require_generic_test_arguments_property` behavior
                change flag. The `arguments` property is deprecated for custom usage and will be
                used to nest keyword arguments in future versions of dbt.
                """), text);
        assertTrue(text.contains("- ArgumentsPropertyInGenericTestDeprecation: 1 occurrence\n"), text);
        assertFalse(text.contains("MissingArguments") || text.contains("PropertyMoved"), text);
    }

    @Test
    void aDuplicateKeyInAPropertiesFileIsDbtsDeprecation() {
        CommandResult r = project().file("models/schema.yml", SCHEMA.replace("  - name: n\n",
                "  - name: n\n    description: x\n    description: y\n")).runOk("parse", "--no-partial-parse");
        assertTrue(text(r).startsWith("""
                [WARNING][DuplicateYAMLKeysDeprecation]: Deprecated functionality
                Duplicate key 'description' in "<unicode string>", line 20, column 5 in file
                `models/schema.yml`
                """ + MOVED_WHERE), r.transcript());
        assertTrue(text(r).contains("- DuplicateYAMLKeysDeprecation: 1 occurrence\n"), r.transcript());
    }

    @Test
    void theJsonLogCarriesDbtsEventsWithTheirCodesAndFields() throws Exception {
        CommandResult r = project().runOk("parse", "--no-partial-parse", "--log-format", "json");
        List<JsonNode> events = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode e = new ObjectMapper().readTree(line);
                if (e.at("/info/name").asText().contains("Deprecation")) {
                    events.add(e);
                }
            }
        }
        assertEquals(3, events.size(), r.transcript());
        assertEquals("D030 warn {\"file\":\"models/schema.yml\",\"key\":\"where\",\"key_path\":\"data_tests.not_null.where\"}",
                summary(events.get(0)));
        assertEquals("D039 warn {\"test_name\":\"`accepted_values` defined on 'm' in package 'proj' (models/schema.yml)\"}",
                summary(events.get(1)));
        assertEquals("D028 warn {\"show_all_hint\":true,\"summaries\":[{\"event_code\":\"D030\",\"event_name\":"
                + "\"PropertyMovedToConfigDeprecation\",\"occurrences\":2},{\"event_code\":\"D039\",\"event_name\":"
                + "\"MissingArgumentsPropertyInGenericTestDeprecation\",\"occurrences\":2}]}", summary(events.get(2)));
        assertEquals(MISSING_ON_M.strip(), events.get(1).at("/info/msg").asText());
    }

    private static String summary(JsonNode e) {
        return e.at("/info/code").asText() + " " + e.at("/info/level").asText() + " " + e.get("data");
    }

    @Test
    void silencedDeprecationsAreCountedAndOneMadeAnErrorStopsTheCommand() {
        CommandResult silenced = project().runOk("parse", "--no-partial-parse", "--warn-error-options",
                "{silence: [PropertyMovedToConfigDeprecation]}");
        assertEquals(MISSING_ON_M + COUNTS + HINT, text(silenced), silenced.transcript());
        CommandResult failed = project().run("parse", "--no-partial-parse", "--warn-error-options",
                "{error: [MissingArgumentsPropertyInGenericTestDeprecation]}").assertExit(2);
        assertTrue(failed.err().contains("\n  [WARNING][MissingArgumentsPropertyInGenericTestDeprecation]: Deprecated\n"
                + "  functionality\n  Found top-level arguments"), failed.transcript());
        // dbt counts what was said before the error, not the one made an error
        assertTrue(text(failed).endsWith("- PropertyMovedToConfigDeprecation: 1 occurrence\n" + HINT), failed.transcript());
    }
}
