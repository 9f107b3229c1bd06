package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbt's logging: the JSON events orchestrators read, logs/dbt.log, --quiet, --no-print, --printer-width. */
class LoggingIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A project whose seed is loaded (models read it). */
    private TestProject project() {
        TestProject p = unseeded();
        p.run("seed").assertOk();
        return p;
    }

    private TestProject unseeded() {
        return TestProject.in(dir).dbtProject()
                .file("seeds/people.csv", "id,name\n1,Ada\n2,Bruno\n")
                .file("models/names.sql", "{{ print('printed by names') }}select id, name from {{ ref('people') }}")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: names
                            columns:
                              - name: id
                                data_tests: [unique, not_null]
                        """);
    }

    private static List<JsonNode> events(CommandResult r) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            events.add(JSON.readTree(line)); // every stdout line must be a JSON object
        }
        return events;
    }

    private static Set<String> names(List<JsonNode> events) {
        return events.stream().map(e -> e.path("info").path("name").asText()).collect(Collectors.toSet());
    }

    private static JsonNode first(List<JsonNode> events, String name) {
        return events.stream().filter(e -> e.path("info").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " event"));
    }

    @Test
    void jsonLogsCarryDbtsEventsWithNodeInfoAndTheRunsInvocationId() throws IOException {
        TestProject p = unseeded();
        CommandResult r = p.run("build", "--log-format", "json").assertOk();
        List<JsonNode> events = events(r);
        assertTrue(names(events).containsAll(Set.of("MainReportVersion", "FoundStats", "ConcurrencyLine",
                "LogStartLine", "LogSeedResult", "LogModelResult", "LogTestResult", "FinishedRunningStats",
                "EndOfRunSummary", "StatsLine", "PrintEvent")), names(events).toString());
        assertFalse(names(events).contains("NodeStart"), "NodeStart is a debug event");
        JsonNode model = first(events, "LogModelResult");
        assertEquals("Q012", model.path("info").path("code").asText());
        assertEquals("info", model.path("info").path("level").asText());
        JsonNode info = model.path("data").path("node_info");
        assertEquals("model.proj.names", info.path("unique_id").asText());
        assertEquals("success", info.path("node_status").asText());
        assertEquals("model", info.path("resource_type").asText());
        assertEquals("view", info.path("materialized").asText());
        assertEquals("names", info.path("node_name").asText());
        assertEquals("names.sql", info.path("node_path").asText());
        assertEquals("names", info.path("node_relation").path("alias").asText());
        assertTrue(info.path("meta").isObject());
        // node_checksum is the manifest's checksum of the node, as dbt's node_info carries it
        assertEquals(JSON.readTree(p.dir().resolve("target/manifest.json").toFile()).path("nodes")
                .path("model.proj.names").path("checksum").path("checksum").asText(), info.path("node_checksum").asText());
        assertEquals(64, info.path("node_checksum").asText().length());
        assertFalse(info.path("node_started_at").asText().isEmpty());
        assertFalse(info.path("node_finished_at").asText().isEmpty());
        JsonNode test = first(events, "LogTestResult");
        assertEquals("Q007", test.path("info").path("code").asText());
        assertEquals("pass", test.path("data").path("node_info").path("node_status").asText());
        assertEquals("Q016", first(events, "LogSeedResult").path("info").path("code").asText());
        JsonNode stats = first(events, "StatsLine").path("data").path("stats");
        assertEquals(4, stats.path("pass").asInt());
        JsonNode runResults = JSON.readTree(p.dir().resolve("target/run_results.json").toFile());
        String invocation = runResults.path("metadata").path("invocation_id").asText();
        for (JsonNode e : events) {
            assertEquals(invocation, e.path("info").path("invocation_id").asText());
        }
        assertEquals("printed by names", first(events, "PrintEvent").path("info").path("msg").asText());
    }

    @Test
    void debugLevelAddsNodeStartAndNodeFinishedAndTheCommandsEnd() throws IOException {
        CommandResult r = project().run("run", "--log-format", "json", "--log-level", "debug").assertOk();
        List<JsonNode> events = events(r);
        assertTrue(names(events).containsAll(Set.of("NodeStart", "NodeFinished", "CommandCompleted", "MainReportArgs")),
                names(events).toString());
        JsonNode finished = first(events, "NodeFinished");
        assertEquals("Q025", finished.path("info").path("code").asText());
        assertEquals("success", finished.path("data").path("run_result").path("status").asText());
        assertTrue(first(events, "CommandCompleted").path("data").path("success").asBoolean());
    }

    @Test
    void failuresAreErrorEventsAndAnAbortedCommandIsMainEncounteredError() throws IOException {
        TestProject p = project().file("models/broken.sql", "select nope from {{ ref('people') }}");
        List<JsonNode> events = events(p.run("run", "--log-format", "json").assertExit(1));
        JsonNode broken = events.stream().filter(e -> e.path("info").path("name").asText().equals("LogModelResult")
                && e.path("data").path("node_info").path("node_name").asText().equals("broken")).findFirst().orElseThrow();
        assertEquals("error", broken.path("info").path("level").asText());
        assertEquals("error", broken.path("data").path("node_info").path("node_status").asText());
        assertTrue(names(events).containsAll(Set.of("RunResultFailure", "RunResultError")));

        p.file("models/bad_jinja.sql", "select {{ ref('no_such_model') }}");
        CommandResult aborted = p.run("run", "--log-format", "json").assertFailed();
        JsonNode error = first(events(aborted), "MainEncounteredError");
        assertEquals("error", error.path("info").path("level").asText());
        assertTrue(error.path("data").path("exc").asText().contains("no_such_model"));
    }

    @Test
    void theLogFileKeepsDebugLinesUnderLogsOrLogPath() throws IOException {
        TestProject p = project();
        CommandResult r = p.run("run").assertOk();
        assertFalse(r.out().contains("Began running node"), "debug lines stay off the console");
        String log = Files.readString(p.dir().resolve("logs/dbt.log"));
        assertTrue(log.contains("[debug] [") && log.contains("Began running node model.proj.names"), log);
        assertTrue(log.contains("[info ] [MainThread]: Running with mallard="), log);
        Path elsewhere = dir.resolve("elsewhere");
        p.run("run", "--log-path", elsewhere.toString(), "--log-format-file", "json").assertOk();
        String json = Files.readString(elsewhere.resolve("dbt.log"));
        assertTrue(json.lines().allMatch(l -> l.startsWith("{\"data\"")), json);
    }

    @Test
    void quietShowsOnlyErrorsAndPrintOutputNoPrintDropsPrintOutput() {
        TestProject p = project();
        CommandResult quiet = p.run("run", "--quiet").assertOk();
        assertEquals(List.of("printed by names"), quiet.out().lines().filter(l -> !l.isBlank()).toList());
        CommandResult noPrint = p.run("run", "--no-print").assertOk();
        assertFalse(noPrint.out().contains("printed by names"), noPrint.out());
        assertTrue(noPrint.out().contains("OK created sql view model"), noPrint.out());
        CommandResult both = p.run("run", "-q", "--no-print").assertOk();
        assertEquals("", both.out().strip());
    }

    @Test
    void printerWidthSetsWhereTheStatusStandsAndTextHasNoColoursOffATerminal() {
        TestProject p = project();
        String wide = p.run("run", "--printer-width", "100", "--use-colors").assertOk().out().lines()
                .filter(l -> l.contains("START sql view model")).findFirst().orElseThrow();
        // HH:MM:SS, two spaces, 100 columns padded with dots, a space, [RUN]
        assertEquals(8 + 2 + 100 + 1 + "[RUN]".length(), wide.length(), wide);
        assertFalse(wide.contains("\u001b["), "no colours when stdout is not a terminal");
    }

    @Test
    void flagsBeforeTheCommandAsDbtTakesThem() {
        TestProject p = project();
        // "debug" is the value of --log-level here, not the debug command
        p.runOk("run");
        CommandResult r = TestProject.execute("--log-level", "debug", "parse", "--project-dir", p.dir().toString())
                .assertOk();
        assertTrue(r.out().contains("Partial parse"), r.out());
        // dbt's global --debug before the command
        TestProject.execute("--debug", "parse", "--project-dir", p.dir().toString()).assertOk();
    }

    @Test
    void debugShowsDebugEventsAndTheSqlSentToTheEngineOnTheConsole() throws IOException {
        TestProject p = project();
        // as dbt's --debug: NodeStart, SQLQuery ("On <node>: <sql>") and SQLQueryStatus on the console
        CommandResult before = TestProject.execute("--debug", "run", "--project-dir", p.dir().toString()).assertOk();
        String out = before.out();
        assertTrue(out.contains("Began running node model.proj.names"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("On model.proj.names: ")), out);
        assertTrue(out.contains("\"people\"") || out.contains("people"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches(".*SQL status: OK in \\d+\\.\\d{3} seconds")), out);
        assertTrue(out.contains("Wrote artifact WritableManifest to " + p.dir().resolve("target/manifest.json")), out);
        assertTrue(out.contains("Wrote artifact RunExecutionResult to "), out);
        // -d after the command, and --debug wins over --log-level
        String after = p.run("run", "-d", "--log-level", "warn").assertOk().out();
        assertTrue(after.contains("SQL status: OK in"), after);
        // without it the SQL stays in logs/dbt.log
        String plain = p.run("run").assertOk().out();
        assertFalse(plain.contains("SQL status") || plain.contains("On model.proj.names"), plain);
        String log = Files.readString(p.dir().resolve("logs/dbt.log"));
        assertTrue(log.contains("On model.proj.names: "), log);
    }

    @Test
    void badLogFlagsAreUsageErrors() {
        project().run("run", "--log-format", "xml").assertExit(2).assertErrContains("--log-format");
        project().run("run", "--log-level", "loud").assertExit(2).assertErrContains("--log-level");
    }
}
