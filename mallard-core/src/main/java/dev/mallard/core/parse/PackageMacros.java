package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The macros of the packages {@code mallard deps} installed (each package's macro-paths and
 * its generic tests), so that {@code dbt_utils.star(...)} and a package's YAML tests resolve.
 * Packages' models, seeds and other resources are not loaded yet.
 */
final class PackageMacros {
    /** An installed package: its own name and folder. */
    record Package(String name, Path dir) {
    }

    private PackageMacros() {
    }

    /** The installed packages, by folder name order (a stable macro load order). */
    static List<Package> installed(Project project) {
        Path installDir = project.dir().resolve(project.config().packagesInstallPath());
        if (!Files.isDirectory(installDir)) {
            return List.of();
        }
        List<Package> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(installDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString)).toList()) {
                Path yml = dir.resolve("dbt_project.yml");
                if (Files.isRegularFile(yml)) {
                    Object name = YamlFiles.readMap(yml, project.dir()).get("name");
                    out.add(new Package(name == null ? dir.getFileName().toString() : String.valueOf(name), dir));
                }
            }
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot list the installed packages in " + installDir + ": "
                    + e.getMessage());
        }
        return out;
    }

    /** A package's macro files and generic tests, named by their path from the root project. */
    static List<TemplateFile> files(Package pkg, Path projectDir) {
        Map<String, Object> yaml = YamlFiles.readMap(pkg.dir().resolve("dbt_project.yml"), projectDir);
        List<String> roots = new ArrayList<>(paths(yaml.get("macro-paths"), "macros"));
        for (String tests : paths(yaml.get("test-paths"), "tests")) {
            roots.add(tests + "/generic");
        }
        List<TemplateFile> out = new ArrayList<>();
        for (String root : roots) {
            Path dir = pkg.dir().resolve(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p))
                        .sorted(Comparator.comparing(Path::toString)).toList()) {
                    String name = projectDir.relativize(f).toString().replace('\\', '/');
                    out.add(new TemplateFile(name, Files.readString(f)));
                }
            } catch (IOException e) {
                throw new MallardException(ErrorCode.PROJECT, "cannot read the macros of package '" + pkg.name()
                        + "': " + e.getMessage());
            }
        }
        return out;
    }

    private static List<String> paths(Object configured, String fallback) {
        if (configured instanceof List<?> l && !l.isEmpty()) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(fallback);
    }
}
