package dev.mallard.core.deps;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.project.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code deps --add-package name@version [--source hub|git|local|tarball]}: adds the entry
 * to packages.yml (creating it), replacing an entry for the same package, as dbt does.
 */
final class AddPackage {
    private AddPackage() {
    }

    /** The new entry, as dbt writes it: {@code package/version}, {@code git/revision}, {@code local}, {@code tarball}. */
    static Map<String, Object> entry(String spec, String source) {
        int at = spec.lastIndexOf('@');
        String name = at > 0 ? spec.substring(0, at) : spec;
        String version = at > 0 ? spec.substring(at + 1) : null;
        String src = source == null ? "hub" : source;
        Map<String, Object> entry = new LinkedHashMap<>();
        switch (src) {
            case "hub" -> {
                if (version == null || version.isBlank()) {
                    throw new MallardException(ErrorCode.USAGE, "--add-package " + spec + ": a hub package needs a version,"
                            + " as in dbt-labs/dbt_utils@1.3.0");
                }
                entry.put("package", name);
            }
            case "git", "local", "tarball" -> entry.put(src, name);
            default -> throw new MallardException(ErrorCode.USAGE, "--source must be one of hub, git, local, tarball; got "
                    + source);
        }
        if (version != null && !version.isBlank() && !src.equals("local") && !src.equals("tarball")) {
            Object v = version.contains(",") ? List.of(version.split(",")) : version;
            entry.put(src.equals("git") ? "revision" : "version", v);
        }
        return entry;
    }

    @SuppressWarnings("unchecked")
    static void into(Path projectDir, String spec, String source) {
        Map<String, Object> entry = entry(spec, source);
        Path file = projectDir.resolve(PackagesFile.PACKAGES_YML);
        Map<String, Object> yaml = Files.isRegularFile(file) ? YamlFiles.readMap(file, projectDir) : new LinkedHashMap<>();
        Object existing = yaml.get("packages");
        List<Object> packages = existing instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
        String key = String.valueOf(entry.values().iterator().next());
        packages.removeIf(p -> p instanceof Map<?, ?> m && key.equals(String.valueOf(identifier((Map<String, Object>) m))));
        packages.add(entry);
        yaml.put("packages", packages);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        try {
            Files.writeString(file, new Yaml(options).dump(yaml));
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot write packages.yml: " + e.getMessage());
        }
    }

    private static Object identifier(Map<String, Object> entry) {
        for (String k : List.of("package", "git", "local", "tarball")) {
            if (entry.get(k) != null) {
                return entry.get(k);
            }
        }
        return null;
    }
}
