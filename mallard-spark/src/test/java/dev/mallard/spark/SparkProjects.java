package dev.mallard.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Projects built on Spark by the tools a user runs: Mallard as {@code java -jar mallard.jar}
 * with this module's {@code target/lib} as its engine directory, and dbt-spark from
 * {@code .venv-spark} (the oracle). Each in a copy of the project with a {@code method:
 * session} profile, so each keeps its own warehouse and metastore.
 */
final class SparkProjects {
    private SparkProjects() {
    }

    record Outcome(int exitCode, String output) {
    }

    static Path repo() {
        return Path.of(System.getProperty("mallard.examples.dir", "../examples")).toAbsolutePath().normalize().getParent();
    }

    static Optional<Path> mallardJar() {
        Path jar = repo().resolve("mallard-cli/target/mallard.jar");
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    static Path engineLib() {
        return repo().resolve("mallard-spark/target/lib");
    }

    static Optional<Path> dbtSpark() {
        Path dbt = repo().resolve(".venv-spark/bin/dbt");
        return Files.isExecutable(dbt) ? Optional.of(dbt) : Optional.empty();
    }

    /**
     * A copy of {@code project} in {@code dest} with a dbt-spark session profile for {@code schema}.
     * dbt-spark's second build of a table with a {@code location_root} fails on the folder the
     * first left ("cannot create table with location to a non-empty directory") unless Spark
     * allows it; the profile does, for both tools.
     */
    static Path copy(Path project, Path dest, String profile, String schema) throws IOException {
        try (Stream<Path> files = Files.walk(project)) {
            for (Path f : files.toList()) {
                Path to = dest.resolve(project.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (!f.toString().contains("/target/")) {
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(dest.resolve("profiles.yml"), profile + ":\n  target: dev\n  outputs:\n    dev:\n"
                + "      type: spark\n      method: session\n      host: NA\n      schema: " + schema + "\n      threads: 1\n"
                // dbt-spark cannot build a location_root table a second time without it (Mallard clears the folder)
                + "      server_side_parameters:\n        spark.sql.legacy.allowNonEmptyLocationInCTAS: \"true\"\n");
        return dest;
    }

    static Outcome mallard(Path project, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-jar",
                mallardJar().orElseThrow().toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--project-dir", project.toString(), "--profiles-dir", project.toString()));
        return run(cmd, project, Map.of("MALLARD_ENGINES", engineLib().toString()));
    }

    static Outcome dbt(Path project, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(dbtSpark().orElseThrow().toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--profiles-dir", project.toString()));
        return run(cmd, project, Map.of("DBT_SEND_ANONYMOUS_USAGE_STATS", "false"));
    }

    /** Dumps a warehouse's schema with pyspark (the oracle's Spark) to JSON text: kinds, columns, sorted rows. */
    static String dump(Path warehouse, Path metastore, String schema) throws Exception {
        Path out = Files.createTempFile("spark-dump", ".json");
        Path python = repo().resolve(".venv-spark/bin/python");
        Path script = repo().resolve("mallard-spark/src/test/oracle/dump_relations.py");
        Outcome o = run(List.of(python.toString(), script.toString(), warehouse.toString(), metastore.toString(), schema,
                out.toString()), warehouse.getParent(), Map.of());
        if (o.exitCode() != 0) {
            throw new AssertionError("dumping " + warehouse + " failed:\n" + o.output());
        }
        String json = Files.readString(out);
        Files.delete(out);
        return json;
    }

    private static Outcome run(List<String> cmd, Path cwd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().putAll(env);
        Path log = Files.createTempFile("spark-run", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Outcome(p.exitValue(), output);
    }
}
