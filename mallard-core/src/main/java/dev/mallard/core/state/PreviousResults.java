package dev.mallard.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a previous {@code run_results.json} says: the command ({@code args.which}), its
 * flags, and each node's status.
 *
 * @param statuses status ({@code success}, {@code error}, {@code skipped}, ...) by unique id
 */
public record PreviousResults(String which, Map<String, Object> args, Map<String, String> statuses) {
    /** The statuses {@code retry} runs again, as dbt's RETRYABLE_STATUSES. */
    public static final Set<String> RETRYABLE = Set.of("error", "fail", "skipped", "runtime error", "partial success");

    public PreviousResults {
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
        statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    }

    /** @throws MallardException when the file is missing, not JSON, or not run results */
    public static PreviousResults read(Path file) {
        JsonNode doc = StateFiles.readJson(file);
        JsonNode results = doc.get("results");
        if (results == null || !results.isArray()) {
            throw new MallardException(ErrorCode.USAGE, "not a run_results.json: it has no 'results' list",
                    file.toString(), 0);
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String id = r.path("unique_id").asText(null);
            if (id != null) {
                statuses.put(id, r.path("status").asText(""));
            }
        }
        JsonNode argsNode = doc.path("args");
        @SuppressWarnings("unchecked")
        Map<String, Object> args = argsNode.isObject() ? StateFiles.MAPPER.convertValue(argsNode, Map.class) : Map.of();
        return new PreviousResults(argsNode.path("which").asText(""), args, statuses);
    }

    /** Unique ids of the nodes with this status, in the file's order. */
    public Set<String> withStatus(String status) {
        Set<String> out = new LinkedHashSet<>();
        statuses.forEach((id, s) -> {
            if (s.equals(status)) {
                out.add(id);
            }
        });
        return out;
    }

    /** Nodes that errored, failed or were skipped, which {@code retry} runs again. */
    public Set<String> retryable() {
        Set<String> out = new LinkedHashSet<>();
        statuses.forEach((id, s) -> {
            if (RETRYABLE.contains(s)) {
                out.add(id);
            }
        });
        return out;
    }

    /** A list-valued argument ({@code select}, {@code exclude}); a single string becomes a one-item list. */
    public List<String> listArg(String key) {
        Object v = args.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(o -> out.add(String.valueOf(o)));
        } else if (v != null && !String.valueOf(v).isBlank()) {
            out.add(String.valueOf(v));
        }
        return out;
    }

    public String stringArg(String key) {
        Object v = args.get(key);
        return v == null ? null : String.valueOf(v);
    }

    public boolean boolArg(String key) {
        return Boolean.TRUE.equals(args.get(key)) || "true".equalsIgnoreCase(String.valueOf(args.get(key)));
    }
}
