package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.ingest.postgres.PostgresTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The projects of conformance/projects-postgres, each built by dbt-postgres 1.11 and by Mallard
 * into schemas of their own on one server the class starts, and compared: every relation of
 * every schema they wrote ({@link PostgresSchemaComparison}: rows, types, comments, indexes,
 * constraints, grants), each node's status and failure count in run_results.json, and whether
 * the build exited 0. A project's optional {@code conformance.json} holds {@code build_args},
 * {@code steps} (more builds, each after copying its {@code overlay} folder over both
 * copies, with its own {@code build_args}), {@code roles} to create first, and
 * {@code mallard_output}: text Mallard's output must contain (its per-model errors).
 */
class PostgresConformanceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PostgresTestServer server;
    private static Path root;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresTestServer.start();
        root = Files.createTempDirectory("mallard-pg-conformance");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static Stream<String> projects() throws IOException {
        try (Stream<Path> dirs = Files.list(projectsDir())) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static Path projectsDir() {
        return TestProject.examplesDir().getParent().resolve("conformance").resolve("projects-postgres");
    }

    @ParameterizedTest
    @MethodSource("projects")
    void buildsWhatDbtPostgresBuilds(String project) throws Exception {
        assumeTrue(server != null, PostgresTestServer.NO_POSTGRES);
        Path dbt = DbtPostgresOracle.find();
        assumeTrue(dbt != null, DbtPostgresOracle.MISSING);
        Path source = projectsDir().resolve(project);
        JsonNode conf = Files.exists(source.resolve("conformance.json"))
                ? JSON.readTree(source.resolve("conformance.json").toFile()) : JSON.createObjectNode();
        createRoles(conf.path("roles"));
        Path theirs = copy(source, "dbt", project);
        Path ours = copy(source, "mallard", project);
        List<JsonNode> steps = new ArrayList<>();
        steps.add(JSON.createObjectNode());
        conf.path("steps").forEach(steps::add);
        int equalResults = 0;
        int results = 0;
        StringBuilder mallardOutput = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            if (step.hasNonNull("overlay")) {
                TestProject.copyTree(source.resolve(step.get("overlay").asText()), theirs);
                TestProject.copyTree(source.resolve(step.get("overlay").asText()), ours);
            }
            List<String> args = new ArrayList<>();
            conf.path("build_args").forEach(a -> args.add(a.asText()));
            step.path("build_args").forEach(a -> args.add(a.asText()));
            DbtPostgresOracle.Outcome d = DbtPostgresOracle.run(dbt, theirs, args.toArray(String[]::new));
            List<String> mallardArgs = new ArrayList<>(List.of("build", "--project-dir", ours.toString(),
                    "--profiles-dir", ours.toString()));
            mallardArgs.addAll(args);
            CommandResult m = TestProject.execute(mallardArgs.toArray(String[]::new));
            mallardOutput.append(m.out()).append(m.err());
            String where = project + ", build " + (i + 1);
            assertTrue(Files.exists(theirs.resolve("target/run_results.json")), where + ": dbt wrote no run_results.json:\n"
                    + d.output());
            assertEquals(d.exitCode() == 0, m.exitCode() == 0, where + ": exit codes " + d.exitCode() + " (dbt) and "
                    + m.exitCode() + " (Mallard)\n" + m.out() + m.err());
            Map<String, String> expected = results(theirs);
            Map<String, String> actual = results(ours);
            assertEquals(expected, actual, where + ": run_results differ\n" + m.out() + m.err());
            equalResults += expected.size();
            results += expected.size();
        }
        for (JsonNode text : conf.path("mallard_output")) {
            assertTrue(mallardOutput.toString().contains(text.asText()), project + ": Mallard's output lacks '"
                    + text.asText() + "':\n" + mallardOutput);
        }
        List<String> lines;
        try (Connection c = server.connect()) {
            lines = new PostgresSchemaComparison(c).compare(schema("dbt", project), schema("mallard", project));
        }
        long equal = lines.stream().filter(l -> l.startsWith("match")).count();
        // the figures the conformance report quotes
        System.out.println("postgres conformance " + project + ": relations " + equal + "/" + lines.size()
                + " equal, run results " + equalResults + "/" + results + " equal over " + steps.size() + " builds");
        assertFalse(lines.isEmpty(), project + " built no relations");
        // deliberate improvements over dbt-postgres, each named exactly in conformance.json: one that no
        // longer shows fails too, so the list cannot go stale
        List<String> known = new ArrayList<>();
        conf.path("known_differences").forEach(k -> known.add(k.path("diff").asText()));
        List<String> diffs = lines.stream().filter(l -> l.startsWith("DIFF")).toList();
        assertEquals(known, diffs.stream().filter(known::contains).toList(), project
                + ": a known difference (conformance.json) did not show:\n" + String.join("\n", lines));
        assertEquals(List.of(), diffs.stream().filter(l -> !known.contains(l)).toList(), project + ":\n"
                + String.join("\n", lines));
    }

    private static Path copy(Path source, String tool, String project) throws IOException {
        Path dir = root.resolve(tool).resolve(project);
        TestProject.copyTree(source, dir);
        String profile = Files.readAllLines(source.resolve("dbt_project.yml")).stream()
                .filter(l -> l.startsWith("profile:")).findFirst().orElseThrow().substring("profile:".length()).strip();
        Files.writeString(dir.resolve("profiles.yml"), profile + ":\n  target: pg\n  outputs:\n    pg:\n"
                + "      type: postgres\n      host: 127.0.0.1\n      port: " + server.port + "\n      user: mallard\n"
                + "      password: " + PostgresTestServer.PASSWORD + "\n      dbname: mallard_test\n      schema: "
                + schema(tool, project) + "\n      threads: 2\n");
        return dir;
    }

    private static String schema(String tool, String project) {
        return (tool.equals("dbt") ? "dbt_" : "mal_") + project;
    }

    private static void createRoles(JsonNode roles) throws SQLException {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            for (JsonNode role : roles) {
                st.execute("do $$ begin create role " + role.asText() + "; exception when duplicate_object then null; "
                        + "end $$");
            }
        }
    }

    /**
     * Each node's status and failure count, by unique_id; a generic test by its id without the
     * hash suffix dbt adds to long names, as conformance/harness.py pairs them.
     */
    private static Map<String, String> results(Path project) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode r : JSON.readTree(project.resolve("target/run_results.json").toFile()).path("results")) {
            String id = r.path("unique_id").asText();
            String[] parts = id.split("\\.");
            String key = id.startsWith("test.") && parts.length > 3 ? String.join(".", List.of(parts).subList(0, 3)) : id;
            out.put(key, r.path("status").asText() + " failures=" + r.path("failures").asText("null"));
        }
        return out;
    }

    /** Every project folder is a dbt project (so none is silently left out). */
    @org.junit.jupiter.api.Test
    void everyProjectFolderIsAProject() throws IOException {
        Set<String> names = new TreeSet<>(projects().toList());
        assertFalse(names.isEmpty());
        for (String name : names) {
            assertTrue(Files.exists(projectsDir().resolve(name).resolve("dbt_project.yml")), name);
        }
    }
}
