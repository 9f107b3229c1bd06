package dev.mallard.core.project;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads YAML the way PyYAML (and so dbt) does; syntax errors name the file and line. */
public final class YamlFiles {
    private YamlFiles() {
    }

    public static Map<String, Object> readMap(Path file, Path displayRoot) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot read " + display(file, displayRoot) + ": " + e.getMessage());
        }
        return parseMap(text, display(file, displayRoot));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseMap(String text, String displayName) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(1000);
        Yaml yaml = new Yaml(options);
        Object parsed;
        try {
            parsed = yaml.load(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new MallardException(ErrorCode.YAML, "invalid YAML: " + problem + context, displayName, line);
        } catch (YAMLException e) {
            throw new MallardException(ErrorCode.YAML, "invalid YAML: " + e.getMessage(), displayName, 0);
        }
        if (parsed == null) {
            return new LinkedHashMap<>();
        }
        if (!(parsed instanceof Map)) {
            throw new MallardException(ErrorCode.YAML, "expected a mapping at the top level", displayName, 1);
        }
        return (Map<String, Object>) parsed;
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
}
