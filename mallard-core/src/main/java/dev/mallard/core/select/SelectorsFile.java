package dev.mallard.core.select;

import dev.mallard.core.common.TextFiles;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.graph.NameSuggester;
import dev.mallard.core.project.ValueRenderer;
import dev.mallard.core.project.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's {@code selectors.yml}: named selections in dbt's YAML selector format,
 * used with {@code --selector NAME}; one of them may be the {@code default: true} that
 * applies when a command gets neither {@code --select} nor {@code --selector}.
 */
public final class SelectorsFile {
    public static final String FILE_NAME = "selectors.yml";

    /** One named selector. */
    public record NamedSelector(String name, String description, boolean isDefault, SelectionSpec definition) {
    }

    private static final SelectorsFile NONE = new SelectorsFile(Map.of(), false);

    private final Map<String, NamedSelector> selectors;
    private final boolean present;

    private SelectorsFile(Map<String, NamedSelector> selectors, boolean present) {
        this.selectors = Collections.unmodifiableMap(new LinkedHashMap<>(selectors));
        this.present = present;
    }

    /**
     * Reads {@code selectors.yml} in the project folder; a project without one has no selectors.
     *
     * @param renderer renders env_var()/var() in string values, as dbt does; null to skip
     * @throws MallardException with {@link ErrorCode#YAML} naming selectors.yml for bad YAML or a bad shape
     */
    public static SelectorsFile read(Path projectDir, ValueRenderer renderer) {
        return read(projectDir, renderer, Warnings.ignored());
    }

    /** As {@link #read(Path, ValueRenderer)}, reporting duplicate keys to {@code warnings}. */
    public static SelectorsFile read(Path projectDir, ValueRenderer renderer, Warnings warnings) {
        Path file = projectDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        return parse(TextFiles.readUtf8(file, FILE_NAME), renderer, warnings);
    }

    /** Parses the text of a selectors.yml. */
    public static SelectorsFile parse(String text, ValueRenderer renderer) {
        return parse(text, renderer, Warnings.ignored());
    }

    private static SelectorsFile parse(String text, ValueRenderer renderer, Warnings warnings) {
        Map<String, Object> yaml = YamlFiles.parseMap(text, FILE_NAME, warnings);
        if (renderer != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> rendered = (Map<String, Object>) renderer.renderDeep(yaml, FILE_NAME, Set.of());
            yaml = rendered;
        }
        if (yaml.isEmpty()) {
            return new SelectorsFile(Map.of(), true);
        }
        Object list = yaml.get("selectors");
        if (!(list instanceof List<?> items)) {
            throw new MallardException(ErrorCode.YAML, "expected a 'selectors:' list at the top level", FILE_NAME,
                    1);
        }
        Map<String, NamedSelector> out = new LinkedHashMap<>();
        Map<String, SelectionSpec> earlier = new LinkedHashMap<>();
        String defaultName = null;
        int index = 0;
        for (Object item : items) {
            index++;
            if (!(item instanceof Map<?, ?> m)) {
                throw new MallardException(ErrorCode.YAML, "selector #" + index
                        + " must be a dict with 'name' and 'definition'", FILE_NAME, 0);
            }
            if (!(m.get("name") instanceof String name) || name.isBlank()) {
                throw new MallardException(ErrorCode.YAML, "selector #" + index + " has no 'name'", FILE_NAME, 0);
            }
            int line = lineOfName(text, name);
            if (out.containsKey(name)) {
                throw new MallardException(ErrorCode.YAML, "selector '" + name + "' is defined twice", FILE_NAME, line);
            }
            if (!m.containsKey("definition")) {
                throw new MallardException(ErrorCode.YAML, "selector '" + name + "' has no 'definition'", FILE_NAME,
                        line);
            }
            boolean isDefault = isTrue(m.get("default"), name, line);
            if (isDefault && defaultName != null) {
                throw new MallardException(ErrorCode.YAML, "selectors '" + defaultName + "' and '" + name
                        + "' both have default: true; only one may", FILE_NAME, line);
            }
            if (isDefault) {
                defaultName = name;
            }
            SelectionSpec spec;
            try {
                spec = new SelectorDefinitions(earlier).parseRoot(m.get("definition"));
            } catch (MallardException e) {
                throw new MallardException(ErrorCode.YAML, "selector '" + name + "': " + e.getMessage(), FILE_NAME,
                        line, e.hint(), e);
            }
            Object description = m.get("description");
            out.put(name, new NamedSelector(name, description == null ? "" : String.valueOf(description), isDefault,
                    spec));
            earlier.put(name, spec);
        }
        return new SelectorsFile(out, true);
    }

    private static boolean isTrue(Object v, String name, int line) {
        if (v == null || Boolean.FALSE.equals(v) || "false".equalsIgnoreCase(String.valueOf(v).trim())) {
            return false;
        }
        if (Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v).trim())) {
            return true;
        }
        throw new MallardException(ErrorCode.YAML, "selector '" + name + "': default must be true or false, not '"
                + v + "'", FILE_NAME, line);
    }

    /** The line of {@code name: <name>}, so that messages point into the file; 0 if not found. */
    private static int lineOfName(String text, String name) {
        Pattern p = Pattern.compile("^[\\s-]*name\\s*:\\s*['\"]?" + Pattern.quote(name) + "['\"]?\\s*(#.*)?$",
                Pattern.MULTILINE);
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return 0;
        }
        return (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
    }

    public Map<String, NamedSelector> selectors() {
        return selectors;
    }

    /** The selector with {@code default: true}, if any. */
    public Optional<NamedSelector> defaultSelector() {
        return selectors.values().stream().filter(NamedSelector::isDefault).findFirst();
    }

    /**
     * The definition of the selector called {@code name}.
     *
     * @throws MallardException with {@link ErrorCode#USAGE} when there is none
     */
    public SelectionSpec definition(String name) {
        NamedSelector s = selectors.get(name);
        if (s != null) {
            return s.definition();
        }
        if (!present) {
            throw new MallardException(ErrorCode.USAGE, "--selector " + name + ": the project has no "
                    + FILE_NAME, null, 0, "define selectors in " + FILE_NAME + " next to dbt_project.yml", null);
        }
        String hint = selectors.isEmpty() ? FILE_NAME + " defines no selectors"
                : NameSuggester.closest(name, selectors.keySet())
                        .map(c -> "did you mean '" + c + "'? ").orElse("")
                        + FILE_NAME + " defines: " + String.join(", ", selectors.keySet());
        throw new MallardException(ErrorCode.USAGE, "no selector named '" + name + "' in " + FILE_NAME, null,
                0, hint, null);
    }
}
