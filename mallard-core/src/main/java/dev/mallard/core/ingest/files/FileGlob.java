package dev.mallard.core.ingest.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a glob ({@code data/orders/*.csv}, {@code landing/**}{@code /*.parquet}) matches,
 * relative to the project unless absolute. The walk starts at the glob's longest fixed
 * prefix, so {@code data/a/*.csv} never lists the rest of the project.
 */
final class FileGlob {
    private FileGlob() {
    }

    static List<Path> matches(Path projectDir, String glob) throws IOException {
        Path pattern = Path.of(glob);
        Path absolute = pattern.isAbsolute() ? pattern : projectDir.resolve(glob);
        Path base = absolute.getRoot() == null ? Path.of("") : absolute.getRoot();
        for (Path part : absolute.getRoot() == null ? absolute : absolute.subpath(0, absolute.getNameCount())) {
            if (hasWildcard(part.toString())) {
                break;
            }
            base = base.resolve(part);
        }
        if (base.equals(absolute)) {
            return Files.isRegularFile(absolute) ? List.of(absolute) : List.of();
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute.normalize());
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            walk.filter(Files::isRegularFile).filter(p -> matcher.matches(p.normalize())).forEach(out::add);
        }
        return out;
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }
}
