package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real projects under examples/ build unchanged and give exactly the tables that
 * dbt-duckdb gave (examples/NAME/expected/*.csv, written by DuckDB COPY ... (HEADER)).
 */
class ExamplesIT {
    @TempDir
    static Path root;

    /** Each example is built once and shared by the tests that check it. */
    private static final Map<String, Built> BUILT = new HashMap<>();

    private record Built(TestProject project, CommandResult build) {
    }

    private static synchronized Built built(String example) {
        return BUILT.computeIfAbsent(example, name -> {
            TestProject p = TestProject.copyOfExample(name, root.resolve(name));
            return new Built(p, p.run("build"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"jaffle_shop", "causa_ganha"})
    void buildsWithExitCodeZero(String example) {
        built(example).build().assertOk().assertOutContains("Completed successfully", "ERROR=0 SKIP=0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jaffle_shop", "causa_ganha"})
    void everyExpectedTableHasTheExpectedRows(String example) {
        Built b = built(example);
        b.build().assertOk();
        List<Path> expectedFiles = expectedTables(example);
        assertFalse(expectedFiles.isEmpty(), "no expected/*.csv for " + example);
        for (Path csv : expectedFiles) {
            String table = csv.getFileName().toString().replaceFirst("\\.csv$", "");
            List<List<String>> expected = readCsv(b.project(), csv);
            List<String> header = expected.remove(0);
            assertEquals(header, b.project().columns("select * from " + table + " limit 0"), table + " columns");
            List<List<String>> actual = b.project().rows("select * from " + table);
            assertEquals(sorted(expected), sorted(blankForNull(actual)), table + " rows");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jaffle_shop", "causa_ganha"})
    void rowCountsMatchExpectedRowCounts(String example) {
        Built b = built(example);
        b.build().assertOk();
        Path counts = TestProject.examplesDir().resolve(example).resolve("expected").resolve("row_counts.csv");
        List<List<String>> rows = readCsv(b.project(), counts);
        assertEquals(List.of("relation", "rows"), rows.remove(0));
        for (List<String> r : rows) {
            assertEquals(r.get(1), b.project().value("select count(*) from " + r.get(0)), "rows in " + r.get(0));
        }
    }

    private static List<Path> expectedTables(String example) {
        Path dir = TestProject.examplesDir().resolve(example).resolve("expected");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".csv"))
                    .filter(f -> !f.getFileName().toString().equals("row_counts.csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV file read by DuckDB itself, every value as text, header first. */
    private static List<List<String>> readCsv(TestProject p, Path csv) {
        String file = csv.toAbsolutePath().toString().replace("'", "''");
        List<List<String>> rows = new ArrayList<>();
        rows.add(p.columns("select * from read_csv('" + file + "', header = true, all_varchar = true) limit 0"));
        rows.addAll(blankForNull(p.rows("select * from read_csv('" + file + "', header = true, all_varchar = true)")));
        return rows;
    }

    /** COPY writes SQL NULL as an empty field. */
    private static List<List<String>> blankForNull(List<List<String>> rows) {
        return rows.stream().map(r -> r.stream().map(v -> v == null ? "" : v).toList()).toList();
    }

    /** Row order is not part of a table; compare the rows sorted the same way. */
    private static List<List<String>> sorted(List<List<String>> rows) {
        Comparator<List<String>> byValues = (a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        };
        return rows.stream().sorted(byValues).toList();
    }
}
