package dev.mallard.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole saved parse (target/mallard_parse_result.bin): an unchanged project's parse is
 * the saved one, equal to a full parse's; any change to what a parse reads (a file's text,
 * even at the same size and modification time, the list of files, a macro, a var, an env
 * var read, the target, a package's file) parses again and gives a full parse's manifest.
 */
class SavedParseTest {
    private static final ArtifactMetadata METADATA = ArtifactMetadata.now("id", Instant.parse("2026-01-01T00:00:00Z"),
            "duckdb", "test");
    private static final String REUSED = "reused whole";

    @TempDir
    Path dir;
    private Map<String, Object> vars = Map.of();
    private Map<String, String> env = Map.of();
    private String target;
    private Integer threads;
    private String lastNote;
    private List<String> lastWarnings;
    private Parser.Result lastResult;

    @BeforeEach
    void writeProject() throws IOException {
        write("profiles.yml", "proj:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: proj.duckdb\n"
                + "    other:\n      type: duckdb\n      path: other.duckdb\n      schema: other_schema\n");
        write("dbt_project.yml", "name: proj\nversion: '1.0'\nconfig-version: 2\nprofile: proj\nvars:\n  suffix: one\n");
        write("macros/shout.sql", "{% macro shout(x) %}upper({{ x }}){% endmacro %}\n");
        write("models/a.sql", "{{ config(materialized='table') }}\nselect {{ shout(\"'a'\") }} as x\n");
        write("models/b.sql", "{{ config(tags=[var('suffix'), env_var('PP_TAG', 'no_env'), target.schema]) }}\n"
                + "select * from {{ ref('a') }} join {{ source('raw', 'events') }} using (x)\n");
        write("models/c.sql", "select 1 as y\n");
        write("models/schema.yml", "version: 2\nmodels:\n  - name: a\n    description: zero\n    description: first\n"
                + "    columns:\n      - name: x\n        data_tests: [not_null]\n"
                + "sources:\n  - name: raw\n    tables:\n      - name: events\n");
        write("seeds/s.csv", "id,name\n1,a\n");
        write("snapshots/snap.sql", "{% snapshot snap %}{{ config(target_schema='snaps', unique_key='id', "
                + "strategy='check', check_cols='all') }}select * from {{ ref('a') }}{% endsnapshot %}\n");
        write("models/more.yml", "version: 2\nexposures:\n  - name: dash\n    type: dashboard\n"
                + "    owner: {name: me}\n    depends_on: [ref('a')]\n"
                + "unit_tests:\n  - name: ut\n    model: c\n    given: []\n    expect:\n      rows: [{y: 1}]\n");
        write("dbt_packages/helper/dbt_project.yml", "name: helper\nversion: '1.0'\nconfig-version: 2\n");
        write("dbt_packages/helper/models/h.sql", "select 1 as h\n");
    }

    @Test
    void anUnchangedProjectIsTheSavedParseAndEqualsAFullOne() throws Exception {
        settle();
        Map<String, Object> full = manifest(false);
        List<String> fullWarnings = lastWarnings;
        assertTrue(fullWarnings.stream().anyMatch(w -> w.contains("description")), fullWarnings.toString());
        assertFalse(Files.exists(dir.resolve("target").resolve(SavedParse.FILE_NAME)), "--no-partial-parse saves none");
        manifest(true);
        Map<String, Object> reused = manifest(true);
        assertTrue(lastNote.contains(REUSED), lastNote);
        assertEquals(full, reused);
        assertTrue(nodes(reused).containsKey("seed.proj.s") && nodes(reused).containsKey("snapshot.proj.snap"));
        assertTrue(((Map<?, ?>) reused.get("exposures")).containsKey("exposure.proj.dash"), reused.keySet().toString());
        assertEquals(1, ((Map<?, ?>) reused.get("unit_tests")).size());
        assertEquals(fullWarnings, lastWarnings, "the parse's warnings are given again");
        assertTrue(lastResult.jinja().hasMacro("shout"), "the engine is made when asked for");
    }

    @Test
    void aFileRewrittenWithTheSameSizeAndModificationTimeParsesAgain() throws Exception {
        settle();
        manifest(true);
        Path c = dir.resolve("models/c.sql");
        FileTime before = Files.getLastModifiedTime(c);
        Files.writeString(c, "select 2 as y\n");
        Files.setLastModifiedTime(c, before);
        assertChangeSeen();
        assertTrue(rawCode(manifest(true), "model.proj.c").contains("2 as y"));
    }

    @Test
    void eachInputOfTheParseParsesAgainWhenItChanges() throws Exception {
        settle();
        manifest(true);
        manifest(true);
        assertTrue(lastNote.contains(REUSED), lastNote);

        vars = Map.of("suffix", "two");
        assertChangeSeen();
        env = Map.of("PP_TAG", "from_env");
        assertChangeSeen();
        target = "other";
        assertChangeSeen();
        assertEquals(List.of("two", "from_env", "other_schema"), tags(manifest(true), "model.proj.b"));

        rewriteKeepingTime("macros/shout.sql", "{% macro shout(x) %}lower({{ x }}){% endmacro %}\n");
        assertChangeSeen();
        rewriteKeepingTime("dbt_packages/helper/models/h.sql", "select 2 as h\n");
        assertChangeSeen();
        rewriteKeepingTime("models/schema.yml", Files.readString(dir.resolve("models/schema.yml"))
                .replace("first", "other"));
        assertChangeSeen();
        write("models/d.sql", "select 4 as d\n");
        assertChangeSeen();
        assertTrue(nodes(manifest(true)).containsKey("model.proj.d"));
        Files.delete(dir.resolve("models/d.sql"));
        assertChangeSeen();
        assertFalse(nodes(manifest(true)).containsKey("model.proj.d"));
        write("dbt_project.yml", "name: proj\nversion: '1.0'\nconfig-version: 2\nprofile: proj\nvars:\n  suffix: six\n");
        vars = Map.of();
        assertChangeSeen();
        assertEquals(List.of("six", "from_env", "other_schema"), tags(manifest(true), "model.proj.b"));
    }

    @Test
    void anotherThreadCountReusesTheSavedParseUnlessATemplateReadIt() throws Exception {
        settle();
        manifest(true);
        manifest(true);
        assertTrue(lastNote.contains(REUSED), lastNote);
        threads = 2;
        manifest(true);
        assertTrue(lastNote.contains(REUSED), "no template reads target.threads: " + lastNote);

        // read by name, and by going through the target's entries
        write("models/t.sql", "{{ config(tags=['t' ~ target.threads]) }}\nselect 1 as t\n");
        write("models/u.sql", "{% for k, v in target.items() %}{% if k == 'threads' %}{{ config(tags=['u' ~ v]) }}"
                + "{% endif %}{% endfor %}\nselect 1 as u\n");
        settle();
        assertEquals(List.of("t2"), tags(manifest(true), "model.proj.t"));
        manifest(true);
        assertTrue(lastNote.contains(REUSED), lastNote);
        threads = 3;
        Map<String, Object> changed = manifest(true);
        assertFalse(lastNote.contains(REUSED), lastNote);
        assertEquals(List.of("t3"), tags(changed, "model.proj.t"));
        assertEquals(List.of("u3"), tags(changed, "model.proj.u"));
        assertEquals(manifest(false), changed);
        manifest(true);
        assertTrue(lastNote.contains(REUSED), lastNote);
        threads = 2;
        assertEquals(List.of("t2"), tags(manifest(true), "model.proj.t"));
        assertEquals(List.of("u2"), tags(manifest(true), "model.proj.u"));
    }

    @Test
    void aMacrosChangedPropertiesOrDocBlockAreInTheNextParse() throws Exception {
        write("macros/shout.yml", "version: 2\nmacros:\n  - name: shout\n    description: '{{ doc(\"loud\") }}'\n");
        write("macros/loud.md", "{% docs loud %}Shouts{% enddocs %}\n");
        settle();
        manifest(true);
        assertEquals("Shouts", macroDescription(manifest(true)));
        assertTrue(lastNote.contains(REUSED), lastNote);

        write("macros/shout.yml", "version: 2\nmacros:\n  - name: shout\n    description: Whispers\n");
        assertChangeSeen();
        assertEquals("Whispers", macroDescription(manifest(true)));
        write("macros/shout.yml", "version: 2\nmacros:\n  - name: shout\n    description: '{{ doc(\"loud\") }}'\n");
        assertChangeSeen();
        rewriteKeepingTime("macros/loud.md", "{% docs loud %}Yells!{% enddocs %}\n");
        assertChangeSeen();
        assertEquals("Yells!", macroDescription(manifest(true)));
    }

    @Test
    void aFileWrittenTooRecentlyForItsStampIsNotSavedWhole() throws Exception {
        settle();
        Files.setLastModifiedTime(dir.resolve("models/c.sql"), FileTime.from(Instant.now().plusSeconds(3600)));
        manifest(true);
        assertFalse(Files.exists(dir.resolve("target").resolve(SavedParse.FILE_NAME)));
        manifest(true);
        assertFalse(lastNote.contains(REUSED), lastNote);
    }

    @Test
    void aDamagedSavedParseIsIgnored() throws Exception {
        settle();
        Map<String, Object> full = manifest(true);
        Path saved = dir.resolve("target").resolve(SavedParse.FILE_NAME);
        byte[] bytes = Files.readAllBytes(saved);
        Files.write(saved, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        assertEquals(full, manifest(true));
        assertFalse(lastNote.contains(REUSED), lastNote);
        Files.writeString(saved, "not a saved parse");
        assertEquals(full, manifest(true));
        assertFalse(lastNote.contains(REUSED), lastNote);
    }

    @Test
    void anEnvVarReadFromTheProcessIsCheckedAgainstTheProcess() {
        String path = System.getenv("PATH");
        assertTrue(EnvReads.unchanged(Map.of("process:PATH", String.valueOf(path)), Map.of(), 1) == (path != null));
        assertFalse(EnvReads.unchanged(Map.of("process:PATH", "not the path"), Map.of("PATH", "not the path"), 1));
        assertTrue(EnvReads.unchanged(Map.of("parse:X", "1"), Map.of("X", "1"), 1));
        assertFalse(EnvReads.unchanged(Map.of("parse:X", "1"), Map.of(), 1));
    }

    /** The next partial parse does not reuse the saved one and equals a full parse; the one after reuses it again. */
    private void assertChangeSeen() throws Exception {
        Map<String, Object> changed = manifest(true);
        assertFalse(lastNote.contains(REUSED), lastNote);
        assertEquals(manifest(false), changed);
        settle();
        manifest(true);
        assertEquals(changed, manifest(true));
        assertTrue(lastNote.contains(REUSED), lastNote);
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

    private Map<String, Object> manifest(boolean partialParse) {
        Warnings warnings = new Warnings();
        Parser parser = new Parser(project(warnings), warnings, partialParse, env);
        lastResult = parser.parse();
        lastNote = parser.cacheNote();
        lastWarnings = warnings.all();
        Dag dag = new Linker(lastResult.manifest(), lastResult.disabledNames()).link();
        return new ManifestWriter(METADATA).document(lastResult.manifest(), dag, Map.of(), "target");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nodes(Map<String, Object> manifest) {
        return (Map<String, Object>) manifest.get("nodes");
    }

    @SuppressWarnings("unchecked")
    private static Object tags(Map<String, Object> manifest, String id) {
        return ((Map<String, Object>) ((Map<String, Object>) nodes(manifest).get(id)).get("config")).get("tags");
    }

    @SuppressWarnings("unchecked")
    private static String macroDescription(Map<String, Object> manifest) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) manifest.get("macros")).get("macro.proj.shout"))
                .get("description");
    }

    @SuppressWarnings("unchecked")
    private static String rawCode(Map<String, Object> manifest, String id) {
        return (String) ((Map<String, Object>) nodes(manifest).get(id)).get("raw_code");
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
