package dev.mallard.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Java model's refs, sources and @Config read from its source without compiling it. */
class JavaModelReaderTest {

    @Test
    void findsLiteralRefsSourcesAndConfig() {
        JavaModelReader.Declared d = JavaModelReader.read("models/m.java", """
                import dev.mallard.api.*;

                @Config({"materialized: incremental", "unique_key: id", "tags: [a, b]", "meta: {owner: ann}"})
                public class M implements JavaModel {
                    public ModelOutput run(ModelContext ctx) {
                        String a = ctx.ref("orders");
                        String b = ctx.ref("pkg", "customers");
                        String c = ctx.source("raw", "events");
                        return ModelOutput.query("select * from " + a + b + c);
                    }
                }
                """);
        assertEquals(List.of(new RefCall(null, "orders", 6), new RefCall("pkg", "customers", 7)), d.refs());
        assertEquals(List.of(new SourceCall("raw", "events", 8)), d.sources());
        assertEquals(Map.of("materialized", "incremental", "unique_key", "id", "tags", List.of("a", "b"),
                "meta", Map.of("owner", "ann")), d.config());
    }

    @Test
    void aSingleConfigEntryAndTheQualifiedAnnotationAreRead() {
        JavaModelReader.Declared d = JavaModelReader.read("models/m.java", """
                @dev.mallard.api.Config(value = "alias: renamed")
                public class M implements dev.mallard.api.JavaModel {
                    public dev.mallard.api.ModelOutput run(dev.mallard.api.ModelContext ctx) {
                        return dev.mallard.api.ModelOutput.query("select 1");
                    }
                }
                """);
        assertEquals(Map.of("alias", "renamed"), d.config());
        assertEquals(List.of(), d.refs());
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() {
        MallardException e = assertThrows(MallardException.class, () -> JavaModelReader.read("models/m.java",
                "public class M {\n  void f() {\n    int x = ;\n  }\n}\n"));
        assertEquals("models/m.java", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("Java syntax error"), e.getMessage());
    }

    @Test
    void aRefOfAVariableIsRejectedWithItsLine() {
        MallardException e = assertThrows(MallardException.class, () -> JavaModelReader.read("models/m.java", """
                public class M {
                    String f(dev.mallard.api.ModelContext ctx, String name) {
                        return ctx.ref(name);
                    }
                }
                """));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("string literals only"), e.getMessage());
    }

    @Test
    void aConfigEntryThatIsNotKeyValueIsRejected() {
        MallardException e = assertThrows(MallardException.class, () -> JavaModelReader.read("models/m.java",
                "@Config({\"table\"})\npublic class M {}\n"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("not \"key: value\""), e.getMessage());
    }

    @Test
    void onlyTablesAndIncrementalTablesAreSupported() {
        JavaModelReader.requireSupported("table", "m.java");
        JavaModelReader.requireSupported("incremental", "m.java");
        MallardException e = assertThrows(MallardException.class,
                () -> JavaModelReader.requireSupported("view", "models/m.java"));
        assertTrue(e.getMessage().contains("cannot be materialized as 'view'"), e.getMessage());
    }
}
