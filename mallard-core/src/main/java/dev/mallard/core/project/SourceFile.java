package dev.mallard.core.project;

import java.nio.file.Path;

/**
 * A file of the project: its absolute location, the folder it was found under
 * (e.g. {@code models}) and its path relative to that folder and to the project.
 */
public record SourceFile(Path absolute, String root, String relativeToRoot, String relativeToProject) {

    /** File name without extension: the node name. */
    public String stem() {
        String fileName = absolute.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    /** The folders between the root and the file, for the fqn. */
    public java.util.List<String> folders() {
        String rel = relativeToRoot.replace('\\', '/');
        int slash = rel.lastIndexOf('/');
        if (slash < 0) {
            return java.util.List.of();
        }
        return java.util.List.of(rel.substring(0, slash).split("/"));
    }
}
