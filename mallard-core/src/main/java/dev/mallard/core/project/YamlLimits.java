package dev.mallard.core.project;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.events.Deprecation;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks a composed YAML document before it is built: aliases may not expand it beyond
 * {@link #MAX_EXPANDED_VALUES} values more than it holds (a "billion laughs" file is a few
 * hundred bytes that expand to 10^9 values), may not refer to themselves, and every
 * duplicate key is warned about with its line, as dbt's DuplicateYAMLKeysDeprecation.
 */
final class YamlLimits {
    static final long MAX_EXPANDED_VALUES = 1_000_000;

    private final String displayName;
    private final String fileInWarnings;
    private final Warnings warnings;
    /** Each node's size once its aliases are expanded; -1 while it is being measured. */
    private final Map<Node, Long> sizes = new IdentityHashMap<>();
    /** The line of each mapping key by its path ({@code models[0].columns}), where it is first met. */
    private final Map<String, Integer> keyLines = new HashMap<>();

    YamlLimits(String displayName, Warnings warnings) {
        this(displayName, null, warnings);
    }

    /**
     * {@code fileInWarnings}: how dbt's DuplicateYAMLKeysDeprecation names the file (dbt_project.yml by its
     * absolute path); null for the files dbt reads without the check (profiles.yml, packages.yml, selectors.yml),
     * whose duplicate keys are told in a note of Mallard's own, not counted among dbt's deprecations.
     */
    YamlLimits(String displayName, String fileInWarnings, Warnings warnings) {
        this.displayName = displayName;
        this.fileInWarnings = fileInWarnings;
        this.warnings = warnings;
    }

    /** The 1-based line of each key by its path, e.g. {@code models[0].colums}; filled by {@link #check}. */
    Map<String, Integer> keyLines() {
        return keyLines;
    }

    void check(Node root) {
        long expanded = size(root, "");
        if (expanded - sizes.size() > MAX_EXPANDED_VALUES) {
            throw new MallardException(ErrorCode.YAML, "invalid YAML: its aliases expand to more than "
                    + MAX_EXPANDED_VALUES + " values", displayName, 0,
                    "write the values out, or use fewer nested aliases (*name)", null);
        }
    }

    private long size(Node node, String path) {
        Long known = sizes.get(node);
        if (known != null) {
            if (known < 0) {
                throw new MallardException(ErrorCode.YAML, "invalid YAML: an alias refers to a value that contains it",
                        displayName, node.getStartMark().getLine() + 1);
            }
            return known;
        }
        sizes.put(node, -1L);
        long total = 1;
        if (node instanceof MappingNode m) {
            warnDuplicates(m);
            for (NodeTuple t : m.getValue()) {
                String keyPath = path;
                if (t.getKeyNode() instanceof ScalarNode key) {
                    keyPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    keyLines.putIfAbsent(keyPath, key.getStartMark().getLine() + 1);
                }
                total = add(total, size(t.getKeyNode(), keyPath));
                total = add(total, size(t.getValueNode(), keyPath));
            }
        } else if (node instanceof SequenceNode s) {
            List<Node> items = s.getValue();
            for (int i = 0; i < items.size(); i++) {
                total = add(total, size(items.get(i), path + "[" + i + "]"));
            }
        }
        sizes.put(node, total);
        return total;
    }

    private long add(long total, long more) {
        long sum = total + more;
        if (sum > MAX_EXPANDED_VALUES * 1000) {
            // stop counting long before a long overflows; check() reports it
            return MAX_EXPANDED_VALUES * 1000;
        }
        return sum;
    }

    private void warnDuplicates(MappingNode mapping) {
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key) || key.getValue().equals("<<")) {
                continue;
            }
            if (seen.putIfAbsent(key.getValue(), key) != null) {
                if (fileInWarnings == null) {
                    warnings.add("[WARNING]: Duplicate key '" + key.getValue() + "' in file `" + displayName
                            + "`, line " + (key.getStartMark().getLine() + 1) + ", column "
                            + (key.getStartMark().getColumn() + 1) + ": the last value is used");
                    continue;
                }
                // dbt's words: PyYAML's mark of the repeated key ("<unicode string>": dbt parses the text, not the file)
                String description = "Duplicate key '" + key.getValue() + "' in \"<unicode string>\", line "
                        + (key.getStartMark().getLine() + 1) + ", column " + (key.getStartMark().getColumn() + 1);
                warnings.add(new Deprecation("DuplicateYAMLKeysDeprecation", "D024", true, description + " in file `"
                        + fileInWarnings + "`", Map.of("duplicate_description", description, "file", fileInWarnings),
                        "", key.getStartMark().getIndex() + "").encode());
            }
        }
    }
}
