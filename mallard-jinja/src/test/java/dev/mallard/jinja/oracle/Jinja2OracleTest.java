package dev.mallard.jinja.oracle;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Differential test against Python's Jinja2 as dbt-core 1.11 sets it up: every case that
 * conformance/jinja/oracle.py wrote (hand-written cases, dbt-utils macro files to parse, and
 * 20,000 generated expressions) must give Mallard's engine the oracle's output byte for
 * byte, or fail as it fails (with the same message for undefined errors), unless
 * conformance/jinja/known_differences.json explains the difference.
 *
 * <p>Skipped when the cases have not been generated; .ci/run and conformance/jinja/run.sh
 * generate them first. Writes summary.txt, report.txt and actual.jsonl beside the cases.
 */
class Jinja2OracleTest {

    @Test
    void mallardRendersEveryCaseAsJinja2Does() {
        OracleFiles files = OracleFiles.locate();
        assumeTrue(files.present(), () -> "no Jinja2 oracle cases in " + files.dir() + ": generate them with "
                + "`python3 conformance/jinja/oracle.py generate target/jinja-oracle` (needs jinja2; the dbt venv of "
                + "conformance/oracle_env.sh is preferred) or run conformance/jinja/run.sh");

        KnownDifferences known = KnownDifferences.load(files.knownDifferences());
        Map<String, Outcome> expected = files.readExpected();
        List<OracleCase> cases = files.readCases();
        Verdict.MessageRule rule = Verdict.MessageRule.fromProperty();
        OracleReport report = new OracleReport(files.oracleDescription());
        long started = System.nanoTime();
        try (MallardRunner runner = new MallardRunner(files.readContexts())) {
            for (OracleCase c : cases) {
                Outcome want = expected.get(c.id());
                if (want == null) {
                    fail("expected.jsonl has no result for case " + c.id() + ": regenerate the cases");
                }
                Outcome got = runner.run(c);
                Verdict verdict = Verdict.of(c, want, got, rule);
                report.add(new OracleReport.Result(c, want, got, verdict,
                        verdict == Verdict.EQUAL ? Optional.empty() : known.reasonFor(c)));
            }
        }
        String summary = report.summary(known) + String.format("  (%.1fs)%n", (System.nanoTime() - started) / 1e9);
        String examples = report.examples(OracleReport.EXAMPLES);
        write(files, report, summary + "\n" + examples, summary + "\n" + report.examples(Integer.MAX_VALUE));
        System.out.print(summary);
        if (!report.unexplained().isEmpty()) {
            fail(summary + examples + "(all of them: " + files.dir().resolve("report.txt") + ")");
        }
    }

    /** summary.txt: the counts and the first examples; report.txt: every difference; actual.jsonl: Mallard's results. */
    private static void write(OracleFiles files, OracleReport report, String summary, String full) {
        try {
            Files.writeString(files.dir().resolve("summary.txt"), summary, StandardCharsets.UTF_8);
            Files.writeString(files.dir().resolve("report.txt"), full, StandardCharsets.UTF_8);
            try (Writer w = Files.newBufferedWriter(files.dir().resolve("actual.jsonl"), StandardCharsets.UTF_8)) {
                for (OracleReport.Result r : report.results()) {
                    ObjectNode row = Json.MAPPER.createObjectNode().put("id", r.c().id()).put("ok", r.actual().ok());
                    if (r.actual().ok()) {
                        row.put("out", r.actual().out());
                    } else {
                        row.putObject("error").put("type", r.actual().errorType()).put("message", r.actual().message())
                                .put("phase", r.actual().phase());
                    }
                    row.put("verdict", r.verdict().name());
                    r.knownReason().ifPresent(reason -> row.put("known", reason));
                    w.write(Json.MAPPER.writeValueAsString(row));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
