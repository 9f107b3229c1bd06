package dev.mallard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The CLI in a process of its own (to kill it, or to give it an environment): the tests' class path and Main. */
final class CliProcess {
    private CliProcess() {
    }

    static Process start(Path projectDir, Map<String, String> env, Path output, String command, String... rest)
            throws IOException {
        return start(List.of(), projectDir, env, output, command, rest);
    }

    /** With {@code jvmOptions} ({@code -Dname=value}) before the main class. */
    static Process start(List<String> jvmOptions, Path projectDir, Map<String, String> env, Path output, String command,
                         String... rest) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> args = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        args.addAll(jvmOptions);
        args.addAll(List.of(Main.class.getName(), command, "--project-dir", projectDir.toString()));
        args.addAll(Arrays.asList(rest));
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        pb.redirectOutput(output.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs to the end (at most two minutes) and returns the exit code and the output. */
    static CommandResult run(Path projectDir, Map<String, String> env, String command, String... rest)
            throws IOException, InterruptedException {
        Path output = java.nio.file.Files.createTempFile("mallard", ".out");
        try {
            Process p = start(projectDir, env, output, command, rest);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("mallard " + command + " did not finish in two minutes");
            }
            String out = java.nio.file.Files.readString(output, StandardCharsets.UTF_8);
            List<String> all = new ArrayList<>(List.of(command));
            all.addAll(Arrays.asList(rest));
            return new CommandResult(all, p.exitValue(), out, "");
        } finally {
            java.nio.file.Files.deleteIfExists(output);
        }
    }
}
