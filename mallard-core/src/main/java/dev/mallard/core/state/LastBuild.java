package dev.mallard.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mallard.core.artifacts.JsonArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

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
        Path current = targetDir.resolve(PreviousState.MANIFEST);
        if (built.isEmpty() || !Files.isRegularFile(current)) {
            return;
        }
        Path file = dir(targetDir).resolve(PreviousState.MANIFEST);
        ObjectNode merged = (ObjectNode) StateFiles.readJson(current);
        JsonNode thisRun = merged.path("nodes");
        ObjectNode nodes = merged.putObject("nodes");
        JsonNode previous = Files.isRegularFile(file) ? StateFiles.readJson(file).path("nodes") : null;
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
