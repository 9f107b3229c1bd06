package dev.mallard.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The artifacts of a previous run that {@code --state DIR} points at: its
 * {@code manifest.json} (for {@code state:} selectors and {@code --defer}) and its
 * {@code run_results.json} (for {@code result:} selectors). Each file is read the first
 * time it is needed, so a missing one is an error only for the feature that needs it.
 */
public final class PreviousState {
    public static final String MANIFEST = "manifest.json";
    public static final String RUN_RESULTS = "run_results.json";

    private final Path dir;
    private JsonNode manifest;
    private PreviousResults results;

    private PreviousState(Path dir) {
        this.dir = dir;
    }

    /** @throws MallardException with {@link ErrorCode#USAGE} when {@code dir} is not a folder */
    public static PreviousState at(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new MallardException(ErrorCode.USAGE, "--state " + dir + " is not a folder", null, 0,
                    "point --state at the target/ folder of an earlier run (or a copy of it)", null);
        }
        return new PreviousState(abs);
    }

    public Path dir() {
        return dir;
    }

    /** The previous manifest.json, parsed. */
    public synchronized JsonNode manifest() {
        if (manifest == null) {
            Path file = dir.resolve(MANIFEST);
            if (!Files.isRegularFile(file)) {
                throw new MallardException(ErrorCode.USAGE, "--state " + dir + " holds no " + MANIFEST, null, 0,
                        "state: selectors and --defer compare with the manifest.json of an earlier run", null);
            }
            manifest = StateFiles.readJson(file);
        }
        return manifest;
    }

    /** The previous run_results.json, parsed. */
    public synchronized PreviousResults results() {
        if (results == null) {
            Path file = dir.resolve(RUN_RESULTS);
            if (!Files.isRegularFile(file)) {
                throw new MallardException(ErrorCode.USAGE, "--state " + dir + " holds no " + RUN_RESULTS, null, 0,
                        "result: selectors read the run_results.json of an earlier run, build or seed", null);
            }
            results = PreviousResults.read(file);
        }
        return results;
    }

    /** The entry of a node or source in the previous manifest, or null when it had none. */
    /** The manifest's maps that hold DAG nodes by unique_id. */
    public static final java.util.List<String> ENTRY_KEYS = java.util.List.of("nodes", "sources", "exposures",
            "semantic_models", "metrics", "saved_queries");

    public JsonNode entry(String uniqueId) {
        JsonNode m = manifest();
        for (String key : ENTRY_KEYS) {
            JsonNode n = m.path(key).get(uniqueId);
            if (n != null) {
                return n;
            }
        }
        return null;
    }
}
