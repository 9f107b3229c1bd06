package dev.mallard.jinja.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * conformance/jinja/known_differences.json: deliberate differences between Mallard and
 * Jinja2, each with its reason, by case id or by pattern (regular expressions searched in
 * the case id and/or the template; a pattern matches when all its given parts do).
 *
 * <pre>
 * {"cases": {"dbt.snapshot_block_is_not_a_tag": "why"},
 *  "patterns": [{"id": "^gen\\.", "template": "\\|urlize", "reason": "why"}]}
 * </pre>
 */
final class KnownDifferences {
    private record Rule(Pattern id, Pattern template, String reason) {
        boolean matches(OracleCase c) {
            return (id == null || id.matcher(c.id()).find()) && (template == null || template.matcher(c.template()).find());
        }
    }

    private final Map<String, String> byId;
    private final List<Rule> rules;

    private KnownDifferences(Map<String, String> byId, List<Rule> rules) {
        this.byId = Map.copyOf(byId);
        this.rules = List.copyOf(rules);
    }

    static KnownDifferences none() {
        return new KnownDifferences(Map.of(), List.of());
    }

    static KnownDifferences load(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return none();
        }
        JsonNode root;
        try {
            root = Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> byId = new LinkedHashMap<>();
        root.path("cases").fields().forEachRemaining(e -> {
            if (e.getValue().asText("").isBlank()) {
                problems.add("case " + e.getKey() + " has no reason");
            }
            byId.put(e.getKey(), e.getValue().asText());
        });
        List<Rule> rules = new ArrayList<>();
        int index = 0;
        for (JsonNode p : root.path("patterns")) {
            String where = "pattern #" + index++;
            String reason = p.path("reason").asText("");
            if (reason.isBlank()) {
                problems.add(where + " has no reason");
            }
            if (!p.has("id") && !p.has("template")) {
                problems.add(where + " has neither id nor template");
            }
            try {
                rules.add(new Rule(compile(p.get("id")), compile(p.get("template")), reason));
            } catch (PatternSyntaxException e) {
                problems.add(where + ": " + e.getDescription());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + String.join("; ", problems));
        }
        return new KnownDifferences(byId, rules);
    }

    private static Pattern compile(JsonNode node) {
        return node == null || node.isNull() ? null : Pattern.compile(node.asText());
    }

    /** The reason a difference in this case is expected, if it is listed. */
    Optional<String> reasonFor(OracleCase c) {
        String reason = byId.get(c.id());
        if (reason != null) {
            return Optional.of(reason);
        }
        return rules.stream().filter(r -> r.matches(c)).map(Rule::reason).findFirst();
    }

    /** Case ids listed one by one (to tell which listed cases no longer differ). */
    Iterable<String> listedIds() {
        return byId.keySet();
    }
}
