package dev.mallard.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one YAML loader: as PyYAML reads, within bounds, with errors and warnings naming file and line. */
class YamlFilesTest {
    @TempDir
    Path dir;

    /** 9 levels of 9 aliases: a few hundred bytes that expand to 9^9 (387 million) strings. */
    static String billionLaughs() {
        StringBuilder sb = new StringBuilder("name: proj\nvars:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        String previous = "a";
        for (String n : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
            sb.append("  ").append(n).append(": &").append(n).append(" [");
            sb.append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
            previous = n;
        }
        return sb.toString();
    }

    @Test
    void aliasesThatExpandBeyondTheBoundAreRefusedNamingTheFile() {
        MallardException e = assertThrows(MallardException.class,
                () -> YamlFiles.parseMap(billionLaughs(), "dbt_project.yml"));
        assertEquals("dbt_project.yml", e.file());
        assertTrue(e.getMessage().contains("aliases expand to more than"), e.getMessage());
    }

    @Test
    void aFewAliasesAndMergeKeysStillWork() {
        Map<String, Object> y = YamlFiles.parseMap("""
                defaults: &d {materialized: table, tags: [a]}
                models:
                  - {name: x, config: {<<: *d, alias: y}}
                  - {name: z, config: *d}
                """, "schema.yml");
        List<?> models = (List<?>) y.get("models");
        assertEquals(Map.of("materialized", "table", "tags", List.of("a"), "alias", "y"),
                ((Map<?, ?>) models.get(0)).get("config"));
        assertEquals(Map.of("materialized", "table", "tags", List.of("a")), ((Map<?, ?>) models.get(1)).get("config"));
    }

    @Test
    void anAliasInsideItselfIsRefusedWithItsLine() {
        MallardException e = assertThrows(MallardException.class,
                () -> YamlFiles.parseMap("name: x\nloop: &l\n  - 1\n  - *l\n", "selectors.yml"));
        assertEquals("selectors.yml", e.file());
        assertEquals(2, e.line()); // where the value that contains itself starts
    }

    @Test
    void nestingBeyondTheBoundIsRefusedNamingTheFile() {
        String deep = "a: " + "[".repeat(YamlFiles.MAX_NESTING_DEPTH + 10) + "]".repeat(YamlFiles.MAX_NESTING_DEPTH + 10);
        MallardException e = assertThrows(MallardException.class, () -> YamlFiles.parseMap(deep, "models/deep.yml"));
        assertEquals("models/deep.yml", e.file());
    }

    @Test
    void nestingAsDeepAsRealProjectsGoIsRead() {
        // dbt_project.yml config trees nest a folder per level; SnakeYAML's default stops at 50
        String deep = "a: " + "[".repeat(70) + "1" + "]".repeat(70);
        assertEquals(List.of("a"), List.copyOf(YamlFiles.parseMap(deep, "dbt_project.yml").keySet()));
    }

    @Test
    void aDuplicateKeyIsWarnedAboutWithFileAndLineAndTheLastValueWins() {
        Warnings warnings = new Warnings();
        Map<String, Object> y = YamlFiles.parseMap("""
                version: 2
                models:
                  - name: m
                    description: first
                    description: second
                """, "models/schema.yml", warnings);
        assertEquals("second", ((Map<?, ?>) ((List<?>) y.get("models")).get(0)).get("description"));
        assertEquals(1, warnings.all().size(), warnings.all().toString());
        String w = warnings.all().get(0);
        assertTrue(w.contains("Duplicate key 'description'") && w.contains("`models/schema.yml`")
                && w.contains("line 5"), w);
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithTheLineOfTheFirstBadByte() throws IOException {
        Path file = dir.resolve("schema.yml");
        byte[] latin1 = "version: 2\nmodels:\n  - name: m\n    description: caf\u00e9\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);
        MallardException e = assertThrows(MallardException.class, () -> YamlFiles.readMap(file, dir));
        assertEquals("schema.yml", e.file());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void aFileLargerThanTheBoundIsRefusedBeforeItIsParsed() {
        String huge = "a: '" + "x".repeat(YamlFiles.MAX_CODE_POINTS) + "'\n";
        MallardException e = assertThrows(MallardException.class, () -> YamlFiles.parseMap(huge, "big.yml"));
        assertEquals("big.yml", e.file());
    }
}
