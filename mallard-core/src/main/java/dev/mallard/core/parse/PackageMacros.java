package dev.mallard.core.parse;

import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The macro files of an installed package (its macro-paths and its generic tests), named by
 * their path from the root project so that they never clash with the project's own files.
 */
final class PackageMacros {
    private PackageMacros() {
    }

    static List<TemplateFile> files(Project pkg, Path rootDir) {
        List<SourceFile> sources = new ArrayList<>(pkg.macroFiles());
        pkg.testFiles().stream().filter(TestCollector::isGeneric).forEach(sources::add);
        List<TemplateFile> out = new ArrayList<>();
        for (SourceFile f : sources) {
            String name = rootDir.relativize(f.absolute()).toString().replace('\\', '/');
            out.add(new TemplateFile(name, Parser.read(f)));
        }
        return out;
    }
}
