package dev.mallard.core.project;

import dev.mallard.core.common.TextFiles;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The one way Mallard reads YAML: as PyYAML (and so dbt) reads it, within bounds (size,
 * nesting, aliases) so that no file can hang a run or exhaust memory; errors name the file
 * and line, and duplicate keys are warned about with their line, as dbt 1.11 does.
 */
public final class YamlFiles {
    /** Code points in one file: generated schema files run to a few megabytes. */
    static final int MAX_CODE_POINTS = 64 * 1024 * 1024;
    static final int MAX_NESTING_DEPTH = 100;
    static final int MAX_ALIASES = 1000;

    private YamlFiles() {
    }

    /** The loader options every YAML read uses. */
    public static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // as PyYAML: the last one wins, and YamlLimits warns
        options.setWarnOnDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    public static Map<String, Object> readMap(Path file, Path displayRoot) {
        return readMap(file, displayRoot, Warnings.ignored());
    }

    /** A YAML file that dbt reads without its duplicate-key check (profiles.yml, packages.yml, selectors.yml). */
    public static Map<String, Object> readMap(Path file, Path displayRoot, Warnings warnings) {
        return readDocument(file, displayRoot, warnings, null).values();
    }

    /** A file's top-level mapping and the line of each key by its path, for messages about keys. */
    public record Document(Map<String, Object> values, Map<String, Integer> keyLines) {
        public Document {
            keyLines = Map.copyOf(keyLines);
        }

        /** The line of the key at {@code path} ({@code models[0].colums}), or 0 when unknown. */
        public int lineOf(String path) {
            return keyLines.getOrDefault(path, 0);
        }
    }

    public static Document readDocument(Path file, Path displayRoot, Warnings warnings) {
        return readDocument(file, displayRoot, warnings, display(file, displayRoot));
    }

    /** The root project's dbt_project.yml: dbt names it by its absolute path when it warns about a duplicate key. */
    public static Document readProjectFile(Path file, Path displayRoot, Warnings warnings) {
        return readDocument(file, displayRoot, warnings, file.toAbsolutePath().normalize().toString());
    }

    private static Document readDocument(Path file, Path displayRoot, Warnings warnings, String fileInWarnings) {
        String display = display(file, displayRoot);
        try {
            if (Files.size(file) > 4L * MAX_CODE_POINTS) {
                throw new MallardException(ErrorCode.YAML, "the file is larger than the YAML limit of "
                        + MAX_CODE_POINTS + " characters", display, 0);
            }
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot read " + display + ": " + e.getMessage());
        }
        return parseDocument(TextFiles.readUtf8(file, display), display, new YamlLimits(display, fileInWarnings,
                warnings));
    }

    /** {@link #readDocument} of a text already read; {@code display} names it in messages. */
    public static Document parseDocument(String text, String display, Warnings warnings) {
        return parseDocument(text, display, new YamlLimits(display, display, warnings));
    }

    private static Document parseDocument(String text, String display, YamlLimits limits) {
        return new Document(asMap(build(composeWithin(text, display, limits), display), display), limits.keyLines());
    }

    public static Map<String, Object> parseMap(String text, String displayName) {
        return parseMap(text, displayName, Warnings.ignored());
    }

    public static Map<String, Object> parseMap(String text, String displayName, Warnings warnings) {
        return asMap(load(text, displayName, warnings), displayName);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object parsed, String displayName) {
        if (parsed == null) {
            return new LinkedHashMap<>();
        }
        if (!(parsed instanceof Map)) {
            throw new MallardException(ErrorCode.YAML, "expected a mapping at the top level", displayName, 1);
        }
        return (Map<String, Object>) parsed;
    }

    /** The document's value (null when empty), checked against the bounds before it is built. */
    public static Object load(String text, String displayName, Warnings warnings) {
        return build(compose(text, displayName, warnings), displayName);
    }

    private static Object build(Node root, String displayName) {
        if (root == null) {
            return null;
        }
        try {
            return new Building(loaderOptions()).build(root);
        } catch (MarkedYAMLException e) {
            throw error(e, displayName);
        } catch (YAMLException e) {
            throw new MallardException(ErrorCode.YAML, "invalid YAML: " + e.getMessage(), displayName, 0);
        }
    }

    /** The document's node tree (null when empty), within the bounds and with duplicate keys warned about. */
    public static Node compose(String text, String displayName, Warnings warnings) {
        return composeWithin(text, displayName, new YamlLimits(displayName, warnings));
    }

    private static Node composeWithin(String text, String displayName, YamlLimits limits) {
        if (text.length() > MAX_CODE_POINTS) {
            throw new MallardException(ErrorCode.YAML, "the file is larger than the YAML limit of "
                    + MAX_CODE_POINTS + " characters", displayName, 0);
        }
        Node root;
        try {
            root = new Yaml(loaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw error(e, displayName);
        } catch (YAMLException e) {
            throw new MallardException(ErrorCode.YAML, "invalid YAML: " + e.getMessage(), displayName, 0);
        }
        if (root != null) {
            limits.check(root);
        }
        return root;
    }

    private static MallardException error(MarkedYAMLException e, String displayName) {
        int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
        return new MallardException(ErrorCode.YAML, "invalid YAML: " + problem + context, displayName, line);
    }

    public static String display(Path file, Path root) {
        if (root != null) {
            try {
                return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
            } catch (IllegalArgumentException e) {
                // different roots: fall through to the absolute path
            }
        }
        return file.toString();
    }

    /** Builds Java values from an already checked node tree. */
    private static final class Building extends SafeConstructor {
        Building(LoaderOptions options) {
            super(options);
        }

        Object build(Node root) {
            return constructDocument(root);
        }
    }
}
