package dev.mallard.core.javamodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.api.JavaModel;
import dev.mallard.api.ModelOutput;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java models compiled in process, cached by their source, with compile errors at file:line. */
class JavaModelCompilerTest {
    private static final String MODEL = """
            import dev.mallard.api.*;

            public class Totals implements JavaModel {
                public ModelOutput run(ModelContext ctx) {
                    return ModelOutput.query("select 42 as answer");
                }
            }
            """;

    @TempDir
    Path cache;

    static ModelNode model(String name, String source) {
        return new ModelNode(NodeId.of(ResourceType.MODEL, "proj", name), ResourceType.MODEL, name, "proj",
                name + ".java", "models/" + name + ".java", List.of("proj", name), source,
                new NodeConfig(Map.of("materialized", "table")), new Relation("db", "main", name), "", Map.of(),
                List.of(), List.of(), null, "sha");
    }

    @Test
    void compilesAModelWhoseClassIsNamedUnlikeItsFile() throws Exception {
        JavaModelCompiler compiler = new JavaModelCompiler(cache);
        Class<? extends JavaModel> type = compiler.load(model("totals", MODEL));
        assertEquals("Totals", type.getName());
        ModelOutput out = type.getDeclaredConstructor().newInstance().run(null);
        assertEquals(new ModelOutput.Query("select 42 as answer"), out);
    }

    @Test
    void anUnchangedSourceIsLoadedFromTheCacheAndAChangedOneCompiledAgain() throws Exception {
        JavaModelCompiler compiler = new JavaModelCompiler(cache);
        ModelNode m = model("totals", MODEL);
        assertTrue(compiler.needsCompile(m));
        Class<?> first = compiler.load(m);
        assertFalse(compiler.needsCompile(m));
        Path classFile;
        try (var files = Files.walk(cache)) {
            classFile = files.filter(p -> p.toString().endsWith("Totals.class")).findFirst().orElseThrow();
        }
        long written = Files.getLastModifiedTime(classFile).toMillis();
        Class<?> again = new JavaModelCompiler(cache).load(m);
        assertNotSame(first, again, "a new class loader per load");
        assertEquals(written, Files.getLastModifiedTime(classFile).toMillis(), "not compiled again");
        ModelNode changed = model("totals", MODEL.replace("42", "43"));
        assertTrue(compiler.needsCompile(changed));
        compiler.load(changed);
        try (var dirs = Files.list(cache)) {
            assertEquals(2, dirs.filter(p -> p.getFileName().toString().startsWith("totals-")).count());
        }
    }

    @Test
    void compileErrorsNameEveryFileAndLine() {
        String broken = MODEL.replace("return ModelOutput.query(\"select 42 as answer\");",
                "int x = \"text\";\n        return undefinedCall();");
        MallardException e = assertThrows(MallardException.class,
                () -> new JavaModelCompiler(cache).load(model("totals", broken)));
        assertEquals("models/totals.java", e.file());
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("models/totals.java:5: incompatible types"), e.getMessage());
        assertTrue(e.getMessage().contains("models/totals.java:6: cannot find symbol"), e.getMessage());
        try (var dirs = Files.list(cache)) {
            assertEquals(0, dirs.filter(p -> p.getFileName().toString().startsWith("totals-")).count(),
                    "nothing cached");
        } catch (java.io.IOException io) {
            throw new java.io.UncheckedIOException(io);
        }
    }

    @Test
    void aFileWithoutAModelClassIsAnError() {
        MallardException e = assertThrows(MallardException.class, () -> new JavaModelCompiler(cache).load(
                model("helper", "public class Helper { }")));
        assertTrue(e.getMessage().contains("exactly one class implementing dev.mallard.api.JavaModel, found 0"),
                e.getMessage());
    }
}
