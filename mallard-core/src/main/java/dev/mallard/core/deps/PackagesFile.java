package dev.mallard.core.deps;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.project.ValueRenderer;
import dev.mallard.core.project.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packages a project asks for: the {@code packages:} list of packages.yml or of
 * dependencies.yml (not both, as in dbt). {@code file} is the file that held the list, or
 * null when neither does.
 */
public record PackagesFile(Path file, List<PackageSpec> packages) {
    public static final String PACKAGES_YML = "packages.yml";
    public static final String DEPENDENCIES_YML = "dependencies.yml";

    public PackagesFile {
        packages = List.copyOf(packages);
    }

    /** The file name to show in messages ({@code packages.yml} when there is none yet). */
    public String displayName() {
        return file == null ? PACKAGES_YML : file.getFileName().toString();
    }

    /** Reads the packages of the project (or package) in {@code dir}; names files relative to {@code displayRoot}. */
    public static PackagesFile read(Path dir, Path displayRoot) {
        return read(dir, displayRoot, null);
    }

    /**
     * Reads the packages, rendering {@code env_var}/{@code var} in each entry with
     * {@code renderer} (null: no rendering); the entry as written is kept for the lock hash.
     */
    public static PackagesFile read(Path dir, Path displayRoot, ValueRenderer renderer) {
        return read(dir, displayRoot, renderer, Warnings.ignored());
    }

    /** As {@link #read(Path, Path, ValueRenderer)}, reporting duplicate keys to {@code warnings}. */
    public static PackagesFile read(Path dir, Path displayRoot, ValueRenderer renderer, Warnings warnings) {
        Path packagesYml = dir.resolve(PACKAGES_YML);
        Path dependenciesYml = dir.resolve(DEPENDENCIES_YML);
        Map<String, Object> p = Files.isRegularFile(packagesYml) ? YamlFiles.readMap(packagesYml, displayRoot, warnings) : Map.of();
        Map<String, Object> d = Files.isRegularFile(dependenciesYml)
                ? YamlFiles.readMap(dependenciesYml, displayRoot, warnings) : Map.of();
        if (p.containsKey("packages") && d.containsKey("packages")) {
            throw new MallardException(ErrorCode.PROJECT,
                    "the 'packages' key cannot be specified in both packages.yml and dependencies.yml",
                    YamlFiles.display(dependenciesYml, displayRoot), lineOf(dependenciesYml, "packages:"),
                    "keep the list in one of the two files", null);
        }
        Path file = p.containsKey("packages") ? packagesYml : d.containsKey("packages") ? dependenciesYml : null;
        if (file == null) {
            return new PackagesFile(null, List.of());
        }
        Object list = (file == packagesYml ? p : d).get("packages");
        String display = YamlFiles.display(file, displayRoot);
        if (list == null) {
            return new PackagesFile(file, List.of());
        }
        if (!(list instanceof List<?> entries)) {
            throw new MallardException(ErrorCode.PROJECT, "'packages' must be a list", display, lineOf(file, "packages:"));
        }
        List<PackageSpec> specs = new ArrayList<>();
        for (Object entry : entries) {
            specs.add(PackageEntries.parse(render(entry, renderer, display), entry, display, file));
        }
        return new PackagesFile(file, specs);
    }

    static Object render(Object entry, ValueRenderer renderer, String display) {
        return renderer == null ? entry : renderer.renderDeep(entry, display, Set.of());
    }

    /** The 1-based line of the first line containing {@code needle}, or 0. */
    static int lineOf(Path file, String needle) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            // the line is a courtesy; the message still names the file
        }
        return 0;
    }
}
