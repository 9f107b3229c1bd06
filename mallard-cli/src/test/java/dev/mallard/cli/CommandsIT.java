package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command on small projects: what it prints, writes and builds. */
class CommandsIT {
    /** A project built once and only read by the tests below that share it. */
    @TempDir
    static Path sharedDir;

    static TestProject shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildSharedProject() {
        shared = TestProject.in(sharedDir).dbtProject("""
                models:
                  proj:
                    +materialized: table
                """)
                .file("seeds/raw_animals.csv", "id,animal\n1,duck\n2,goose\n3,swan\n")
                .file("models/animals.sql", "select id, upper(animal) as animal from {{ ref('raw_animals') }}")
                .file("models/marts/animal_count.sql",
                        "{{ config(materialized='view') }}\nselect count(*) as n from {{ ref('animals') }}");
        shared.runOk("build");
    }

    /** Starts the real launcher class in a new JVM, in {@code workDir}. */
    private static CommandResult launch(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new CommandResult(List.of(args), process.exitValue(), out, err);
    }

    @Test
    void initScaffoldsAProjectThatBuilds() throws Exception {
        launch(dir, "init", "ducks").assertOk().assertOutContains("Created project ducks");

        TestProject p = TestProject.in(dir.resolve("ducks")).named("ducks");
        p.runOk("build").assertOutContains("ERROR=0");

        assertEquals("BASE TABLE", p.tableType("my_first_model"));
        assertEquals("VIEW", p.tableType("my_second_model"));
        assertEquals(List.of(List.of("1", "duck")), p.rows("select * from my_second_model"));
    }

    @Test
    void initRefusesAnExistingFolder() throws Exception {
        TestProject.in(dir).file("taken/keep.txt", "mine");
        launch(dir, "init", "taken").assertExit(2).assertNoJavaInternals().assertErrContains("already exists");
    }

    @Test
    void debugTestsTheConnection() {
        shared.runOk("debug").assertOutContains("project: proj", "Connection test: [OK connection ok]",
                "All checks passed!");
    }

    @Test
    void parseReportsTheNodesItFound() {
        shared.runOk("parse").assertOutContains("Parsed 3 nodes and 0 macros");
    }

    @Test
    void compileRendersTheFileWithoutItsLeadingAndTrailingWhitespaceAsDbt() {
        // dbt strips a SQL file's text (its raw_code) before rendering it: checked against dbt-duckdb 1.11
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/ws.sql", "\n\n   select 1 as id  \n\n   \n")
                .file("models/ws2.sql", "\n\n  {{ config(materialized='table') }}\n  select 2 as id -- x  \n\n  ")
                .file("tests/t_ws.sql", "\n  select 1 as x where false  \n\n");

        p.runOk("compile");

        assertEquals("select 1 as id", p.read("target/compiled/proj/models/ws.sql"));
        assertEquals("\n  select 2 as id -- x", p.read("target/compiled/proj/models/ws2.sql"));
        assertEquals("select 1 as x where false", p.read("target/compiled/proj/tests/t_ws.sql"));
    }

    @Test
    void genericTestsCompileToDbtsTextWhitespaceIncluded() {
        // the expected texts are dbt-duckdb 1.11's target/compiled files for the same project
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id, 'a' as s")
                .file("models/a.yml", """
                        version: 2
                        models:
                          - name: a
                            columns:
                              - name: id
                                data_tests:
                                  - not_null
                                  - unique
                                  - relationships: {to: ref('a'), field: id}
                                  - accepted_values: {values: [1, 2], quote: false}
                              - name: s
                                data_tests:
                                  - accepted_values: {values: ['a', 'b']}
                        """);

        p.runOk("compile");

        String dir = "target/compiled/proj/models/a.yml/";
        String a = "\"proj\".\"main\".\"a\"";
        String head = "\n    \n    \n\n";
        assertEquals(head + "\n\nselect id\nfrom " + a + "\nwhere id is null\n\n\n", p.read(dir + "not_null_a_id.sql"));
        assertEquals(head + "select\n    id as unique_field,\n    count(*) as n_records\n\nfrom " + a
                + "\nwhere id is not null\ngroup by id\nhaving count(*) > 1\n\n\n", p.read(dir + "unique_a_id.sql"));
        assertEquals(head + "with all_values as (\n\n    select\n        s as value_field,\n        count(*) as n_records"
                + "\n\n    from " + a + "\n    group by s\n\n)\n\nselect *\nfrom all_values\nwhere value_field not in (\n"
                + "    'a','b'\n)\n\n\n", p.read(dir + "accepted_values_a_s__a__b.sql"));
        assertTrue(p.read(dir + "accepted_values_a_id__False__1__2.sql").contains("not in (\n    1,2\n)"));
        assertEquals(head + "with child as (\n    select id as from_field\n    from " + a + "\n    where id is not null\n),"
                + "\n\nparent as (\n    select id as to_field\n    from " + a + "\n)\n\nselect\n    from_field\n\nfrom child"
                + "\nleft join parent\n    on child.from_field = parent.to_field\n\nwhere parent.to_field is null\n\n\n",
                p.read(dir + "relationships_a_id__id__ref_a_.sql"));
    }

    @Test
    void compileWritesTheRenderedSqlUnderTargetCompiled() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/sub/b.sql", "select * from {{ ref('a') }} where id = {{ 1 + 1 }}");

        p.runOk("compile").assertOutContains("Compiled 2 nodes");

        assertEquals("select * from \"proj\".\"main\".\"a\" where id = 2", p.read("target/compiled/proj/models/sub/b.sql"));
        assertFalse(p.exists("target/proj.duckdb") && !p.relations().isEmpty(), "compile builds nothing");
    }

    @Test
    void compileRendersTheSelectedModelsTestsTooAsDbtDoes() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: a
                            columns:
                              - name: id
                                data_tests: [not_null]
                        """);
        // dbt compiles the test with its model, and still prints the one model's SQL
        p.runOk("compile", "-s", "a").assertOutContains("Compiled 2 nodes", "Compiled node 'a' is:");
        assertTrue(p.read("target/compiled/proj/models/schema.yml/not_null_a_id.sql").contains("where id is null"));
    }

    @Test
    void runBuildsModelsOnlyAndSeedLoadsSeedsOnly() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("seeds/raw.csv", "id\n1\n")
                .file("models/standalone.sql", "select 42 as answer");

        p.runOk("run").assertOutContains("PASS=1 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=1");
        assertEquals(List.of("main.standalone"), p.relations());

        p.runOk("seed").assertOutContains("PASS=1 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=1");
        assertEquals(List.of("main.raw", "main.standalone"), p.relations());
    }

    @Test
    void buildLoadsSeedsAndModelsInDagOrder() {
        assertEquals(List.of("main.animal_count", "main.animals", "main.raw_animals"), shared.relations());
        assertEquals("3", shared.value("select n from animal_count"));
    }

    @Test
    void lsListsSelectorsByDefault() {
        CommandResult r = shared.runOk("ls");
        assertEquals(List.of("proj.animals", "proj.marts.animal_count", "proj.raw_animals"),
                r.out().lines().sorted().toList());
    }

    @Test
    void lsFiltersBySelectResourceTypeAndPrintsNames() {
        assertEquals(List.of("animals"), shared.runOk("ls", "--select", "animals", "--output", "name").out().lines()
                .toList());
        assertEquals(List.of("raw_animals"), shared.runOk("ls", "--resource-type", "seed", "--output", "name").out()
                .lines().toList());
        assertEquals(List.of("models/marts/animal_count.sql"),
                shared.runOk("ls", "--select", "animal_count", "--output", "path").out().lines().toList());
    }

    @Test
    void showInlinePrintsAnAlignedTable() {
        CommandResult r = shared.runOk("show", "--inline", "select 1 as a");
        // after dbt's "Running with", "Found ..." and "Concurrency ..." lines
        assertTrue(r.out().contains("  Concurrency: 4 threads (target="), r.out());
        String preview = r.out().substring(r.out().indexOf("Previewing"));
        assertEquals(List.of("Previewing inline node:", "| a |", "| - |", "| 1 |", ""), preview.lines().toList());
    }

    @Test
    void showSelectLimitsRowsAndAlignsColumns() {
        CommandResult r = shared.runOk("show", "--select", "animals", "--limit", "2");
        List<String> lines = r.out().substring(r.out().indexOf("Previewing")).lines().toList();
        assertEquals("Previewing node 'animals':", lines.get(0), r.transcript());
        assertEquals("", lines.get(lines.size() - 1), "an empty line after the table, as dbt's");
        List<String> table = lines.subList(1, lines.size() - 1);
        assertEquals(4, table.size(), "header, rule and two rows\n" + r.transcript());
        assertTrue(table.get(0).matches("\\| id +\\| animal +\\|"), table.get(0));
        assertTrue(table.stream().allMatch(l -> l.length() == table.get(0).length()), "aligned:\n" + r.out());
        assertTrue(table.get(2).matches("\\| +\\d \\| [A-Z]+ +\\|"), "numbers right, text left: " + table.get(2));
    }

    @Test
    void runOperationRunsAMacro() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/make_answer.sql", """
                        {% macro make_answer() %}
                            {% do run_query("create table made_by_op as select 42 as answer") %}
                        {% endmacro %}
                        """);

        p.runOk("run-operation", "make_answer");

        assertEquals("42", p.value("select answer from made_by_op"));
    }

    @Test
    void runOperationRunsAMacroWithArgs() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/make_numbers.sql", """
                        {% macro make_numbers(table_name, how_many) %}
                            {% do run_query("create table " ~ table_name ~ " as select * from range(" ~ how_many ~ ")") %}
                        {% endmacro %}
                        """);

        p.runOk("run-operation", "make_numbers", "--args", "{table_name: made_by_op, how_many: 3}");

        assertEquals("3", p.value("select count(*) from made_by_op"));
    }

    @Test
    void cleanRemovesTheTargetFolder() {
        TestProject p = TestProject.in(dir).dbtProject().file("models/m.sql", "select 1 as id");
        p.runOk("build");
        assertTrue(p.exists("target/proj.duckdb"));

        p.runOk("clean").assertOutContains("Cleaned target/");

        assertFalse(p.exists("target"));
    }

    @Test
    void cleanWithoutCleanTargetsRemovesTheTargetPath() {
        TestProject p = TestProject.in(dir).dbtProject("target-path: out\n").file("models/m.sql", "select 1 as id")
                .file("logs/keep.txt", "not an artifact");
        p.runOk("build");
        assertTrue(p.exists("out/proj.duckdb"));

        p.runOk("clean").assertOutContains("Cleaned out/");

        assertFalse(p.exists("out"));
        assertTrue(p.exists("logs/keep.txt"));
    }

    @Test
    void selectByNameBuildsOnlyThatNode() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/b.sql", "select 2 as id");

        p.runOk("build", "--select", "b").assertOutContains("TOTAL=1");

        assertEquals(List.of("main.b"), p.relations());
    }

    @Test
    void threadsFlagSetsTheConcurrency() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/b.sql", "select 2 as id");

        p.runOk("build", "--threads", "1").assertOutContains("Concurrency: 1 threads (target='dev')");
        p.runOk("build", "--threads", "2").assertOutContains("Concurrency: 2 threads (target='dev')");
    }

    @Test
    void failFastStopsAtTheFirstErrorAndSkipsTheRest() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a_bad.sql", "select * from missing_one")
                .file("models/b_bad.sql", "select * from missing_two")
                .file("models/c_good.sql", "select 1 as id");

        p.run("build", "--threads", "1").assertExit(1).assertOutContains("PASS=1 WARN=0 ERROR=2 SKIP=0 NO-OP=0 TOTAL=3");

        p.run("build", "--threads", "1", "--fail-fast").assertExit(1)
                .assertOutContains("PASS=0 WARN=0 ERROR=1 SKIP=2 NO-OP=0 TOTAL=3");
    }

    @Test
    void fullRefreshIsAccepted() {
        TestProject p = TestProject.in(dir).dbtProject().file("models/t.sql",
                "{{ config(materialized='table') }}\nselect 1 as id");
        p.runOk("build");
        p.runOk("build", "--full-refresh");
        assertEquals("1", p.value("select id from t"));
    }
}
