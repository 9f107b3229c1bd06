package dev.mallard.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mallard.core.artifacts.JsonArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What the database last received: {@code target/last_build/manifest.json} holds, for
 * every node that a run, seed, snapshot or build finished successfully, its manifest
 * entry as of that build. {@code mallard check} compares the project with it as
 * {@code --state} (a node whose entry differs has changed since it was last built).
 * A node that failed keeps the entry of its last successful build.
 */
public final class LastBuild {
    public static final String DIR = "last_build";

    private LastBuild() {
    }

    public static Path dir(Path targetDir) {
        return targetDir.resolve(DIR);
    }

    /**
     * Merges the entries of {@code built} from the manifest just written into the last
     * build's manifest (created on first use).
     */
    public static void record(Path targetDir, Set<String> built) {
        record(targetDir, built, readPrevious(targetDir));
    }

    /**
     * Starts reading the last build's record (and setting up the JSON reader) on a thread of
     * its own, so that a command reads it while its nodes run; {@link #record(Path, Set,
     * CompletableFuture)} takes the result.
     */
    public static CompletableFuture<JsonNode> readAhead(Path targetDir) {
        CompletableFuture<JsonNode> previous = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                previous.complete(readPrevious(targetDir));
            } catch (Throwable e) {
                previous.completeExceptionally(e);
            }
        }, "last-build-read");
        t.setDaemon(true);
        t.start();
        return previous;
    }

    /** As {@link #record(Path, Set)}, with the last build's nodes read ahead ({@link #readAhead}). */
    public static void record(Path targetDir, Set<String> built, CompletableFuture<JsonNode> readAhead) {
        JsonNode previous;
        try {
            previous = readAhead.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        record(targetDir, built, previous);
    }

    /** The last build's nodes, or null before the first. */
    private static JsonNode readPrevious(Path targetDir) {
        Path file = dir(targetDir).resolve(PreviousState.MANIFEST);
        return Files.isRegularFile(file) ? StateFiles.readJson(file).path("nodes") : null;
    }

    private static void record(Path targetDir, Set<String> built, JsonNode previous) {
        Path current = targetDir.resolve(PreviousState.MANIFEST);
        if (built.isEmpty() || !Files.isRegularFile(current)) {
            return;
        }
        Path file = dir(targetDir).resolve(PreviousState.MANIFEST);
        ObjectNode merged = (ObjectNode) StateFiles.readJson(current);
        JsonNode thisRun = merged.path("nodes");
        ObjectNode nodes = merged.putObject("nodes");
        if (previous != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = previous.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                nodes.set(e.getKey(), e.getValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = thisRun.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (built.contains(e.getKey())) {
                nodes.set(e.getKey(), e.getValue());
            }
        }
        JsonArtifact.write(file, merged);
    }
}
