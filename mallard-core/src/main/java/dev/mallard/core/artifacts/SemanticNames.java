package dev.mallard.core.artifacts;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SemanticNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * dbt's semantic manifest validation of names: a semantic model, its entities, dimensions and
 * measures, a metric and a saved query are named in lower case letters, digits and
 * underscores, start with a letter, do not end with an underscore, hold no {@code __} and
 * have at least two characters; any other name fails the parse.
 */
public final class SemanticNames {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]*[a-z0-9]");

    private SemanticNames() {
    }

    /** Refuses, as dbt's parse does, a semantic layer with an invalid name, listing each. */
    public static void require(Manifest manifest) {
        List<String> invalid = new ArrayList<>();
        for (SemanticNode n : manifest.nodesOf(SemanticNode.class)) {
            if (!n.config().enabled()) {
                continue;
            }
            check(n.name(), invalid);
            if (n.resourceType() == ResourceType.SEMANTIC_MODEL) {
                for (String part : List.of("entities", "dimensions", "measures")) {
                    if (n.properties().get(part) instanceof List<?> elements) {
                        for (Object e : elements) {
                            if (e instanceof Map<?, ?> m && m.get("name") != null) {
                                check(String.valueOf(m.get("name")), invalid);
                            }
                        }
                    }
                }
            }
        }
        if (!invalid.isEmpty()) {
            throw new MallardException(ErrorCode.PROJECT, String.join("\n", invalid)
                    + "\nParsing Error: Semantic Manifest validation failed.");
        }
    }

    private static void check(String name, List<String> invalid) {
        if (!VALID.matcher(name).matches() || name.contains("__")) {
            invalid.add("Invalid name `" + name + "` - names may only contain lower case letters, numbers, and "
                    + "underscores. Additionally, names must start with a lower case letter, cannot end with an "
                    + "underscore, cannot contain dunders (double underscores, or __), and must be at least 2 "
                    + "characters long.");
        }
    }
}
