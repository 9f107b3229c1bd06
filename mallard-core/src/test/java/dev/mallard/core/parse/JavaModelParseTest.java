package dev.mallard.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.Warnings;
import dev.mallard.core.graph.Dag;
import dev.mallard.core.graph.Linker;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java model in a project's parse: a model node with language java, its dependencies in the
 * DAG both ways, its config merged like a SQL model's, and its file in the partial-parse cache.
 */
class JavaModelParseTest {
    @TempDir
    Path dir;
    private String lastNote;

    @BeforeEach
    void writeProject() throws IOException {
        write("profiles.yml", "proj:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: proj.duckdb\n");
        write("dbt_project.yml", "name: proj\nversion: '1.0'\nconfig-version: 2\nprofile: proj\n"
                + "models:\n  proj:\n    +tags: [project]\n    +meta: {from: project}\n");
        write("models/base.sql", "select 1 as id");
        write("models/enriched.java", """
                import dev.mallard.api.*;

                @Config({"meta: {from: class}"})
                public class Enriched implements JavaModel {
                    public ModelOutput run(ModelContext ctx) {
                        return ModelOutput.query("select * from " + ctx.ref("base"));
                    }
                }
                """);
        write("models/final.sql", "select * from {{ ref('enriched') }}");
        write("models/schema.yml", "models:\n  - name: enriched\n    config:\n      alias: enriched_table\n");
    }

    @Test
    void aJavaModelIsAModelNodeInTheDag() {
        Parser.Result result = parse(false);
        ModelNode java = (ModelNode) result.manifest().nodes().get(NodeId.of(
                dev.mallard.core.manifest.ResourceType.MODEL, "proj", "enriched"));
        assertEquals("java", java.language());
        assertEquals("sql", ((ModelNode) result.manifest().nodes().get(NodeId.of(
                dev.mallard.core.manifest.ResourceType.MODEL, "proj", "base"))).language());
        assertEquals("table", java.config().materialized(), "a Java model is a table by default");
        assertEquals("enriched_table", java.relation().identifier());
        assertEquals(Map.of("from", "class"), java.config().get("meta"));
        assertEquals(List.of("project"), java.config().tags());
        Dag dag = new Linker(result.manifest(), result.disabledNames()).link();
        assertEquals(List.of("model.proj.base"), dag.parents(java.id()).stream().map(NodeId::value).toList());
        assertEquals(List.of("model.proj.enriched"), dag.parents(NodeId.of(
                dev.mallard.core.manifest.ResourceType.MODEL, "proj", "final")).stream().map(NodeId::value).toList());
    }

    @Test
    void theJavaFileIsInThePartialParseCache() throws IOException {
        parse(true);
        parse(true);
        assertTrue(lastNote.contains("(4 of 4 saved files reused)"), lastNote);
        write("models/enriched.java", Files.readString(dir.resolve("models/enriched.java"))
                .replace("ctx.ref(\"base\")", "ctx.ref(\"final_input\")"));
        write("models/final_input.sql", "select 2 as id");
        Parser.Result result = parse(true);
        assertTrue(lastNote.contains("(3 of 4 saved files reused)"), lastNote);
        Dag dag = new Linker(result.manifest(), result.disabledNames()).link();
        assertEquals(List.of("model.proj.final_input"), dag.parents(NodeId.of(
                dev.mallard.core.manifest.ResourceType.MODEL, "proj", "enriched")).stream().map(NodeId::value).toList());
    }

    private Parser.Result parse(boolean partialParse) {
        Warnings warnings = new Warnings();
        Project project = new ProjectLoader(Map.of(), (cliVars, projectVars) -> new YamlValueRenderer(cliVars), warnings)
                .load(new ProjectLoader.Options(dir, dir, null, null, Map.of()));
        Parser parser = new Parser(project, warnings, partialParse, Map.of());
        Parser.Result result = parser.parse();
        lastNote = parser.cacheNote();
        return result;
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
