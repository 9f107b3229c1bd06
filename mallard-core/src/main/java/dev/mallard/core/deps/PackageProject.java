package dev.mallard.core.deps;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.project.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The {@code name:} of a package's own dbt_project.yml, which names its install folder. */
final class PackageProject {
    private PackageProject() {
    }

    static String nameOf(Path dir, String describedAs) {
        Path file = dir.resolve("dbt_project.yml");
        if (!Files.isRegularFile(file)) {
            throw new MallardException(ErrorCode.PROJECT, "the package " + describedAs + " has no dbt_project.yml at "
                    + dir, null, 0, "a package is a dbt project: point the entry at the folder holding its dbt_project.yml",
                    null);
        }
        Map<String, Object> yaml = YamlFiles.readMap(file, null);
        Object name = yaml.get("name");
        if (name == null || String.valueOf(name).isBlank()) {
            throw new MallardException(ErrorCode.PROJECT, "the package " + describedAs + " has no 'name' in its dbt_project.yml",
                    file.toString(), 1);
        }
        return String.valueOf(name);
    }
}
