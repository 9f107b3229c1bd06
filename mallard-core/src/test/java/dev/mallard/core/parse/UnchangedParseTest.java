package dev.mallard.core.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.artifacts.ArtifactMetadata;
import dev.mallard.core.artifacts.ManifestWriter;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.graph.Dag;
import dev.mallard.core.graph.Linker;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path of an unchanged project's {@code parse} ({@link UnchangedParse} and
 * {@code ManifestWriter.writeUnchanged}): it writes the very bytes the parse would, and it is
 * refused whenever anything the parse reads changed or the previous parse did not link.
 */
class UnchangedParseTest {
    private static final ArtifactMetadata FIRST = ArtifactMetadata.now("first", Instant.parse("2026-01-01T00:00:00Z"),
            "duckdb", "test");
    private static final ArtifactMetadata SECOND = ArtifactMetadata.now("second",
            Instant.parse("2026-01-02T00:00:00Z"), "duckdb", "test");

    @TempDir
    Path dir;
    private Map<String, Object> vars = Map.of();
    private Map<String, String> env = Map.of();
    private String target;
    private Integer threads;

    @BeforeEach
    void writeProject() throws IOException {
        write("profiles.yml", "proj:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: proj.duckdb\n"
                + "    other:\n      type: duckdb\n      path: other.duckdb\n      schema: other_schema\n");
        write("dbt_project.yml", "name: proj\nversion: '1.0'\nconfig-version: 2\nprofile: proj\nvars:\n  suffix: one\n");
        write("macros/shout.sql", "{% macro shout(x) %}upper({{ x }}){% endmacro %}\n");
        write("models/a.sql", "{{ config(materialized='table') }}\nselect {{ shout(\"'a'\") }} as x\n");
        write("models/b.sql", "{{ config(tags=[var('suffix'), env_var('PP_TAG', 'no_env')]) }}\n"
                + "select * from {{ ref('a') }} join {{ source('raw', 'events') }} using (x)\n");
        write("models/schema.yml", "version: 2\nmodels:\n  - name: a\n    description: zero\n    description: first\n"
                + "    columns:\n      - name: x\n        data_tests: [not_null]\n"
                + "sources:\n  - name: raw\n    tables:\n      - name: events\n");
        write("seeds/s.csv", "id,name\n1,a\n");
    }

    @Test
    void writesTheBytesTheParseWritesWithItsOwnMetadata() throws Exception {
        settle();
        parse(FIRST);
        Path manifest = dir.resolve("target/manifest.json");
        byte[] byParse = parse(SECOND);
        UnchangedParse unchanged = UnchangedParse.find(project(new Warnings()), env);
        assertNotNull(unchanged);
        Parser.Result saved = lastResult;
        assertEquals(saved.manifest().nodes().size(), unchanged.nodes());
        assertEquals(1, unchanged.rootMacros());
        assertTrue(unchanged.warnings().stream().anyMatch(w -> w.contains("description")), unchanged.warnings().toString());

        Files.delete(manifest);
        assertNull(new ManifestWriter(SECOND).writeUnchanged(dir.resolve("target"), "proj", unchanged.parsedAt()),
                "no previous body: nothing to reuse");
        byte[] whole = parse(SECOND); // written whole, from the saved parse decoded
        assertArrayEquals(byParse, whole);
        assertNotNull(new ManifestWriter(SECOND).writeUnchanged(dir.resolve("target"), "proj", unchanged.parsedAt()));
        assertArrayEquals(whole, Files.readAllBytes(manifest), "the same bytes as the parse, metadata included");

        assertNotNull(new ManifestWriter(FIRST).writeUnchanged(dir.resolve("target"), "proj", unchanged.parsedAt()));
        String fast = Files.readString(manifest);
        String byParseText = new String(byParse, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(fast.contains("\"invocation_id\":\"first\""), fast.substring(0, 300));
        assertEquals(body(byParseText), body(fast), "only the metadata differs");
    }

    @Test
    void anyChangeToWhatTheParseReadsIsNotSkipped() throws Exception {
        settle();
        parse(FIRST);
        parse(FIRST);
        assertFast();

        rewriteKeepingTime("models/a.sql", "{{ config(materialized='view') }}\nselect {{ shout(\"'a'\") }} as x\n");
        assertChangeSeen();
        vars = Map.of("suffix", "two");
        assertChangeSeen();
        env = Map.of("PP_TAG", "from_env");
        assertChangeSeen();
        target = "other";
        assertChangeSeen();
        rewriteKeepingTime("macros/shout.sql", "{% macro shout(x) %}lower({{ x }}){% endmacro %}\n");
        assertChangeSeen();
        rewriteKeepingTime("models/schema.yml", Files.readString(dir.resolve("models/schema.yml"))
                .replace("first", "other"));
        assertChangeSeen();
        write("models/d.sql", "select 4 as d\n");
        assertChangeSeen();
        Files.delete(dir.resolve("models/d.sql"));
        assertChangeSeen();
        write("dbt_project.yml", "name: proj\nversion: '1.0'\nconfig-version: 2\nprofile: proj\nvars:\n  suffix: six\n");
        vars = Map.of();
        assertChangeSeen();
    }

    @Test
    void anotherThreadCountIsSkippedUnlessATemplateReadIt() throws Exception {
        threads = 1;
        settle();
        parse(FIRST);
        parse(FIRST);
        threads = 2;
        assertFast(); // no template reads target.threads: the thread count is not an input

        write("models/t.sql", "{{ config(tags=['t' ~ target.threads]) }}\nselect 1 as t\n");
        settle();
        parse(FIRST);
        parse(FIRST);
        assertFast();
        threads = 3;
        assertChangeSeen();
    }

    @Test
    void aParseThatDidNotLinkIsNeverSkipped() throws Exception {
        settle();
        parse(FIRST);
        write("models/c.sql", "select * from {{ ref('missing') }}\n");
        settle();
        Warnings warnings = new Warnings();
        Parser.Result result = new Parser(project(warnings), warnings, true, env).parse();
        assertThrows(RuntimeException.class, () -> new Linker(result.manifest(), result.disabledNames()).link());
        UnchangedParse unchanged = UnchangedParse.find(project(new Warnings()), env);
        assertNotNull(unchanged, "the saved parse is there and its files unchanged");
        assertNull(new ManifestWriter(SECOND).writeUnchanged(dir.resolve("target"), "proj", unchanged.parsedAt()),
                "manifest.json is an older parse's: the command parses and links (and fails) again");
    }

    @Test
    void aRefusedFastPathHandsItsKeyAndStampsToTheParseSafely() throws Exception {
        settle();
        parse(FIRST);
        rewriteKeepingTime("models/a.sql", "select 2 as x\n");
        settle();
        Warnings warnings = new Warnings();
        Project project = project(warnings);
        assertNull(UnchangedParse.find(project, env));
        // a file written after the stamps were taken, before the parse reads it
        rewriteKeepingTime("models/b.sql", "select * from {{ ref('a') }}\n");
        settle();
        // (this parse may or may not see it, as with any file written while a parse runs; the next one must)
        new Parser(project, warnings, true, env).parse();
        assertNull(UnchangedParse.find(project(new Warnings()), env),
                "saved with the stamps taken before b.sql changed: the next parse parses again");
        Warnings full = new Warnings();
        Parser.Result fresh = new Parser(project(full), full, false, env).parse();
        settle();
        parse(FIRST);
        assertEquals(fresh.manifest().nodes().keySet(), lastResult.manifest().nodes().keySet());
        assertEquals(fresh.manifest().nodes().get(new dev.mallard.core.manifest.NodeId("model.proj.b")),
                lastResult.manifest().nodes().get(new dev.mallard.core.manifest.NodeId("model.proj.b")));
        assertFast();
    }

    private Parser.Result lastResult;

    /** A partial parse, linked, its manifest.json written as the parse command writes it; the file's bytes. */
    private byte[] parse(ArtifactMetadata metadata) throws IOException {
        Warnings warnings = new Warnings();
        Parser parser = new Parser(project(warnings), warnings, true, env);
        lastResult = parser.parse();
        Dag dag = new Linker(lastResult.manifest(), lastResult.disabledNames()).link();
        Path file = new ManifestWriter(metadata).write(dir.resolve("target"), lastResult.manifest(), dag, Map.of(),
                parser.parsedAt(), parser.patched());
        return Files.readAllBytes(file);
    }

    private void assertFast() throws IOException {
        UnchangedParse unchanged = UnchangedParse.find(project(new Warnings()), env);
        assertNotNull(unchanged);
        assertNotNull(new ManifestWriter(SECOND).writeUnchanged(dir.resolve("target"), "proj", unchanged.parsedAt()));
    }

    /** The fast path is refused; a parse and a second one settle, and the fast path is taken again. */
    private void assertChangeSeen() throws Exception {
        assertNull(UnchangedParse.find(project(new Warnings()), env));
        settle();
        parse(FIRST);
        assertFast();
    }

    private static String body(String manifest) {
        int at = manifest.indexOf("},\"nodes\":");
        assertTrue(at > 0, manifest.substring(0, Math.min(300, manifest.length())));
        return manifest.substring(at);
    }

    private void rewriteKeepingTime(String path, String text) throws IOException {
        ProjectFiles.rewriteKeepingTime(dir, path, text);
    }

    private void settle() throws Exception {
        ProjectFiles.settle(() -> project(new Warnings()));
    }

    private Project project(Warnings warnings) {
        return new ProjectLoader(env, (cliVars, projectVars) -> new YamlValueRenderer(cliVars), warnings)
                .load(new ProjectLoader.Options(dir, dir, target, threads, vars));
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
