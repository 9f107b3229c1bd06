package dev.mallard.core.select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.artifacts.ArtifactMetadata;
import dev.mallard.core.artifacts.ManifestWriter;
import dev.mallard.core.common.ArtifactJson;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.graph.Dag;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.state.PreviousState;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The {@code state:} and {@code result:} methods: this project compared with the run that
 * {@code --state} points at. This project's side is the manifest.json Mallard would write
 * now, so both sides of every comparison have the same JSON shape.
 */
final class PreviousRun {
    private static final ObjectMapper MAPPER = ArtifactJson.mapper();

    private final PreviousState state;
    private final Manifest manifest;
    private final Dag dag;
    private JsonNode current;

    PreviousRun(PreviousState state, Manifest manifest, Dag dag) {
        this.state = state;
        this.manifest = manifest;
        this.dag = dag;
    }

    /** Whether a node passes {@code state:<value>}. */
    Predicate<Node> state(String value, String raw) {
        state.manifest();
        JsonNode now = current();
        MacroChanges[] changes = new MacroChanges[1];
        BiPredicate<JsonNode, JsonNode> check = StateComparison.check(value, raw, () -> {
            if (changes[0] == null) {
                changes[0] = MacroChanges.between(state.manifest(), now);
            }
            return changes[0];
        });
        return n -> {
            JsonNode entry = null;
            for (String key : dev.mallard.core.state.PreviousState.ENTRY_KEYS) {
                entry = entry == null ? now.path(key).get(n.id().value()) : entry;
            }
            return entry != null && check.test(state.entry(n.id().value()), entry);
        };
    }

    /**
     * {@code source_status:fresher}, as dbt selects it: the sources whose newest load in this
     * target's sources.json is later than in the state's (or that the state has no result
     * for), leaving out those without a result (a runtime error) in this target's file.
     * Other values select nothing, as in dbt.
     */
    Predicate<Node> sourceStatus(String value, java.nio.file.Path currentTarget, String raw) {
        Map<String, String> previous = loads(state.dir().resolve("sources.json"), "previous", raw);
        Map<String, String> now = loads(currentTarget.resolve("sources.json"), "current", raw);
        Set<String> matches = new java.util.HashSet<>();
        if ("fresher".equals(value)) {
            now.forEach((id, loaded) -> {
                String before = previous.get(id);
                if (loaded != null && (!previous.containsKey(id) || before == null || loaded.compareTo(before) > 0)) {
                    matches.add(id);
                }
            });
        }
        return n -> matches.contains(n.id().value());
    }

    /** unique_id to max_loaded_at (null for a result without one) of a sources.json. */
    private static Map<String, String> loads(java.nio.file.Path file, String which, String raw) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new MallardException(ErrorCode.USAGE, "selector '" + raw + "' needs the " + which
                    + " freshness results, and " + file + " does not exist", null, 0,
                    "run mallard source freshness " + ("current".equals(which) ? "first" : "in the state's run"), null);
        }
        Map<String, String> out = new java.util.HashMap<>();
        try {
            for (JsonNode r : MAPPER.readTree(file.toFile()).path("results")) {
                JsonNode at = r.get("max_loaded_at");
                out.put(r.path("unique_id").asText(), at == null || at.isNull() ? null : at.asText());
            }
        } catch (java.io.IOException e) {
            throw new MallardException(ErrorCode.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
        return out;
    }

    /** Whether a node had this status in the previous run_results.json. */
    Predicate<Node> result(String status) {
        Set<String> ids = state.results().withStatus(status);
        return n -> ids.contains(n.id().value());
    }

    private synchronized JsonNode current() {
        if (current == null) {
            ArtifactMetadata metadata = new ArtifactMetadata("state-comparison", Instant.EPOCH, Instant.EPOCH, null,
                    null, Map.of());
            Map<String, Object> doc = new ManifestWriter(metadata).document(manifest, dag, Map.of(), "target");
            try {
                // through text, so that numbers and nulls take the shapes they have when read from a file
                current = MAPPER.readTree(MAPPER.writeValueAsString(doc));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new MallardException(ErrorCode.INTERNAL, "cannot compare with --state: " + e.getMessage());
            }
        }
        return current;
    }
}
