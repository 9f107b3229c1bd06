package dev.mallard.core.manifest;

import java.util.List;

/**
 * A macro of the project, a package or dbt's library, for manifest.json: its own block text
 * and the unique ids of the macros it calls.
 */
public record MacroInfo(String uniqueId, String name, String packageName, String path, String originalFilePath,
                        String macroSql, List<String> dependsOn) {
    public MacroInfo {
        dependsOn = List.copyOf(dependsOn);
    }

    public MacroInfo(String uniqueId, String name, String packageName, String path, String originalFilePath,
                     String macroSql) {
        this(uniqueId, name, packageName, path, originalFilePath, macroSql, List.of());
    }
}
