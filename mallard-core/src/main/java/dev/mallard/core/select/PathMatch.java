package dev.mallard.core.select;

import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.SeedNode;
import java.util.ArrayList;
import java.util.List;

/**
 * dbt's {@code path:} method without touching the disk: a node matches when its file, one
 * of the folders above its file, or the properties file that patched it matches the
 * selector. Globs work per path segment as in Python's {@code Path.glob}, {@code **}
 * spanning any number of folders.
 */
final class PathMatch {
    private final List<String> pattern;
    private final boolean everything;

    PathMatch(String selector) {
        String p = selector.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        this.everything = p.equals(".") || p.equals("**");
        this.pattern = List.of(p.split("/+"));
    }

    boolean matches(Node node) {
        if (everything) {
            return true;
        }
        List<String> file = segments(node.originalFilePath());
        for (int end = file.size(); end > 0; end--) {
            if (matchSegments(file.subList(0, end), 0, 0)) {
                return true;
            }
        }
        String patch = patchPath(node);
        return patch != null && matchSegments(segments(patch), 0, 0);
    }

    private static String patchPath(Node node) {
        String patch = node instanceof ModelNode m ? m.patchPath() : node instanceof SeedNode s ? s.patchPath() : null;
        if (patch == null) {
            return null;
        }
        int scheme = patch.indexOf("://");
        return scheme < 0 ? patch : patch.substring(scheme + 3);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.replace('\\', '/').split("/")) {
            if (!s.isEmpty() && !s.equals(".")) {
                out.add(s);
            }
        }
        return out;
    }

    private boolean matchSegments(List<String> path, int pi, int si) {
        if (pi == pattern.size()) {
            return si == path.size();
        }
        String part = pattern.get(pi);
        if (part.equals("**")) {
            for (int k = si; k <= path.size(); k++) {
                if (matchSegments(path, pi + 1, k)) {
                    return true;
                }
            }
            return false;
        }
        return si < path.size() && Glob.matches(path.get(si), part) && matchSegments(path, pi + 1, si + 1);
    }
}
