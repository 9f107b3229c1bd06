package dev.mallard.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.artifacts.ArtifactMetadata;
import dev.mallard.core.artifacts.ManifestWriter;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.graph.Dag;
import dev.mallard.core.graph.Linker;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.ModelVersion;
import dev.mallard.core.manifest.NodeId;
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

/** Versioned models as the parser reads them, and through the partial-parse cache. */
class ModelVersionsParseTest {
    private static final ArtifactMetadata METADATA = ArtifactMetadata.now("id", Instant.parse("2026-01-01T00:00:00Z"),
            "duckdb", "test");

    @TempDir
    Path dir;
    private List<String> warnings;
    private String note;

    @BeforeEach
    void writeProject() throws IOException {
        write("profiles.yml", "proj:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: proj.duckdb\n");
        write("dbt_project.yml", "name: proj\nversion: '1.0'\nconfig-version: 2\nprofile: proj\n");
        write("models/m_v1.sql", "select 1 as id");
        write("models/m_v2.sql", "select 2 as id");
        write("models/m_beta.sql", "select 3 as id");
        write("models/reader.sql", "select * from {{ ref('m', v=1) }}, {{ ref('m', version='2') }}, {{ ref('m') }}");
        write("models/schema.yml", """
                version: 2
                models:
                  - name: m
                    latest_version: 1.5
                    deprecation_date: 2999-12-31
                    versions:
                      - v: 1
                      - v: 2
                      - v: 1.5
                        defined_in: m_beta
                        deprecation_date: 2999-12-31 10:00:00
                """);
    }

    @Test
    void versionsAreNodesOfTheirOwnWithVersionFields() {
        Parser.Result result = parse(false);
        ModelNode beta = (ModelNode) result.manifest().nodes().get(new NodeId("model.proj.m.v1.5"));
        assertEquals("m", beta.name());
        assertEquals("m_v1_5", beta.relation().identifier(), "dbt's generate_alias_name replaces the dot");
        assertEquals(List.of("proj", "m", "v1.5"), beta.fqn());
        assertTrue(beta.version().isLatest());
        assertEquals("2999-12-31T10:00:00+00:00", beta.version().deprecationDate());
        ModelNode v1 = (ModelNode) result.manifest().nodes().get(new NodeId("model.proj.m.v1"));
        assertNull(v1.version().deprecationDate(), "as in dbt, the model's own date is not a version's");
        ModelNode v2 = (ModelNode) result.manifest().nodes().get(new NodeId("model.proj.m.v2"));
        assertTrue(v2.version().isPrerelease());
        assertEquals("m.v2", v2.displayName());
        Dag dag = new Linker(result.manifest(), result.disabledNames()).link();
        assertEquals(List.of("model.proj.m.v1", "model.proj.m.v1.5", "model.proj.m.v2"),
                dag.parents(new NodeId("model.proj.reader")).stream().map(NodeId::value).sorted().toList());
        // dbt's words for an unpinned ref to a version whose date has not come yet
        assertEquals(List.of("[WARNING]: While compiling 'reader': Found a reference to m, which is slated for "
                + "deprecation on '2999-12-31T10:00:00+00:00'. "), warnings);
    }

    @Test
    void aCachedParseKeepsPinnedVersionsAsWritten() {
        Map<String, Object> full = manifest(false);
        Map<String, Object> cached = manifest(true);
        assertTrue(note.contains("saved files reused"), note);
        assertEquals(full, cached);
        Map<?, ?> reader = (Map<?, ?>) ((Map<?, ?>) cached.get("nodes")).get("model.proj.reader");
        List<?> refs = (List<?>) reader.get("refs");
        assertEquals(1, ((Number) ((Map<?, ?>) refs.get(0)).get("version")).intValue(), "a number, as written");
        assertEquals("2", ((Map<?, ?>) refs.get(1)).get("version"));
        assertNull(((Map<?, ?>) refs.get(2)).get("version"));
        Map<?, ?> beta = (Map<?, ?>) ((Map<?, ?>) cached.get("nodes")).get("model.proj.m.v1.5");
        assertEquals(1.5, beta.get("version"));
    }

    @Test
    void aVersionWithoutItsFileIsWarnedAboutAndLeftOut() throws IOException {
        Files.delete(dir.resolve("models/m_v2.sql"));
        write("models/reader.sql", "select * from {{ ref('m') }}");
        Parser.Result result = parse(false);
        assertTrue(warnings.contains("[WARNING]: Did not find matching node for patch with name 'm_v2' in the 'models'"
                + " section of file 'models/schema.yml'"), warnings.toString());
        assertTrue(!result.manifest().nodes().containsKey(new NodeId("model.proj.m.v2")));
    }

    @Test
    void aLatestVersionThatIsNoneOfTheVersionsIsAnError() throws IOException {
        write("models/schema.yml", "version: 2\nmodels:\n  - name: m\n    latest_version: 9\n    versions:\n"
                + "      - v: 1\n      - v: 2\n");
        MallardException e = assertThrows(MallardException.class, () -> parse(false));
        assertEquals("models/schema.yml", e.file());
        assertTrue(e.getMessage().contains("latest_version: 9 is not one of model 'm' versions: [1, 2]"), e.getMessage());
    }

    @Test
    void aLatestVersionOfAModelWithoutVersionsIsAnErrorAsInDbt() throws IOException {
        // dbt 1.11: "Parsing Error: latest_version: 2 is not one of model 'm' versions: []", model file or not
        for (String name : List.of("m", "no_such_model")) {
            write("models/schema.yml", "version: 2\nmodels:\n  - name: " + name + "\n    latest_version: 2\n");
            MallardException e = assertThrows(MallardException.class, () -> parse(false));
            assertEquals("models/schema.yml", e.file());
            assertTrue(e.getMessage().contains("latest_version: 2 is not one of model '" + name + "' versions: []"),
                    e.getMessage());
        }
    }

    @Test
    void versionsCompareAsNumbersWhenTheyAreNumbers() {
        assertTrue(ModelVersion.compare(10, 9) > 0);
        assertTrue(ModelVersion.compare("10", 9.5) > 0);
        assertTrue(ModelVersion.compare("beta", "alpha") > 0);
        assertEquals("1.5", ModelVersion.text(1.5));
        assertEquals("2.0", ModelVersion.text(2.0));
        assertTrue(new ModelVersion(1, 2, null).isOld());
    }

    private Parser.Result parse(boolean partialParse) {
        Warnings w = new Warnings();
        Project project = new ProjectLoader(Map.of(), (cliVars, projectVars) -> new YamlValueRenderer(cliVars), w)
                .load(new ProjectLoader.Options(dir, dir, null, null, Map.of()));
        Parser parser = new Parser(project, w, partialParse, Map.of());
        Parser.Result result = parser.parse();
        note = parser.cacheNote();
        warnings = w.all();
        return result;
    }

    private Map<String, Object> manifest(boolean partialParse) {
        Parser.Result result = parse(partialParse);
        Dag dag = new Linker(result.manifest(), result.disabledNames()).link();
        return new ManifestWriter(METADATA).document(result.manifest(), dag, Map.of(), "target");
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
