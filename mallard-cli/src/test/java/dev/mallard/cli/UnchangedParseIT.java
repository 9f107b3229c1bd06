package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mallard parse} of an unchanged project takes the fast path (no parse, no link; the
 * saved body of manifest.json with new metadata) and says what a parse says; a changed file
 * and a project that does not link are never skipped (UnchangedParseTest in mallard-core checks
 * every other input: vars, env vars read, macros, target, added and removed files).
 */
class UnchangedParseIT {
    private static final String REUSED = "reused whole";

    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("macros/twice.sql", "{% macro twice(x) %}({{ x }} * 2){% endmacro %}")
                .file("models/a.sql", "select {{ twice(1) }} as n")
                .file("models/b.sql", "select n, '{{ env_var('UNCHANGED_PARSE_IT', 'none') }}' as e from {{ ref('a') }}")
                .file("models/schema.yml", "version: 2\nmodels:\n  - name: a\n    description: one\n"
                        + "    description: two\n    columns:\n      - name: n\n        data_tests: [not_null]\n");
    }

    @Test
    void anUnchangedProjectGivesTheParsesOutputAndManifest() throws Exception {
        TestProject p = project();
        settle();
        CommandResult first = debugParse(p).assertOk();
        assertFalse(first.out().contains(REUSED), first.out());
        JsonNode parsed = p.json("target/manifest.json");
        CommandResult fast = debugParse(p).assertOk();
        assertTrue(fast.out().contains(REUSED), fast.out());
        assertEquals(counts(first.out()), counts(fast.out()));
        assertTrue(counts(fast.out()).startsWith("Parsed 3 nodes and 1 macros"), fast.out());
        assertTrue(first.out().contains("Duplicate key 'description'"), first.out());
        // a deprecation is said by the parse that meets it: dbt's partial parse does not say it again
        assertFalse(fast.out().contains("Duplicate key 'description'"), fast.out());
        JsonNode reused = p.json("target/manifest.json");
        assertNotEquals(parsed.path("metadata").path("invocation_id"), reused.path("metadata").path("invocation_id"));
        assertEquals(withoutInvocation(parsed), withoutInvocation(reused));
    }

    @Test
    void aChangedModelIsParsed() throws Exception {
        TestProject p = project();
        settle();
        p.run("parse").assertOk();
        p.run("parse").assertOk();
        p.file("models/a.sql", "select {{ twice(21) }} as n");
        settle();
        CommandResult changed = debugParse(p).assertOk();
        assertFalse(changed.out().contains(REUSED), changed.out());
        assertTrue(p.json("target/manifest.json").path("nodes").path("model." + p.name() + ".a").path("raw_code").asText()
                .contains("twice(21)"));
    }

    @Test
    void aProjectThatDoesNotLinkFailsEveryTime() throws Exception {
        TestProject p = project();
        settle();
        p.run("parse").assertOk();
        p.file("models/c.sql", "select * from {{ ref('missing') }}");
        settle();
        p.run("parse").assertFailed().assertOutputContains("missing");
        p.run("parse").assertFailed().assertOutputContains("missing");
    }

    private static CommandResult debugParse(TestProject p) {
        return TestProject.execute("--log-level", "debug", "parse", "--project-dir", p.dir().toString());
    }

    /** Waits until the files are old enough for their stamps to be trusted (a parse is then saved whole). */
    private static void settle() throws InterruptedException {
        Thread.sleep(250);
    }

    private static String counts(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Parsed \\d+ nodes and \\d+ macros").matcher(out);
        assertTrue(m.find(), out);
        return m.group();
    }

    private static JsonNode withoutInvocation(JsonNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        ObjectNode metadata = (ObjectNode) copy.path("metadata");
        metadata.remove("invocation_id");
        metadata.remove("generated_at");
        metadata.remove("invocation_started_at");
        return copy;
    }
}
