package dev.mallard.serve;

import dev.mallard.core.common.TextFiles;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.project.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code --tokens} YAML file. Every mistake is reported with the file and the line:
 * <pre>
 * tokens:
 *   - token: s3cret-user-42
 *     name: user42
 *     scope: {column: user_id, value: 42}
 *     datasets: [orders]
 * </pre>
 */
public final class TokensFile {
    private final Path file;

    private TokensFile(Path file) {
        this.file = file;
    }

    public static List<ApiToken> read(Path file) {
        return new TokensFile(file).read();
    }

    private List<ApiToken> read() {
        if (!Files.isRegularFile(file)) {
            throw new MallardException(ErrorCode.USAGE, "cannot read the tokens file " + file + ": no such file");
        }
        Node root = YamlFiles.compose(TextFiles.readUtf8(file, file.toString()), file.toString(), Warnings.ignored());
        if (!(root instanceof MappingNode top)) {
            throw fail(root, "expected a mapping with a 'tokens:' list");
        }
        SequenceNode list = null;
        for (NodeTuple t : top.getValue()) {
            String key = scalar(t.getKeyNode(), "a key");
            if (!key.equals("tokens")) {
                throw fail(t.getKeyNode(), "unknown key '" + key + "' (expected 'tokens')");
            }
            if (!(t.getValueNode() instanceof SequenceNode s)) {
                throw fail(t.getValueNode(), "'tokens' must be a list");
            }
            list = s;
        }
        if (list == null) {
            throw fail(top, "expected a 'tokens:' list");
        }
        List<ApiToken> tokens = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node item : list.getValue()) {
            ApiToken t = token(item, tokens.size() + 1);
            if (!seen.add(t.token())) {
                throw fail(item, "the same token is listed twice");
            }
            tokens.add(t);
        }
        return List.copyOf(tokens);
    }

    private ApiToken token(Node item, int number) {
        if (!(item instanceof MappingNode m)) {
            throw fail(item, "each token must be a mapping with 'token:' and 'name:'");
        }
        String token = null;
        String name = null;
        String scopeColumn = null;
        String scopeValue = null;
        List<String> datasets = null;
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode(), "a key");
            Node v = t.getValueNode();
            switch (key) {
                case "token" -> token = scalar(v, "'token'");
                case "name" -> name = scalar(v, "'name'");
                case "datasets" -> {
                    if (!(v instanceof SequenceNode s)) {
                        throw fail(v, "'datasets' must be a list of dataset names");
                    }
                    datasets = new ArrayList<>();
                    for (Node d : s.getValue()) {
                        datasets.add(scalar(d, "a dataset name"));
                    }
                }
                case "scope" -> {
                    if (!(v instanceof MappingNode sm)) {
                        throw fail(v, "'scope' must be a mapping {column: ..., value: ...}");
                    }
                    for (NodeTuple st : sm.getValue()) {
                        String sk = scalar(st.getKeyNode(), "a key");
                        switch (sk) {
                            case "column" -> scopeColumn = scalar(st.getValueNode(), "'column'");
                            case "value" -> scopeValue = scalar(st.getValueNode(), "'value'");
                            default -> throw fail(st.getKeyNode(), "unknown scope key '" + sk
                                    + "' (expected column and value)");
                        }
                    }
                    if (scopeColumn == null || scopeValue == null) {
                        throw fail(v, "'scope' needs both 'column' and 'value'");
                    }
                }
                default -> throw fail(t.getKeyNode(), "unknown key '" + key
                        + "' (expected token, name, scope, datasets)");
            }
        }
        if (token == null || token.isBlank()) {
            throw fail(item, "token " + number + " has no 'token:'");
        }
        if (token.length() < 8) {
            throw fail(item, "token " + number + " is shorter than 8 characters");
        }
        return new ApiToken(token, name == null ? "token " + number : name, scopeColumn, scopeValue, datasets);
    }

    private String scalar(Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            throw fail(n, what + " must be a single value");
        }
        return s.getValue();
    }

    private MallardException fail(Node n, String message) {
        int line = n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
        return MallardException.at(ErrorCode.YAML, file, line, message);
    }
}
