package dev.mallard.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * The partial-parse cache: a parse that reuses it gives the manifest a full parse gives, and
 * whatever a file's parse depends on (its text, a macro, a var, an env var it read, the
 * properties files) is parsed again when it changes.
 */
class ParseCacheTest {
    private static final ArtifactMetadata METADATA = ArtifactMetadata.now("id", Instant.parse("2026-01-01T00:00:00Z"),
            "duckdb", "test");

    @TempDir
    Path dir;
    private Map<String, Object> vars = Map.of();
    private Map<String, String> env = Map.of();
    private String lastNote;
    private List<String> lastWarnings;

    @BeforeEach
    void writeProject() throws IOException {
        write("profiles.yml", "proj:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: proj.duckdb\n");
        write("dbt_project.yml", "name: proj\nversion: '1.0'\nconfig-version: 2\nprofile: proj\n"
                + "vars:\n  suffix: one\n");
        write("macros/shout.sql", "{% macro shout(x) %}upper({{ x }}){% endmacro %}\n"
                + "{% macro tag_of() %}{{ return('macro_tag') }}{% endmacro %}\n");
        write("models/a.sql", "{{ config(materialized='table', tags=[tag_of()]) }}\nselect {{ shout(\"'a'\") }} as x\n");
        write("models/b.sql", "{{ config(tags=[var('suffix'), env_var('PP_TAG', 'no_env')]) }}\n"
                + "select * from {{ ref('a') }} join {{ source('raw', 'events') }} using (x)\n");
        write("models/c.sql", "select 1 as y {% for i in range(2) %}, {{ i }} as c{{ i }}{% endfor %}\n");
        write("models/schema.yml", "version: 2\nmodels:\n  - name: a\n    description: zero\n    description: first\n"
                + "    columns:\n      - name: x\n        data_tests: [not_null]\n"
                + "sources:\n  - name: raw\n    tables:\n      - name: events\n");
    }

    @Test
    void aSecondParseReusesEveryFileAndGivesTheManifestOfAFullParse() {
        Map<String, Object> full = manifest(false);
        assertTrue(lastNote.contains("--no-partial-parse"), lastNote);
        List<String> fullWarnings = lastWarnings;
        Map<String, Object> cached = manifest(true);
        assertTrue(lastNote.contains("(4 of 4 saved files reused)"), lastNote);
        assertEquals(full, cached);
        assertTrue(fullWarnings.stream().anyMatch(w -> w.contains("description")), fullWarnings.toString());
        assertEquals(fullWarnings, lastWarnings, "the YAML warnings are given again");
        assertEquals(List.of("macro_tag"), config(cached, "model.proj.a").get("tags"));
    }

    @Test
    void anEditedModelIsParsedAgainAndTheOthersAreReused() throws IOException {
        manifest(true);
        write("models/c.sql", "select 2 as y, {{ ref('a') }}.x\n");
        Map<String, Object> cached = manifest(true);
        assertTrue(lastNote.contains("(3 of 4 saved files reused)"), lastNote);
        assertEquals(manifest(false), cached);
        assertEquals(List.of("model.proj.a"), dependsOn(cached, "model.proj.c"));
    }

    @Test
    void aChangedMacroVarOrEnvVarParsesAgain() throws IOException {
        manifest(true);
        write("macros/shout.sql", "{% macro shout(x) %}lower({{ x }}){% endmacro %}\n"
                + "{% macro tag_of() %}{{ return('new_tag') }}{% endmacro %}\n");
        Map<String, Object> macroChanged = manifest(true);
        assertTrue(lastNote.contains("macros"), lastNote);
        assertEquals(List.of("new_tag"), config(macroChanged, "model.proj.a").get("tags"));
        assertEquals(manifest(false), macroChanged);

        vars = Map.of("suffix", "two");
        Map<String, Object> varChanged = manifest(true);
        assertEquals(List.of("two", "no_env"), config(varChanged, "model.proj.b").get("tags"));
        assertEquals(manifest(false), varChanged);

        manifest(true);
        env = Map.of("PP_TAG", "from_env");
        Map<String, Object> envChanged = manifest(true);
        assertTrue(lastNote.contains("(3 of 4 saved files reused)"), "only b read PP_TAG: " + lastNote);
        assertEquals(List.of("two", "from_env"), config(envChanged, "model.proj.b").get("tags"));
        assertEquals(manifest(false), envChanged);
    }

    @Test
    void anEditedOrDeletedPropertiesFileOrModelIsNotReused() throws IOException {
        manifest(true);
        write("models/schema.yml", "version: 2\nmodels:\n  - name: a\n    description: second\n"
                + "    config:\n      materialized: view\n"
                + "sources:\n  - name: raw\n    tables:\n      - name: events\n");
        Map<String, Object> edited = manifest(true);
        assertEquals("table", config(edited, "model.proj.a").get("materialized"), "config() in the file wins");
        assertEquals("second", ((Map<?, ?>) nodes(edited).get("model.proj.a")).get("description"));
        assertEquals(manifest(false), edited);
        Files.delete(dir.resolve("models/c.sql"));
        Map<String, Object> deleted = manifest(true);
        assertTrue(!nodes(deleted).containsKey("model.proj.c"));
        assertEquals(manifest(false), deleted);
    }

    @Test
    void aCorruptCacheIsIgnored() throws IOException {
        Map<String, Object> full = manifest(true);
        Path cache = dir.resolve("target").resolve(ParseCache.FILE_NAME);
        byte[] bytes = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(full, manifest(true));
        assertTrue(lastNote.contains("cannot be read"), lastNote);
        Files.writeString(cache, "not a cache");
        assertEquals(full, manifest(true));
        assertTrue(lastNote.contains("another format"), lastNote);
        assertEquals(full, manifest(true));
        assertTrue(lastNote.contains("(4 of 4 saved files reused)"), "rewritten whole: " + lastNote);
    }

    @Test
    void plainValuesKeepTheirTypesAndOthersAreNotCached() throws IOException {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("s", "text");
        values.put("i", 1);
        values.put("l", 2L);
        values.put("b", java.math.BigInteger.TEN.pow(30));
        values.put("d", 1.5);
        values.put("t", true);
        values.put("n", null);
        values.put("list", new java.util.ArrayList<>(List.of(1, "x")));
        var bytes = new java.io.ByteArrayOutputStream();
        new SavedValues.Writer(new java.io.DataOutputStream(bytes), true).write(values);
        Object back = new SavedValues.Reader(java.nio.ByteBuffer.wrap(bytes.toByteArray())).read();
        assertEquals(values, back);
        assertEquals(Long.class, ((Map<?, ?>) back).get("l").getClass());
        assertEquals(null, ParseCache.configKey(Map.of("when", new java.util.Date(0))));
        assertEquals(null, ParseCache.configKey(Map.of("set", java.util.Set.of(1))), "the file-by-file cache keeps plain values only");
        assertNotEquals(ParseCache.configKey(Map.of("x", 1)), ParseCache.configKey(Map.of("x", 1L)));
    }

    private Map<String, Object> manifest(boolean partialParse) {
        // these tests are about the file-by-file cache: the whole saved parse (SavedParseTest) is set aside
        try {
            Files.deleteIfExists(dir.resolve("target").resolve(SavedParse.FILE_NAME));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Warnings warnings = new Warnings();
        Project project = new ProjectLoader(env, (cliVars, projectVars) -> new YamlValueRenderer(cliVars), warnings)
                .load(new ProjectLoader.Options(dir, dir, null, null, vars));
        Parser parser = new Parser(project, warnings, partialParse, env);
        Parser.Result result = parser.parse();
        lastNote = parser.cacheNote();
        lastWarnings = warnings.all();
        Dag dag = new Linker(result.manifest(), result.disabledNames()).link();
        return new ManifestWriter(METADATA).document(result.manifest(), dag, Map.of(), "target");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nodes(Map<String, Object> manifest) {
        return (Map<String, Object>) manifest.get("nodes");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Map<String, Object> manifest, String id) {
        return (Map<String, Object>) ((Map<String, Object>) nodes(manifest).get(id)).get("config");
    }

    @SuppressWarnings("unchecked")
    private static Object dependsOn(Map<String, Object> manifest, String id) {
        return ((Map<String, Object>) ((Map<String, Object>) nodes(manifest).get(id)).get("depends_on")).get("nodes");
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
