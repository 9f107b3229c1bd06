package dev.mallard.jinja.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder oracle.py writes: cases.jsonl, contexts.json, expected.jsonl and meta.json.
 * Found through the system property {@code jinja.oracle.dir}, the environment variable
 * {@code JINJA_ORACLE_DIR}, or else as {@code target/jinja-oracle} of the checkout.
 */
record OracleFiles(Path dir, Path repoRoot) {
    static final String DEFAULT_DIR = "target/jinja-oracle";

    /** The checkout holding conformance/jinja, searched upwards from the working directory. */
    static Path findRepoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("conformance/jinja/oracle.py"))) {
                return p;
            }
        }
        return null;
    }

    static OracleFiles locate() {
        Path root = findRepoRoot();
        String configured = System.getProperty("jinja.oracle.dir", System.getenv("JINJA_ORACLE_DIR"));
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured).toAbsolutePath()
                : root == null ? null : root.resolve(DEFAULT_DIR);
        return new OracleFiles(dir, root);
    }

    boolean present() {
        return dir != null && Files.isRegularFile(cases()) && Files.isRegularFile(dir.resolve("expected.jsonl"));
    }

    Path cases() {
        return dir.resolve("cases.jsonl");
    }

    Path knownDifferences() {
        String configured = System.getProperty("jinja.oracle.known");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return repoRoot == null ? null : repoRoot.resolve("conformance/jinja/known_differences.json");
    }

    List<OracleCase> readCases() {
        List<OracleCase> cases = new ArrayList<>();
        for (JsonNode row : readLines(cases())) {
            List<String> features = new ArrayList<>();
            if (row.has("features")) {
                row.get("features").forEach(f -> features.add(f.asText()));
            }
            JsonNode compare = row.get("compare_message");
            cases.add(new OracleCase(Json.text(row, "id"), Json.text(row, "template"),
                    "parse".equals(Json.text(row, "mode")), row.get("context"), Json.text(row, "context_name"),
                    compare == null || compare.isNull() ? null : compare.asBoolean(), features, Json.text(row, "where")));
        }
        return cases;
    }

    Map<String, JsonNode> readContexts() {
        Path file = dir.resolve("contexts.json");
        Map<String, JsonNode> contexts = new HashMap<>();
        if (Files.isRegularFile(file)) {
            Json.parse(read(file)).fields().forEachRemaining(e -> contexts.put(e.getKey(), e.getValue()));
        }
        return contexts;
    }

    Map<String, Outcome> readExpected() {
        Map<String, Outcome> expected = new HashMap<>();
        for (JsonNode row : readLines(dir.resolve("expected.jsonl"))) {
            Outcome outcome;
            if (row.path("ok").asBoolean()) {
                outcome = Outcome.output(Json.text(row, "out"));
            } else {
                JsonNode e = row.path("error");
                outcome = Outcome.error(Json.text(e, "type"), Json.text(e, "message"), Json.text(e, "phase"));
            }
            expected.put(Json.text(row, "id"), outcome);
        }
        return expected;
    }

    /** meta.json's one-line description of the oracle, e.g. "dbt_common 1.39.0 get_environment ..., jinja2 3.1.6". */
    String oracleDescription() {
        Path file = dir.resolve("meta.json");
        if (!Files.isRegularFile(file)) {
            return "unknown oracle";
        }
        JsonNode meta = Json.parse(read(file));
        return meta.path("oracle").asText("unknown oracle") + ", jinja2 " + meta.path("jinja2").asText("?");
    }

    private static List<JsonNode> readLines(Path file) {
        List<JsonNode> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : read(file).split("\n")) {
            lineNo++;
            if (!line.isBlank()) {
                try {
                    rows.add(Json.parse(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage(), e);
                }
            }
        }
        return rows;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
