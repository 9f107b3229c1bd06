package dev.mallard.core.project;

import dev.mallard.core.error.Warnings;
import dev.mallard.core.events.Deprecation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config keys of dbt_project.yml's hierarchical sections ({@code models:}, {@code seeds:}, ...) as
 * dbt 1.11 checks them when it validates the file, which it does in {@code deps} and {@code clean} only
 * (its other commands skip the check on DuckDB). Under a section, a key with {@code +} must be a config
 * dbt knows, and a key without one names a folder, so its value must be a mapping: a scalar there is
 * a MissingPlusPrefixDeprecation when {@code +key} is a config, and a CustomKeyInConfigDeprecation
 * otherwise, as is an unknown {@code +key} holding a scalar. The known keys are listed in
 * {@code dbt-project-config-keys.txt}.
 */
public final class ProjectConfigKeys {
    private static final Map<String, Set<String>> KNOWN = load();

    private ProjectConfigKeys() {
    }

    /** Warns about the keys of {@code project} (dbt_project.yml's values) named in the file {@code file}. */
    public static void check(Map<String, Object> project, String file, Warnings warnings) {
        // dbt meets the sections in its schema's order, which is the alphabetical one
        for (Map.Entry<String, Set<String>> section : KNOWN.entrySet()) {
            if (project.get(section.getKey()) instanceof Map<?, ?> tree) {
                walk(tree, new ArrayList<>(), section.getValue(), file, warnings);
            }
        }
    }

    private static void walk(Map<?, ?> node, List<String> path, Set<String> known, String file, Warnings warnings) {
        for (Map.Entry<?, ?> e : node.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (known.contains(key)) {
                continue;
            }
            List<String> at = new ArrayList<>(path);
            at.add(key);
            if (e.getValue() instanceof Map<?, ?> folder) {
                walk(folder, at, known, file, warnings);
                continue;
            }
            String keyPath = String.join(".", at);
            boolean configAbove = path.stream().anyMatch(known::contains);
            if (known.contains("+" + key) && !configAbove) {
                warnings.add(new Deprecation("MissingPlusPrefixDeprecation", "D037", true, "Missing '+' prefix on `"
                        + key + "` found at `" + keyPath + "` in file `" + file + "`. Hierarchical config values"
                        + " without a '+' prefix are deprecated in dbt_project.yml.",
                        Map.of("file", file, "key", key, "key_path", keyPath), "", keyPath).encode());
            } else {
                warnings.add(new Deprecation("CustomKeyInConfigDeprecation", "D026", true, "Custom key `" + key
                        + "` found in `config` at path `" + keyPath + "` in file `" + file + "`. Custom config keys"
                        + " should move into the `config.meta`.", Map.of("file", file, "key", key, "key_path",
                        keyPath), "", keyPath).encode());
            }
        }
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        try (InputStream in = ProjectConfigKeys.class.getResourceAsStream("dbt-project-config-keys.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int colon = line.indexOf(": ");
                if (!line.startsWith("#") && colon > 0) {
                    out.put(line.substring(0, colon), Set.of(line.substring(colon + 2).split(" ")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
