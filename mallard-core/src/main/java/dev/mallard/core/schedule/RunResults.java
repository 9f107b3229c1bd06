package dev.mallard.core.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a step ran, read from the target folder's run_results.json when the step wrote it:
 * the unique ids of its nodes and the messages of those that failed.
 */
public final class RunResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A step's nodes and failure messages. */
    public record Step(List<String> nodes, List<String> failures) {
    }

    private final Path file;

    /** {@code file}: the project's target/run_results.json (null: nodes are not recorded). */
    public RunResults(Path file) {
        this.file = file;
    }

    /** The file's modification time now (compared after the step), or null when there is none. */
    Object mark() {
        try {
            return file == null || !Files.isRegularFile(file) ? null : Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** The nodes of run_results.json when the step rewrote it (its time differs from {@code mark}); else none. */
    Step since(Object mark) {
        List<String> nodes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try {
            Object now = mark();
            if (now == null || now.equals(mark)) {
                return new Step(nodes, failures);
            }
            for (JsonNode r : JSON.readTree(file.toFile()).path("results")) {
                String id = r.path("unique_id").asText();
                nodes.add(id);
                String status = r.path("status").asText();
                if (status.equals("error") || status.equals("fail")) {
                    failures.add(id + ": " + r.path("message").asText(status));
                }
            }
        } catch (IOException e) {
            failures.add("run_results.json unreadable: " + e.getMessage());
        }
        return new Step(nodes, failures);
    }

    static String json(List<String> nodes) {
        try {
            return JSON.writeValueAsString(nodes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
