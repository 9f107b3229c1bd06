package dev.mallard.core.manifest;

/** A macro defined in the project, for manifest.json. */
public record MacroInfo(String uniqueId, String name, String packageName, String path, String originalFilePath,
                        String macroSql) {
}
