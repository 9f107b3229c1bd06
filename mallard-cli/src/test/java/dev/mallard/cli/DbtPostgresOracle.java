package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * dbt-postgres 1.11, the oracle for the Postgres target: the {@code dbt} of the virtual
 * environment named by {@code MALLARD_DBT_POSTGRES_VENV}, else {@code .venv-pg} at the top
 * of the repository ({@code python3 -m venv .venv-pg && .venv-pg/bin/pip install
 * 'dbt-postgres==1.11.*' 'dbt-core==1.11.*'}). Tests that need it skip without it.
 */
final class DbtPostgresOracle {
    static final String MISSING = "dbt-postgres is not installed (python3 -m venv .venv-pg && .venv-pg/bin/pip install "
            + "'dbt-postgres==1.11.*' 'dbt-core==1.11.*', or set MALLARD_DBT_POSTGRES_VENV)";

    private DbtPostgresOracle() {
    }

    /** The dbt executable of a virtual environment with dbt-postgres, or null. */
    static Path find() throws IOException {
        String configured = System.getenv("MALLARD_DBT_POSTGRES_VENV");
        Path venv = configured != null ? Path.of(configured) : TestProject.examplesDir().getParent().resolve(".venv-pg");
        Path dbt = venv.resolve("bin").resolve("dbt");
        if (!Files.isExecutable(dbt)) {
            return null;
        }
        try (var libs = Files.list(venv.resolve("lib"))) {
            boolean adapter = libs.anyMatch(lib -> Files.isDirectory(lib.resolve("site-packages/dbt/adapters/postgres")));
            return adapter ? dbt : null;
        }
    }

    /** {@code dbt build} of the project in {@code dir} (plus {@code more} arguments), with its own profiles.yml; fails the test unless it exits 0. */
    static void build(Path dbt, Path dir, String... more) throws IOException, InterruptedException {
        Outcome o = run(dbt, dir, more);
        assertEquals(0, o.exitCode(), "dbt-postgres build failed:\n" + o.output());
    }

    /** What a dbt command ended with: its exit code and its console output. */
    record Outcome(int exitCode, String output) {
    }

    /** {@code dbt build} of the project in {@code dir} (plus {@code more} arguments), whatever its exit code. */
    static Outcome run(Path dbt, Path dir, String... more) throws IOException, InterruptedException {
        Path log = Files.createTempFile("dbt-postgres", ".out");
        try {
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(dbt.toString(), "build",
                    "--project-dir", dir.toString(), "--profiles-dir", dir.toString()));
            command.addAll(java.util.List.of(more));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("DBT_SEND_ANONYMOUS_USAGE_STATS", "false");
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
