package dev.mallard.core.project;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * dbt_project.yml settings the command line overrides, as dbt's flags do.
 *
 * @param profile    --profile: the profile to read instead of the project's {@code profile:}; null keeps it
 * @param targetPath --target-path or DBT_TARGET_PATH: where artifacts go instead of {@code target-path:}; null keeps it
 */
public record ProjectOverrides(String profile, String targetPath) {
    public static final ProjectOverrides NONE = new ProjectOverrides(null, null);

    /** The rendered dbt_project.yml with these settings in place. */
    Map<String, Object> applyTo(Map<String, Object> project) {
        if (profile == null && targetPath == null) {
            return project;
        }
        Map<String, Object> out = new LinkedHashMap<>(project);
        if (profile != null) {
            out.put("profile", profile);
        }
        if (targetPath != null) {
            out.put("target-path", targetPath);
        }
        return out;
    }
}
