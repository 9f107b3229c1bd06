package dev.mallard.core.deps;

import java.nio.file.Path;

/**
 * A package fetched and ready to install: its project name, the folder holding its
 * dbt_project.yml, the entry pinned as the lock file records it, and whether it is
 * installed as a link to {@code dir} (local packages) rather than a copy.
 */
public record Fetched(String name, Path dir, PackageSpec pinned, boolean link) {
}
