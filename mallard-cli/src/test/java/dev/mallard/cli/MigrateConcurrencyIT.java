package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code migrate up} at once, the second in another process: DuckDB lets one process
 * hold the file, so the other either fails at once with a clear message (--lock-timeout 0)
 * or waits and then finds nothing left to apply. Every migration is applied exactly once.
 */
class MigrateConcurrencyIT {
    @TempDir
    Path dir;

    static String[] args(Path dir, String verb, String... rest) {
        List<String> args = new ArrayList<>(List.of("migrate", verb, "--project-dir", dir.toString()));
        args.addAll(Arrays.asList(rest));
        return args.toArray(String[]::new);
    }

    @Test
    void twoConcurrentUpsApplyEachMigrationOnce() throws Exception {
        Path marker = dir.resolve("slow-started");
        TestProject project = TestProject.in(dir).dbtProject()
                .file("migrations/V2__events.sql", "-- migrate:up\nCREATE TABLE events (id INTEGER);\n"
                        + "INSERT INTO events VALUES (1);\n");
        // a migration that holds the database long enough for the second run to find it busy
        JavaSources.compile(dir.resolve("migrations/java"), Map.of("app.V1Slow", """
                package app;
                public class V1Slow implements dev.mallard.core.migrate.JavaMigration {
                    public String version() { return "1"; }
                    public String description() { return "slow"; }
                    public void up(java.sql.Connection c) throws Exception {
                        try (var st = c.createStatement()) { st.execute("CREATE TABLE slow (id INTEGER)"); }
                        java.nio.file.Files.writeString(java.nio.file.Path.of(%s), "started");
                        Thread.sleep(6000);
                    }
                }
                """.formatted(javaString(marker.toString()))));

        Process first = startMallard(args(dir, "up"));
        waitFor(marker, first);

        CommandResult impatient = TestProject.execute(args(dir, "up", "--lock-timeout", "0"));
        CommandResult patient = TestProject.execute(args(dir, "up", "--lock-timeout", "120s"));

        assertTrue(first.waitFor(120, TimeUnit.SECONDS), "the first migrate up did not finish");
        String firstOut = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String firstErr = new String(first.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, first.exitValue(), firstOut + firstErr);
        assertTrue(firstOut.contains("Applied 2 migration(s)."), firstOut + firstErr);

        impatient.assertExit(2).assertErrContains("is in use by another process", "another migrate may be running")
                .assertNoJavaInternals();
        patient.assertOk().assertOutContains("Nothing to apply");

        assertEquals(List.of(List.of("1", "1"), List.of("2", "1")), project.rows(
                "select version, count(*) from main.mallard_schema_history where success group by version order by 1"));
        assertEquals("1", project.value("select count(*) from events"));
    }

    @Test
    void twoThreadsOfOneProcessTakeTurns() throws Exception {
        Path marker = dir.resolve("slow-started");
        TestProject project = TestProject.in(dir).dbtProject()
                .file("migrations/V2__events.sql", "-- migrate:up\nCREATE TABLE events (id INTEGER);\n");
        JavaSources.compile(dir.resolve("migrations/java"), Map.of("app.V1Slow", """
                package app;
                public class V1Slow implements dev.mallard.core.migrate.JavaMigration {
                    public String version() { return "1"; }
                    public String description() { return "slow"; }
                    public void up(java.sql.Connection c) throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(%s), "started");
                        Thread.sleep(1500);
                    }
                }
                """.formatted(javaString(marker.toString()))));

        // Main.execute directly: the output goes wherever System.out points, only exit codes matter here
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> Main.execute(args(dir, "up")));
        while (!Files.exists(marker) && !first.isDone()) {
            Thread.sleep(20);
        }
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> Main.execute(args(dir, "up",
                "--lock-timeout", "60s")));

        assertEquals(0, first.get(120, TimeUnit.SECONDS));
        assertEquals(0, second.get(120, TimeUnit.SECONDS));
        assertEquals(List.of(List.of("1", "1"), List.of("2", "1")), project.rows(
                "select version, count(*) from main.mallard_schema_history group by version order by 1"));
    }

    private static Process startMallard(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command).redirectErrorStream(false).start();
    }

    private static void waitFor(Path marker, Process process) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(marker)) {
            if (!process.isAlive()) {
                throw new AssertionError("the first migrate up ended early:\n"
                        + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("the slow migration never started");
            }
            Thread.sleep(50);
        }
    }

    private static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
