package dev.mallard.core.manifest;

import java.util.List;
import java.util.Map;

/**
 * A macro of the project, a package or dbt's library, for manifest.json: its own block text,
 * the unique ids of the macros it calls, and what a {@code macros:} entry of a properties
 * file said of it ({@link Patch#NONE} when none did).
 */
public record MacroInfo(String uniqueId, String name, String packageName, String path, String originalFilePath,
                        String macroSql, List<String> dependsOn, Patch patch) {
    public MacroInfo {
        dependsOn = List.copyOf(dependsOn);
        if (patch == null) {
            patch = Patch.NONE;
        }
    }

    public MacroInfo(String uniqueId, String name, String packageName, String path, String originalFilePath,
                     String macroSql, List<String> dependsOn) {
        this(uniqueId, name, packageName, path, originalFilePath, macroSql, dependsOn, Patch.NONE);
    }

    public MacroInfo(String uniqueId, String name, String packageName, String path, String originalFilePath,
                     String macroSql) {
        this(uniqueId, name, packageName, path, originalFilePath, macroSql, List.of());
    }

    /** This macro with the properties {@code patch} gives it. */
    public MacroInfo withPatch(Patch patch) {
        return new MacroInfo(uniqueId, name, packageName, path, originalFilePath, macroSql, dependsOn, patch);
    }

    /**
     * A macro's properties as dbt applies them: the description (its doc() calls rendered),
     * meta, docs (show, node_color), the documented arguments, and the properties file as
     * {@code <package>://<path>} (null when no file described the macro).
     */
    public record Patch(String description, Map<String, Object> meta, boolean show, String nodeColor,
                        List<Argument> arguments, String patchPath) {
        public static final Patch NONE = new Patch("", Map.of(), true, null, List.of(), null);

        public Patch {
            meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
            arguments = List.copyOf(arguments);
        }
    }

    /** One documented argument of a macro: its name, type (null when not given) and description. */
    public record Argument(String name, String type, String description) {
    }
}
