package dev.mallard.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.artifacts.ArtifactMetadata;
import dev.mallard.core.artifacts.ManifestWriter;
import dev.mallard.core.error.MallardException;
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
 * The saved parse patched for changed model files (dbt's partial parsing): after a model's
 * SQL changed, a partial parse re-renders that model alone, and its manifest is the one a
 * full parse gives (refs, config, macros called, tests, the DAG); a change the patch does not
 * cover (a file added or deleted, YAML, a model disabled, a render error, unit tests) parses
 * in full, with the same result.
 */
class ParsePatchTest {
    private static final ArtifactMetadata METADATA = ArtifactMetadata.now("id", Instant.parse("2026-01-01T00:00:00Z"),
            "duckdb", "test");
    private static final String PATCHED = "is patched";
    private static final String REUSED = "reused whole";

    @TempDir
    Path dir;
    private Map<String, String> env = Map.of();
    private String lastNote;
    private List<String> lastWarnings;
    private Map<String, Object> lastFull;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @BeforeEach
    void writeProject() throws IOException {
        write("profiles.yml", "proj:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: proj.duckdb\n");
        write("dbt_project.yml", "name: proj\nversion: '1.0'\nconfig-version: 2\nprofile: proj\n"
                + "models:\n  proj:\n    +tags: [from_project]\n");
        write("macros/shout.sql", "{% macro shout(x) %}upper({{ x }}){% endmacro %}\n");
        write("models/a.sql", "{{ config(materialized='table') }}\nselect {{ shout(\"'a'\") }} as x\n");
        write("models/b.sql", "select * from {{ ref('a') }} join {{ source('raw', 'events') }} using (x)\n");
        write("models/c.sql", "select 1 as x\n");
        write("models/sub/d.sql", "select * from {{ ref('b') }}\n");
        write("models/lonely.sql", "select 1 as x\n");
        write("models/schema.yml", "version: 2\nmodels:\n  - name: b\n    description: the b model\n"
                + "    config:\n      tags: [from_yaml]\n"
                + "    columns:\n      - name: x\n        data_tests: [not_null, unique]\n"
                + "  - name: d\n    data_tests:\n      - relationships:\n          arguments:\n            to: ref('c')\n"
                + "            field: x\n          column_name: x\n"
                + "sources:\n  - name: raw\n    tables:\n      - name: events\n"
                + "exposures:\n  - name: dash\n    type: dashboard\n    owner: {name: me}\n    depends_on: [ref('b')]\n"
                + "macros:\n  - name: shout\n    description: Shouts\n    arguments: [{name: x, type: string}]\n");
        write("seeds/s.csv", "id,name\n1,a\n");
        write("snapshots/snap.sql", "{% snapshot snap %}{{ config(target_schema='snaps', unique_key='id', "
                + "strategy='check', check_cols='all') }}select * from {{ ref('a') }}{% endsnapshot %}\n");
        write("tests/b_has_rows.sql", "select * from {{ ref('b') }} where 1 = 0\n");
        write("dbt_packages/helper/dbt_project.yml", "name: helper\nversion: '1.0'\nconfig-version: 2\n");
        write("dbt_packages/helper/models/h.sql", "select 1 as h\n");
    }

    @Test
    void aModelsChangedSqlIsPatchedAndEqualsAFullParse() throws Exception {
        Map<String, Object> before = saved();
        write("models/b.sql", "-- edited\nselect * from {{ ref('a') }} join {{ source('raw', 'events') }} using (x)\n");
        Map<String, Object> patched = assertPatched();
        assertNotEquals(before, patched);
        assertTrue(node(patched, "model.proj.b").get("raw_code").toString().startsWith("-- edited"));
        assertEquals("Shouts", ((Map<?, ?>) ((Map<?, ?>) patched.get("macros")).get("macro.proj.shout"))
                .get("description"), "the macro's properties are kept");
    }

    @Test
    void changedRefsConfigAndMacroCallsArePatched() throws Exception {
        saved();
        write("models/b.sql", "{{ config(materialized='table', schema='other', tags=['own'], alias='bee') }}\n"
                + "select {{ shout('x') }} from {{ ref('c') }}\n");
        Map<String, Object> patched = assertPatched();
        Map<?, ?> dependsOn = (Map<?, ?>) node(patched, "model.proj.b").get("depends_on");
        assertEquals(List.of("model.proj.c"), dependsOn.get("nodes"));
        assertEquals(List.of("macro.proj.shout"), dependsOn.get("macros"));
        assertEquals("bee", node(patched, "model.proj.b").get("alias"));
        assertTrue(((Map<?, ?>) patched.get("child_map")).get("model.proj.c").toString().contains("model.proj.b"));

        write("models/b.sql", "select * from {{ ref('a') }}\n"); // back: the macro call and the source go
        Map<String, Object> again = assertPatched();
        assertEquals(List.of(), ((Map<?, ?>) node(again, "model.proj.b").get("depends_on")).get("macros"));
    }

    @Test
    void severalChangedModelsArePatchedTogether() throws Exception {
        saved();
        write("models/c.sql", "select 2 as x\n");
        write("models/sub/d.sql", "{{ config(materialized='table') }}select * from {{ ref('a') }}\n");
        assertPatched();
    }

    @Test
    void anEnvVarReadByAPatchedModelIsCheckedNextTime() throws Exception {
        saved();
        write("models/c.sql", "select '{{ env_var('PP_COLOR', 'none') }}' as x\n");
        assertPatched();
        env = Map.of("PP_COLOR", "red");
        Map<String, Object> changed = partial();
        assertFalse(lastNote.contains(REUSED), lastNote);
        assertEquals(full(), changed);
        assertTrue(node(changed, "model.proj.c").get("raw_code").toString().contains("PP_COLOR"));
    }

    @Test
    void anAddedOrRemovedModelIsPatchedInTheFilesOrder() throws Exception {
        saved();
        write("models/sub/e.sql", "select * from {{ ref('c') }}\n");
        write("models/a2.sql", "{{ config(materialized='table') }}select 5 as x\n");
        Map<String, Object> added = assertPatched(false);
        assertEquals(List.of("model.proj.a", "model.proj.a2", "model.proj.b", "model.proj.c"),
                ((Map<?, ?>) added.get("nodes")).keySet().stream().limit(4).toList());
        Files.delete(dir.resolve("models/sub/e.sql"));
        Map<String, Object> removed = assertPatched(false);
        assertFalse(((Map<?, ?>) removed.get("nodes")).containsKey("model.proj.e"));
        Files.delete(dir.resolve("models/a2.sql"));
        write("models/c.sql", "select 3 as x\n");
        assertPatched(false);
    }

    @Test
    void anAddedOrRemovedModelWithPropertiesParsesInFull() throws Exception {
        write("models/ghost.yml", "version: 2\nmodels:\n  - name: ghost\n    columns:\n      - name: x\n"
                + "        data_tests: [not_null]\n");
        saved();
        assertTrue(lastWarnings.stream().anyMatch(w -> w.contains("ghost")), lastWarnings.toString());
        write("models/ghost.sql", "select 1 as x\n");
        Map<String, Object> found = assertFullParse();
        assertTrue(((Map<?, ?>) found.get("nodes")).keySet().stream().anyMatch(id -> id.toString()
                .startsWith("test.proj.not_null_ghost_x")));
        Files.delete(dir.resolve("models/sub/d.sql"));
        assertFullParse();
        write("models/lonely2.sql", "select 1 as x\n");
        write("models/seeded.sql", "select 1 as x\n");
        write("seeds/seeded.csv", "id\n1\n"); // a seed comes too: not a model file, and of a model's name
        assertFullParse();
        assertTrue(lastWarnings.stream().anyMatch(w -> w.contains("DuplicateNameDistinctNodeTypes")), lastWarnings
                .toString()); // a seed beside the model of its name, which dbt only warns about
    }

    @Test
    void whatThePatchDoesNotCoverParsesInFull() throws Exception {
        saved();
        write("models/schema.yml", Files.readString(dir.resolve("models/schema.yml")).replace("the b model", "b"));
        assertFullParse();
        write("macros/shout.sql", "{% macro shout(x) %}lower({{ x }}){% endmacro %}\n");
        assertFullParse();
        write("snapshots/snap.sql", Files.readString(dir.resolve("snapshots/snap.sql")).replace("'all'", "['id']"));
        assertFullParse();
        write("dbt_packages/helper/models/h.sql", "select 2 as h\n");
        assertFullParse();
        write("models/lonely.sql", "{{ config(enabled=false) }}select 1 as x\n");
        Map<String, Object> disabled = assertFullParse();
        assertFalse(((Map<?, ?>) disabled.get("nodes")).containsKey("model.proj.lonely"));
        write("models/lonely.sql", "select 1 as x\n");
        Map<String, Object> enabled = assertFullParse();
        assertTrue(((Map<?, ?>) enabled.get("nodes")).containsKey("model.proj.lonely"));
    }

    @Test
    void aModelThatNoLongerRendersFailsAsAFullParseDoes() throws Exception {
        saved();
        write("models/b.sql", "select {{ shout( from x\n");
        settle();
        MallardException partial = assertThrows(MallardException.class, this::partial);
        MallardException full = assertThrows(MallardException.class, this::full);
        assertEquals(full.getMessage(), partial.getMessage());
        write("models/b.sql", "select * from {{ ref('missing') }}\n"); // a ref that does not link: the linker's error
        settle();
        MallardException unlinked = assertThrows(MallardException.class, this::partial);
        assertTrue(lastNote.contains(PATCHED), lastNote);
        assertEquals(assertThrows(MallardException.class, this::full).getMessage(), unlinked.getMessage());
    }

    @Test
    void aProjectWithVersionedModelsKeepsTheirPlaceWhenAnotherModelIsPatched() throws Exception {
        write("models/dim_v1.sql", "select 1 as x\n");
        write("models/dim_v2.sql", "select 2 as x\n");
        write("models/versions.yml", "version: 2\nmodels:\n  - name: dim\n    latest_version: 2\n"
                + "    versions:\n      - v: 1\n      - v: 2\n");
        saved();
        write("models/c.sql", "select * from {{ ref('dim', v=1) }}\n");
        assertPatched();
        write("models/zz.sql", "select 1 as x\n"); // a file added in a project with versions: in full
        assertFullParse();
    }

    @Test
    void aProjectWithAnIngestIsPatchedWithItsManifestEntry() throws Exception {
        write("ingest/events.yml", "ingests:\n  - name: events_files\n    type: files\n    table: raw.events\n"
                + "    key: id\n    path: data/*.csv\n");
        saved();
        write("models/c.sql", "select * from {{ source('raw', 'events') }}\n");
        assertPatched();
        assertTrue(manifestFile().containsKey("ingests"));
    }

    @Test
    void aProjectWithUnitTestsParsesInFull() throws Exception {
        write("models/more.yml", "version: 2\nunit_tests:\n  - name: ut\n    model: c\n    given: []\n"
                + "    expect:\n      rows: [{x: 1}]\n");
        saved();
        write("models/c.sql", "select 2 as x\n");
        assertFullParse();
    }

    /** A project parsed and saved whole (the next parse reuses it), its manifest. */
    private Map<String, Object> saved() throws Exception {
        settle();
        partial();
        Map<String, Object> reused = partial();
        assertTrue(lastNote.contains(REUSED), lastNote);
        return reused;
    }

    /**
     * The next partial parse patches the saved one, equals a full parse, and is itself saved
     * whole; manifest.json, patched from the previous file, is the full parse's document (but
     * for the unchanged nodes' created_at, kept from the previous file as dbt keeps it).
     */
    private Map<String, Object> assertPatched() throws Exception {
        return assertPatched(true);
    }

    /** As above; manifest.json is patched entry by entry only when the same nodes are there ({@code sameNodes}). */
    private Map<String, Object> assertPatched(boolean sameNodes) throws Exception {
        settle();
        Map<String, Object> previousFile = manifestFile();
        Map<String, Object> patched = partial();
        assertTrue(lastNote.contains(PATCHED), lastNote);
        List<String> patchedWarnings = lastWarnings;
        Map<String, Object> full = full();
        assertEquals(full, patched);
        for (String section : List.of("nodes", "sources", "macros")) {
            assertEquals(List.copyOf(((Map<?, ?>) full.get(section)).keySet()),
                    List.copyOf(((Map<?, ?>) patched.get(section)).keySet()), section + " in a full parse's order");
        }
        Map<String, Object> file = manifestFile();
        assertEquals(sameNodes, createdAt(previousFile, "model.proj.lonely").equals(createdAt(file,
                "model.proj.lonely")), "manifest.json was patched, not written whole (or the other way round)");
        assertEquals(normalized(full), normalized(file));
        assertEquals(lastWarnings, patchedWarnings);
        assertEquals(patched, partial());
        assertTrue(lastNote.contains(REUSED), lastNote);
        return patched;
    }

    /** The next partial parse is a full one (not patched), and equals a full parse; the one after reuses it. */
    private Map<String, Object> assertFullParse() throws Exception {
        settle();
        Map<String, Object> parsed = partial();
        assertFalse(lastNote.contains(PATCHED) || lastNote.contains(REUSED), lastNote);
        assertEquals(full(), parsed);
        assertEquals(parsed, partial());
        assertTrue(lastNote.contains(REUSED), lastNote);
        return parsed;
    }

    private void settle() throws Exception {
        ProjectFiles.settle(() -> project(new Warnings()));
    }

    private Project project(Warnings warnings) {
        return new ProjectLoader(env, (cliVars, projectVars) -> new YamlValueRenderer(cliVars), warnings)
                .load(new ProjectLoader.Options(dir, dir, null, null, Map.of()));
    }

    private Map<String, Object> partial() {
        return manifest(true);
    }

    private Map<String, Object> full() {
        return manifest(false);
    }

    /** The manifest document of a parse; a partial parse also writes manifest.json as a command does. */
    private Map<String, Object> manifest(boolean partialParse) {
        Warnings warnings = new Warnings();
        Parser parser = new Parser(project(warnings), warnings, partialParse, env);
        Parser.Result result = parser.parse();
        lastNote = parser.cacheNote();
        lastWarnings = warnings.all();
        Dag dag = new Linker(result.manifest(), result.disabledNames()).link();
        if (partialParse) {
            new ManifestWriter(METADATA).write(dir.resolve("target"), result.manifest(), dag, Map.of(),
                    parser.parsedAt(), parser.patched());
        }
        return new ManifestWriter(METADATA).document(result.manifest(), dag, Map.of(), "target");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> manifestFile() throws IOException {
        return JSON.readValue(dir.resolve("target/manifest.json").toFile(), Map.class);
    }

    private static Object createdAt(Map<String, Object> manifest, String id) {
        return node(manifest, id).get("created_at");
    }

    /** The document as JSON gives it back, without its metadata and created_at times. */
    @SuppressWarnings("unchecked")
    private static Object normalized(Map<String, Object> document) throws IOException {
        Map<String, Object> copy = JSON.readValue(JSON.writeValueAsBytes(document), Map.class);
        copy.remove("metadata");
        return withoutCreatedAt(copy);
    }

    private static Object withoutCreatedAt(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!"created_at".equals(k)) {
                    out.put(k, withoutCreatedAt(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(ParsePatchTest::withoutCreatedAt).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Map<String, Object> manifest, String id) {
        return (Map<String, Object>) ((Map<String, Object>) manifest.get("nodes")).get(id);
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
