package dev.mallard.core.deps;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.project.ValueRenderer;
import dev.mallard.core.project.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * package-lock.yml: every package installed (transitive ones included), pinned — git
 * entries to a commit — each with its project name, plus the {@code sha1_hash} of the
 * packages spec it was resolved from. Same format as dbt's.
 */
public record LockFile(List<PackageSpec> packages, String sha1Hash) {
    public static final String FILE_NAME = "package-lock.yml";

    public LockFile {
        packages = List.copyOf(packages);
    }

    /** The lock in {@code projectDir}, or null when there is none. */
    public static LockFile read(Path projectDir, ValueRenderer renderer) {
        Path file = projectDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<String, Object> yaml = YamlFiles.readMap(file, projectDir);
        Object list = yaml.get("packages");
        List<PackageSpec> specs = new ArrayList<>();
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                specs.add(PackageEntries.parse(PackagesFile.render(entry, renderer, FILE_NAME), entry, FILE_NAME, file));
            }
        } else if (list != null) {
            throw new MallardException(ErrorCode.PROJECT, "'packages' must be a list", FILE_NAME,
                    PackagesFile.lineOf(file, "packages:"));
        }
        Object hash = yaml.get("sha1_hash");
        return new LockFile(specs, hash == null ? null : String.valueOf(hash));
    }

    /** Writes the lock for {@code installed} (spec as pinned, project name) through a temp file and a rename. */
    public static void write(Path projectDir, List<Map<String, Object>> entries, String sha1Hash) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("packages", entries);
        doc.put("sha1_hash", sha1Hash);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        String text = new Yaml(options).dump(doc);
        Path file = projectDir.resolve(FILE_NAME);
        Path tmp = projectDir.resolve("." + FILE_NAME + ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot write " + FILE_NAME + ": " + e.getMessage());
        }
    }
}
